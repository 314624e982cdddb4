-- ARGV: prefix, self, cid, group, notice -> 1 when a member, 0 when the client is not online
local cid, g = ARGV[3], ARGV[4]
if not registered(cid) then
  notify(cid, ARGV[2], ARGV[5]) -- not registered yet (just connected): its node applies it
  return 0
end
if redis.call('SADD', p .. 'group:' .. g, cid) == 1 then
  redis.call('HINCRBY', p .. 'gn:' .. g, nodeOf(cid), 1)
  redis.call('SADD', p .. 'groups', g)
end
redis.call('SADD', p .. 'cg:' .. cid, g)
notify(cid, ARGV[2], ARGV[5])
return 1
