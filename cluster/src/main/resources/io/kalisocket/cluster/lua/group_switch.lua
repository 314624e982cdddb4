-- KEYS: the group's hash (client id -> 'node|epoch'), its node counts, its version, its marks; ARGV: cid, new node,
-- epoch (the claims of the connection, this one included), old node -> the version the group is switched at. A
-- claim's step in the group's slot (docs/CLUSTER.md, "Route stamps"): the member is the new node's from now on.
local now = redis.call('HGET', KEYS[1], ARGV[1])
if now and redis.call('HINCRBY', KEYS[2], nodeOfEntry(now), -1) <= 0 then
  redis.call('HDEL', KEYS[2], nodeOfEntry(now))
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return switchEntity(ARGV[1], ARGV[4], KEYS[3], KEYS[4])
