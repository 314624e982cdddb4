-- KEYS: the group's hash (client id -> 'node|epoch'), its node counts -> {N, the N nodes that held members, then the
-- members}; both deleted. The caller removes the group from its members' lists and tells the nodes.
local holders = redis.call('HKEYS', KEYS[2])
local out = {#holders}
for _, n in ipairs(holders) do out[#out + 1] = n end
for _, cid in ipairs(redis.call('HKEYS', KEYS[1])) do out[#out + 1] = cid end
redis.call('DEL', KEYS[1], KEYS[2])
return out
