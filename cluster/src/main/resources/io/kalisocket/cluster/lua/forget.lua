-- KEYS: the stream's hash, the stream; ARGV: self -> 1 when the stream was this node's (now deleted), 0 when another
-- node claimed it
local owner = redis.call('HGET', KEYS[1], 'node')
if owner and owner ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
