-- KEYS: the connection's (Keys.clientKeys); ARGV: self, uid
-- -> {1 when bound, 0 when the client is not registered here; the uid it had, or ''; its epoch (claims so far)}
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"), which then adds it
-- to the user's hash (user_add.lua, in the user's slot) and removes it from the old user's.
local uid = ARGV[2]
if not writable(ARGV[1]) then return {0, '', 0} end
local old = redis.call('HGET', KEYS[1], 'uid')
if old ~= uid then redis.call('HSET', KEYS[1], 'uid', uid) end
return {1, old or '', epoch()}
