-- KEYS: the connection's (Keys.clientKeys); ARGV: self -> 1 when registered here, 0 when another node holds it (a
-- claim took it: this node's late registration must not take it back)
local n = holder()
if n and n ~= ARGV[1] then return 0 end
if not n then redis.call('HSET', KEYS[1], 'n', ARGV[1]) end
return 1
