-- ARGV: prefix, self, uid -> {the user's connections on other nodes, the caller's stamp, the stamp of each other
-- node holding one}: what the near cache keeps (docs/CLUSTER.md, "Near cache"), the stamps for the notices it sends
local count, nodes = 0, {}
for _, cid in ipairs(redis.call('SMEMBERS', p .. 'uid:' .. ARGV[3])) do
  local n = nodeOf(cid)
  if n ~= ARGV[2] then
    count = count + 1
    nodes[n] = true
  end
end
return routed(count, ARGV[2], nodes)
