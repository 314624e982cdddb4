-- ARGV: prefix, self, cid, group, tell ('1': the caller has a notice for the connection's node)
-- -> {1 when a member, 0 when the client is not online; the node to tell or ''}
local cid, g = ARGV[3], ARGV[4]
if not registered(cid) then
  return {0, toTell(cid, ARGV[2], ARGV[5])} -- not registered yet (just connected): its node applies it
end
if redis.call('SADD', p .. 'group:' .. g, cid) == 1 then
  redis.call('HINCRBY', p .. 'gn:' .. g, nodeOf(cid), 1)
  redis.call('SADD', p .. 'groups', g)
end
redis.call('SADD', p .. 'cg:' .. cid, g)
return {1, toTell(cid, ARGV[2], ARGV[5])}
