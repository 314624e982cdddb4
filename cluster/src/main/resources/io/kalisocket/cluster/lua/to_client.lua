-- ARGV: prefix, self, cid -> {1 when the client is online else 0, 1, the node to deliver to, the connection's stamp}
-- (see routed in lib.lua); the caller publishes to that node either way (a connection opened less than a sync
-- interval ago is not registered yet, but its node has it)
return routed(registered(ARGV[3]) and 1 or 0, {[nodeOf(ARGV[3])] = true}, {'c:' .. ARGV[3]})
