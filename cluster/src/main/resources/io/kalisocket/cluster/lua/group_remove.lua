-- KEYS: the group's hash (client id -> 'node|epoch'), its node counts; ARGV: cid, epoch (the claims of the connection
-- so far) -> {1 when removed, else 0 (absent, or there with a later epoch: a claim moved it on), the members left}
local removed = 0
local now = redis.call('HGET', KEYS[1], ARGV[1])
if now and epochOfEntry(now) <= tonumber(ARGV[2]) then
  removed = redis.call('HDEL', KEYS[1], ARGV[1])
  if redis.call('HINCRBY', KEYS[2], nodeOfEntry(now), -1) <= 0 then redis.call('HDEL', KEYS[2], nodeOfEntry(now)) end
end
local left = redis.call('HLEN', KEYS[1])
if left == 0 then redis.call('DEL', KEYS[2]) end
return {removed, left}
