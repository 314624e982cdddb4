-- KEYS: the entry; ARGV: delta, ttl ms -> the new value; a new key gets the ttl, an existing one keeps its expiry
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v
