-- KEYS: the connection's (Keys.clientKeys), then its session, its stream's hash, its stream; ARGV: node, cid
-- -> {1, its uid or '', its epoch, G and its G groups} when removed, {0} when another node holds it now (its client
-- returned there: not the node's). The caller removes it from its node's list, its user's and groups' hashes.
local n = holder()
local mine = n == ARGV[1] or (not n and homeOf(ARGV[2]) == ARGV[1])
if not mine then return {0} end
local uid = redis.call('HGET', KEYS[1], 'uid')
local out = {1, uid or '', epoch()}
local groups = redis.call('SMEMBERS', KEYS[2])
out[#out + 1] = #groups
for _, g in ipairs(groups) do out[#out + 1] = g end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
return out
