-- ARGV: prefix, self, cid, group -> {1, or 0 when the client is not registered here; its epoch (claims so far)}. Run
-- by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"), which then removes it
-- from the group's hash (group_remove.lua, in the group's slot).
local cid = ARGV[3]
if not writable(cid, ARGV[2]) then return {0, 0} end
redis.call('SREM', p .. 'cg:' .. cid, ARGV[4])
return {1, epochOf(cid)}
