-- ARGV: prefix, node -> 1 when the dead node is forgotten, 0 when clients remain, -1 when it is alive
local node = ARGV[2]
if redis.call('EXISTS', p .. 'node:' .. node) == 1 then return -1 end
if redis.call('SCARD', p .. 'n:' .. node .. ':clients') > 0 then return 0 end
redis.call('SREM', p .. 'nodes', node)
return 1
