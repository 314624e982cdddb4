-- ARGV: prefix, self, group, notice -> number of nodes that held members
local g = ARGV[3]
local k = p .. 'group:' .. g
for _, cid in ipairs(redis.call('SMEMBERS', k)) do redis.call('SREM', p .. 'cg:' .. cid, g) end
local holders = redis.call('HKEYS', p .. 'gn:' .. g)
redis.call('DEL', k, p .. 'gn:' .. g)
redis.call('SREM', p .. 'groups', g)
for _, n in ipairs(holders) do
  if n ~= ARGV[2] then redis.call(PUBLISH, p .. 'ch:' .. n, ARGV[4]) end
end
return #holders
