-- ARGV: prefix, self, cid, uid
-- -> {1 when bound, 0 when the client is not registered here; the uid it had, or ''; its epoch (claims so far)}
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"), which then adds it
-- to the user's hash (user_add.lua, in the user's slot) and removes it from the old user's.
local cid, uid = ARGV[3], ARGV[4]
if not writable(cid, ARGV[2]) then return {0, '', 0} end
local ck = p .. 'c:' .. cid
local old = redis.call('HGET', ck, 'uid')
if old ~= uid then redis.call('HSET', ck, 'uid', uid) end
return {1, old or '', epochOf(cid)}
