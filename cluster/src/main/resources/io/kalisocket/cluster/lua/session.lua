-- ARGV: prefix, self, cid, replace ('1'|'0'), tell ('1': a notice for the connection's node), then field/JSON pairs
-- ('-' deletes the field)
-- -> {1 when written, 0 when the client is not online; the node to tell or ''}
local cid = ARGV[3]
if not registered(cid) then
  return {0, toTell(cid, ARGV[2], ARGV[5])} -- not registered yet (just connected): its node applies it
end
local k = p .. 's:' .. cid
if ARGV[4] == '1' then redis.call('DEL', k) end
for i = 6, #ARGV, 2 do
  if ARGV[i + 1] == '-' then redis.call('HDEL', k, ARGV[i]) else redis.call('HSET', k, ARGV[i], ARGV[i + 1]) end
end
return {1, toTell(cid, ARGV[2], ARGV[5])}
