-- ARGV: prefix, self, cid, group -> 1 when a member, 0 when the client is not registered
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes").
local cid, g = ARGV[3], ARGV[4]
if not writable(cid, ARGV[2]) then return 0 end
if redis.call('SADD', p .. 'group:' .. g, cid) == 1 then
  redis.call('HINCRBY', p .. 'gn:' .. g, nodeOf(cid), 1)
  redis.call('SADD', p .. 'groups', g)
end
redis.call('SADD', p .. 'cg:' .. cid, g)
return 1
