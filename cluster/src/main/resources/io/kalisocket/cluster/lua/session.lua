-- ARGV: prefix, self, cid, replace ('1'|'0'), notice, then field/JSON pairs ('-' deletes the field)
local cid = ARGV[3]
if not registered(cid) then
  notify(cid, ARGV[2], ARGV[5]) -- not registered yet (just connected): its node applies it
  return 0
end
local k = p .. 's:' .. cid
if ARGV[4] == '1' then redis.call('DEL', k) end
for i = 6, #ARGV, 2 do
  if ARGV[i + 1] == '-' then redis.call('HDEL', k, ARGV[i]) else redis.call('HSET', k, ARGV[i], ARGV[i + 1]) end
end
notify(cid, ARGV[2], ARGV[5])
return 1
