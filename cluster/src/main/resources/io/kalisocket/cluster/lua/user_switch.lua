-- KEYS: the user's hash (client id -> 'node|epoch'), its version, its marks; ARGV: cid, new node, epoch (the claims of
-- the connection, this one included), old node -> the version the user is switched at. A claim's step in the user's
-- slot (docs/CLUSTER.md, "Route stamps"): the connection is the new node's from now on.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
return switchEntity(ARGV[1], ARGV[4], KEYS[2], KEYS[3])
