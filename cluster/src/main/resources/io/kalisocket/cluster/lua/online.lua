-- KEYS: the connection's (Keys.clientKeys) -> 1 when the connection is open (or parked) on some node, else 0
return redis.call('HEXISTS', KEYS[1], 'n')
