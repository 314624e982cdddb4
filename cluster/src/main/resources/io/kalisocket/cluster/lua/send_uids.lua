-- ARGV: prefix, self, uids... -> {the users' remote connections, the caller's stamp, the stamp of each other node
-- holding one} (see routed in lib.lua); the caller publishes one notice to each of those nodes
local count, nodes = 0, {}
for i = 3, #ARGV do
  for _, cid in ipairs(redis.call('SMEMBERS', p .. 'uid:' .. ARGV[i])) do
    local n = nodeOf(cid)
    if n ~= ARGV[2] then
      count = count + 1
      nodes[n] = true
    end
  end
end
return routed(count, ARGV[2], nodes)
