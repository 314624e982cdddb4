-- KEYS: the connection's (Keys.clientKeys); ARGV: self, uid -> {1 when it was bound to uid, else 0; its epoch}
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"), which then removes
-- it from the user's hash (user_remove.lua, in the user's slot).
if not writable(ARGV[1]) or redis.call('HGET', KEYS[1], 'uid') ~= ARGV[2] then return {0, 0} end
redis.call('HDEL', KEYS[1], 'uid')
return {1, epoch()}
