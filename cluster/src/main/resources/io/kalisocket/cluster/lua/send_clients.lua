-- ARGV: prefix, self, message, client ids... -> {remote clients online, claims of self, claims away from self, client ids the caller must not deliver to
-- locally...}; one message per remote node named
local count, nodes = 0, {}
for i = 4, #ARGV do
  local n = nodeOf(ARGV[i])
  nodes[n] = true -- self too: a connection claimed by the caller since it looked is delivered by its inbox
  if n ~= ARGV[2] and registered(ARGV[i]) then count = count + 1 end
end
publishTo(nodes, ARGV[3])
return {count, claimsOf(ARGV[2]), awayOf(ARGV[2]), unpack(movedFrom(ARGV[2]))}
