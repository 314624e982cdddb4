-- KEYS: the stream's hash; ARGV: self, old node -> 1 when the stream went back to the old node, 0 when self was not
-- its writer any more. Undoes claim_stream.lua when the claim's second step (claim.lua) failed: the connection stays
-- parked on its old node, which may still finish it or see its client return.
if redis.call('HGET', KEYS[1], 'node') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'node', ARGV[2], 'parked', '1')
return 1
