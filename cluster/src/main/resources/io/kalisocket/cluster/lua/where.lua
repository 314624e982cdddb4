-- ARGV: prefix, cid -> {1 when the connection is registered else 0, the node it lives on, 1 when that node is alive
-- else 0}: where a membership change asked on another node goes (the node holding a connection is its one writer)
local node = nodeOf(ARGV[2])
return {registered(ARGV[2]) and 1 or 0, node, redis.call('EXISTS', p .. 'node:' .. node)}
