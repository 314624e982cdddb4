-- ARGV: prefix, self, message, uids... -> {the users' remote connections, claims of self, claims away from self, client ids the caller must not deliver to
-- locally...}; one message per node holding one
local count, nodes = 0, {}
for i = 4, #ARGV do
  for _, cid in ipairs(redis.call('SMEMBERS', p .. 'uid:' .. ARGV[i])) do
    local n = nodeOf(cid)
    if n ~= ARGV[2] then
      count = count + 1
      nodes[n] = true
    end
  end
end
publishTo(nodes, ARGV[3])
return {count, claimsOf(ARGV[2]), awayOf(ARGV[2]), unpack(movedFrom(ARGV[2]))}
