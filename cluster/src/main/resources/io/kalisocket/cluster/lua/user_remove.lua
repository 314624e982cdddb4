-- KEYS: the user's hash (client id -> 'node|epoch'); ARGV: cid, epoch (the claims of the connection so far)
-- -> {1 when removed, else 0 (absent, or there with a later epoch: a claim moved it on), the connections left}
local removed = 0
local now = redis.call('HGET', KEYS[1], ARGV[1])
if now and epochOfEntry(now) <= tonumber(ARGV[2]) then removed = redis.call('HDEL', KEYS[1], ARGV[1]) end
return {removed, redis.call('HLEN', KEYS[1])}
