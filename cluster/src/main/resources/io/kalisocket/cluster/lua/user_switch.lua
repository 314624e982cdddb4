-- KEYS: the user's hash (client id -> 'node|epoch'), its version, its marks; ARGV: cid, new node, epoch (the claims of
-- the connection, this one included), old node -> the version the user is switched at. A claim's step in the user's
-- slot (docs/CLUSTER.md, "Route stamps"): the connection is the new node's from now on, marked as still held by the
-- old one until that one lets it go.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
local v = redis.call('INCR', KEYS[2])
-- far longer than any node keeps a claim (ClaimLedger.KEEP): a version that lapses restarts below no kept one
redis.call('PEXPIRE', KEYS[2], 3600000)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
return v
