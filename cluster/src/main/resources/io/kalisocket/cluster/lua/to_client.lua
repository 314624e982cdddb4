-- ARGV: prefix, self, cid -> {1 when the client is online else 0, the stamp of the node to deliver to}; the caller
-- publishes to that node either way (a connection opened less than a sync interval ago is not registered yet, but
-- its node has it)
local out = {registered(ARGV[3]) and 1 or 0}
stamp(out, nodeOf(ARGV[3]))
return out
