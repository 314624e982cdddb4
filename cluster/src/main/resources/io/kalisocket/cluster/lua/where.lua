-- KEYS: the connection's (Keys.clientKeys); ARGV: cid -> {1 when registered else 0, the node holding it (else its
-- id's node)}: where a membership change asked on another node goes (the node holding a connection is its one writer)
local n = holder()
if n then return {1, n} end
return {0, homeOf(ARGV[1])}
