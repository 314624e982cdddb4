-- ARGV: prefix, self, group count G, G groups, excluded client ids...
-- -> {remote members handed the message, the nodes other than self holding a member, the groups' stamps} (see
-- routed in lib.lua); the caller publishes one notice to each of those nodes
local self, ng = ARGV[2], tonumber(ARGV[3])
local count, nodes, entities = 0, {}, {}
for i = 4, 3 + ng do
  entities[#entities + 1] = 'g:' .. ARGV[i]
  local held = redis.call('HGETALL', p .. 'gn:' .. ARGV[i])
  for j = 1, #held, 2 do
    if held[j] ~= self then
      nodes[held[j]] = true
      if ng == 1 then count = count + tonumber(held[j + 1]) end
    end
  end
end
if ng > 1 then
  local keys = {}
  for i = 4, 3 + ng do keys[#keys + 1] = p .. 'group:' .. ARGV[i] end
  for _, cid in ipairs(redis.call('SUNION', unpack(keys))) do
    if nodeOf(cid) ~= self then count = count + 1 end
  end
end
for i = 4 + ng, #ARGV do
  local cid = ARGV[i]
  if nodeOf(cid) ~= self then
    for gi = 4, 3 + ng do
      if redis.call('SISMEMBER', p .. 'group:' .. ARGV[gi], cid) == 1 then
        count = count - 1
        break
      end
    end
  end
end
return routed(count, nodes, entities)
