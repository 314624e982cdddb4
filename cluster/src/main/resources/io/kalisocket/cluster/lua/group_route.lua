-- KEYS: the group's hash (client id -> 'node|epoch'), its node counts, its version, its marks; ARGV: self, the entity
-- ('g:<g>'), excluded client ids... -> {its members on other nodes less the excluded, N, the N other nodes holding
-- members, then the group's stamp} (the answer of routed in lib.lua, for one group, in its slot): O(nodes), not
-- O(members)
local count, out = 0, {0, 0}
local held = redis.call('HGETALL', KEYS[2])
for i = 1, #held, 2 do
  if held[i] ~= ARGV[1] then
    out[#out + 1] = held[i]
    count = count + tonumber(held[i + 1])
  end
end
for i = 3, #ARGV do
  local entry = redis.call('HGET', KEYS[1], ARGV[i])
  if entry and nodeOfEntry(entry) ~= ARGV[1] then count = count - 1 end
end
out[1] = count
out[2] = #out - 2
return stampEntity(out, ARGV[2], KEYS[3], KEYS[4])
