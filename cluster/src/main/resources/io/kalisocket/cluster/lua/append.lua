-- KEYS: the stream's hash, the stream; ARGV: self, seq, max messages, max bytes, push
-- -> {1} kept, {2, the node that claimed the connection} (the caller hands the push on to it), {0} no stream
-- (finished, or lost by Redis)
-- The node holding a recoverable connection appends each push it numbers; the stream keeps the newest ones within
-- both caps, exactly. Once another node claimed the connection, what this node still appends goes on to that node.
local self, seq = ARGV[1], tonumber(ARGV[2])
local mk, sk, push = KEYS[1], KEYS[2], ARGV[5]
local meta = redis.call('HMGET', mk, 'node', 'last')
local owner = meta[1]
if not owner then return {0} end
if owner ~= self then return {2, owner} end
if seq <= tonumber(meta[2] or '0') then return {0} end
redis.call('XADD', sk, seq .. '-0', 'd', push)
redis.call('HSET', mk, 'last', seq)
local bytes = redis.call('HINCRBY', mk, 'bytes', #push)
local n = redis.call('XLEN', sk)
local maxMessages, maxBytes = tonumber(ARGV[3]), tonumber(ARGV[4])
while n > maxMessages or bytes > maxBytes do
  local oldest = redis.call('XRANGE', sk, '-', '+', 'COUNT', 1)
  if #oldest == 0 then break end
  redis.call('XDEL', sk, oldest[1][1])
  bytes = redis.call('HINCRBY', mk, 'bytes', -#oldest[1][2][2])
  n = n - 1
end
return {1}
