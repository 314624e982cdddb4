-- ARGV: prefix, self, message, group count G, G groups, excluded client ids...
-- -> {remote members handed the message, claims of self, claims away from self, client ids the caller must not deliver to locally...}; one message per
-- node holding a member
local self, ng = ARGV[2], tonumber(ARGV[4])
local count, nodes = 0, {}
for i = 5, 4 + ng do
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
  for i = 5, 4 + ng do keys[#keys + 1] = p .. 'group:' .. ARGV[i] end
  for _, cid in ipairs(redis.call('SUNION', unpack(keys))) do
    if nodeOf(cid) ~= self then count = count + 1 end
  end
end
for i = 5 + ng, #ARGV do
  local cid = ARGV[i]
  if nodeOf(cid) ~= self then
    for gi = 5, 4 + ng do
      if redis.call('SISMEMBER', p .. 'group:' .. ARGV[gi], cid) == 1 then
        count = count - 1
        break
      end
    end
  end
end
publishTo(nodes, ARGV[3])
return {count, claimsOf(ARGV[2]), awayOf(ARGV[2]), unpack(movedFrom(ARGV[2]))}
