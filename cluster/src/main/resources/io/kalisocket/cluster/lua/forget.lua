-- ARGV: prefix, self, cid -> 1 when the stream was this node's (now deleted), 0 when another node claimed it
local mk = p .. 'r:' .. ARGV[3]
local owner = redis.call('HGET', mk, 'node')
if owner and owner ~= ARGV[2] then return 0 end
redis.call('DEL', mk, p .. 'rs:' .. ARGV[3])
return 1
