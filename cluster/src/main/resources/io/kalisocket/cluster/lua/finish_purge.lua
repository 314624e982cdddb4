-- KEYS: a dead node's heartbeat, its list of connections -> 1 when it can be forgotten (the caller unlists it), 0 when
-- connections remain, -1 when it is alive
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
if redis.call('SCARD', KEYS[2]) > 0 then return 0 end
return 1
