-- KEYS: the group's hash (client id -> 'node|epoch'), its node counts; ARGV: cid, node, epoch (the claims of the
-- connection so far) -> 1 when written, 0 when it was there already, -1 when refused: there with a later epoch (a
-- claim moved it on, and this is a late write of the node it left)
local now = redis.call('HGET', KEYS[1], ARGV[1])
local entry = ARGV[2] .. '|' .. ARGV[3]
if now == entry then return 0 end
if now then
  if epochOfEntry(now) > tonumber(ARGV[3]) then return -1 end
  if redis.call('HINCRBY', KEYS[2], nodeOfEntry(now), -1) <= 0 then redis.call('HDEL', KEYS[2], nodeOfEntry(now)) end
end
redis.call('HSET', KEYS[1], ARGV[1], entry)
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 1
