-- ARGV: prefix, self -> {0, every other node, the stamp of everyone ('a')} (see routed in lib.lua); the caller counts
-- their connections (each node's list is in the node's slot) and publishes one notice on the shared channel
local nodes = {}
for _, n in ipairs(redis.call('SMEMBERS', p .. 'nodes')) do
  if n ~= ARGV[2] then nodes[n] = true end
end
return routed(0, nodes, {'a'})
