-- ARGV: prefix, 'count'|'list' -> the number of open connections, or their ids, over every node
local count, ids = 0, {}
for _, n in ipairs(redis.call('SMEMBERS', p .. 'nodes')) do
  local k = p .. 'n:' .. n .. ':clients'
  if ARGV[2] == 'count' then
    count = count + redis.call('SCARD', k)
  else
    for _, cid in ipairs(redis.call('SMEMBERS', k)) do ids[#ids + 1] = cid end
  end
end
if ARGV[2] == 'count' then return count end
return ids
