-- KEYS: the user's hash (client id -> 'node|epoch'), its version, its marks; ARGV: self, the entity ('u:<uid>')
-- -> {the user's connections on other nodes, N, the N nodes holding them, then the user's stamp} (the answer of
-- routed in lib.lua, for one user, in its slot)
local count, out, seen = 0, {0, 0}, {}
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, 2 do
  local node = nodeOfEntry(held[i + 1])
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
return stampEntity(out, ARGV[2], KEYS[2], KEYS[3])
