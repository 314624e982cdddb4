-- KEYS: the connection's (Keys.clientKeys); ARGV: cid -> {1 when the client is online else 0, 1, the node to deliver
-- to, the connection's stamp} (a route's answer: routed in lib.lua, for one connection, in its slot); the caller
-- publishes to that node either way (a connection that just opened there may not be registered yet)
local n = holder()
local out = {n and 1 or 0, 1, n or homeOf(ARGV[1])}
return stampEntity(out, 'c:' .. ARGV[1], KEYS[3], KEYS[4])
