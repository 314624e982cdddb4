-- ARGV: prefix, self, cid, uid -> {1 when it was bound to uid, else 0; its epoch (claims so far)}
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"), which then removes
-- it from the user's hash (user_remove.lua, in the user's slot).
local cid, uid = ARGV[3], ARGV[4]
local ck = p .. 'c:' .. cid
if not writable(cid, ARGV[2]) or redis.call('HGET', ck, 'uid') ~= uid then return {0, 0} end
redis.call('HDEL', ck, 'uid')
return {1, epochOf(cid)}
