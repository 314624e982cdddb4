-- ARGV: prefix, key, delta, ttl ms -> the new value; a new key gets the ttl, an existing one keeps its expiry
local v = redis.call('INCRBY', ARGV[2], ARGV[3])
if redis.call('PTTL', ARGV[2]) == -1 then redis.call('PEXPIRE', ARGV[2], ARGV[4]) end
return v
