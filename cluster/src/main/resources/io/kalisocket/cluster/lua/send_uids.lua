-- ARGV: prefix, self, uids... -> {the users' remote connections, the nodes other than self holding one, the users'
-- stamps} (see routed in lib.lua); the caller publishes one notice to each of those nodes
local count, nodes, entities = 0, {}, {}
for i = 3, #ARGV do
  entities[#entities + 1] = 'u:' .. ARGV[i]
  for _, cid in ipairs(redis.call('SMEMBERS', p .. 'uid:' .. ARGV[i])) do
    local n = nodeOf(cid)
    if n ~= ARGV[2] then
      count = count + 1
      nodes[n] = true
    end
  end
end
return routed(count, nodes, entities)
