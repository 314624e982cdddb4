-- ARGV: prefix, self, excluded client ids... -> {remote connections, every other node, the stamp of everyone ('a')}
-- (see routed in lib.lua); the caller publishes one notice on the shared channel
local count, nodes = 0, {}
for _, n in ipairs(redis.call('SMEMBERS', p .. 'nodes')) do
  if n ~= ARGV[2] then
    count = count + redis.call('SCARD', p .. 'n:' .. n .. ':clients')
    nodes[n] = true
  end
end
for i = 3, #ARGV do
  if nodeOf(ARGV[i]) ~= ARGV[2] and registered(ARGV[i]) then count = count - 1 end
end
return routed(count, nodes, {'a'})
