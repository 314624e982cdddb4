-- ARGV: prefix, self, client ids... -> {remote clients online, the nodes named (self too), the connections' stamps}
-- (see routed in lib.lua); the caller publishes one notice to each of those nodes
local count, nodes, entities = 0, {}, {}
for i = 3, #ARGV do
  local n = nodeOf(ARGV[i])
  nodes[n] = true -- self too: a connection claimed by the caller since it looked is delivered by its inbox
  entities[#entities + 1] = 'c:' .. ARGV[i]
  if n ~= ARGV[2] and registered(ARGV[i]) then count = count + 1 end
end
return routed(count, nodes, entities)
