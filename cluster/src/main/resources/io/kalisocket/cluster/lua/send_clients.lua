-- ARGV: prefix, self, message, client ids... -> {remote clients online, client ids the caller must not deliver to
-- locally...}; one message per remote node named
local count, nodes = 0, {}
for i = 4, #ARGV do
  local n = nodeOf(ARGV[i])
  if n ~= ARGV[2] then
    nodes[n] = true
    if registered(ARGV[i]) then count = count + 1 end
  end
end
publishTo(nodes, ARGV[3])
return {count, unpack(movedFrom(ARGV[2]))}
