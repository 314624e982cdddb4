-- ARGV: prefix, self, uid -> {the user's connections on other nodes, the nodes holding them, the user's stamp} (see
-- routed in lib.lua): what the near cache keeps (docs/CLUSTER.md, "Near cache")
local count, nodes = 0, {}
for _, cid in ipairs(redis.call('SMEMBERS', p .. 'uid:' .. ARGV[3])) do
  local n = nodeOf(cid)
  if n ~= ARGV[2] then
    count = count + 1
    nodes[n] = true
  end
end
return routed(count, nodes, {'u:' .. ARGV[3]})
