-- KEYS: the user's hash (client id -> 'node|epoch'), its version, its marks; ARGV: self, the entity ('u:<uid>')
-- -> {the user's connections on other nodes, N, the N nodes holding them, then the user's stamp: 0, or 1, the entity,
-- its version, M and M pairs of connection and old node} (the answer of routed in lib.lua, for one user, in its slot)
local count, out = 0, {0, 0}
local seen = {}
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, 2 do
  local node = string.match(held[i + 1], '^(.*)|%d+$')
  if node ~= ARGV[1] then
    count = count + 1
    if not seen[node] then
      seen[node] = true
      out[#out + 1] = node
    end
  end
end
out[1] = count
out[2] = #out - 2
local v = redis.call('GET', KEYS[2])
if not v then
  out[#out + 1] = 0
  return out
end
local mf = redis.call('HGETALL', KEYS[3])
out[#out + 1] = 1
out[#out + 1] = ARGV[2]
out[#out + 1] = tonumber(v)
out[#out + 1] = #mf / 2
for _, x in ipairs(mf) do out[#out + 1] = x end
return out
