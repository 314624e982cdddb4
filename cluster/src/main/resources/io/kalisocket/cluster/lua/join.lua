-- KEYS: the connection's (Keys.clientKeys); ARGV: self, group -> {1 when a member, 0 when the client is not registered
-- here; its epoch}. Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"),
-- which then adds it to the group's hash (group_add.lua, in the group's slot).
if not writable(ARGV[1]) then return {0, 0} end
redis.call('SADD', KEYS[2], ARGV[2])
return {1, epoch()}
