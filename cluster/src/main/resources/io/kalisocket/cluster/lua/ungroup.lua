-- ARGV: prefix, self, group -> the nodes other than self that held members (the caller tells each)
local g = ARGV[3]
local k = p .. 'group:' .. g
for _, cid in ipairs(redis.call('SMEMBERS', k)) do redis.call('SREM', p .. 'cg:' .. cid, g) end
local holders = redis.call('HKEYS', p .. 'gn:' .. g)
redis.call('DEL', k, p .. 'gn:' .. g)
redis.call('SREM', p .. 'groups', g)
local others = {}
for _, n in ipairs(holders) do
  if n ~= ARGV[2] then others[#others + 1] = n end
end
return others
