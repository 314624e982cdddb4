-- ARGV: prefix, self, cid, group -> {1 when a member, 0 when the client is not registered here; its epoch (claims so
-- far)}. Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"), which then
-- adds it to the group's hash (group_add.lua, in the group's slot).
local cid, g = ARGV[3], ARGV[4]
if not writable(cid, ARGV[2]) then return {0, 0} end
redis.call('SADD', p .. 'cg:' .. cid, g)
return {1, epochOf(cid)}
