-- ARGV: prefix, self, uid -> the node of each of the user's connections on other nodes (one entry per connection):
-- what the near cache keeps (docs/CLUSTER.md, "Near cache")
local out = {}
for _, cid in ipairs(redis.call('SMEMBERS', p .. 'uid:' .. ARGV[3])) do
  local n = nodeOf(cid)
  if n ~= ARGV[2] then out[#out + 1] = n end
end
return out
