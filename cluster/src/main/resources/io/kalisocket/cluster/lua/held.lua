-- KEYS: the connection's (Keys.clientKeys); ARGV: node, cid -> {1, its uid or '', its epoch, G and its G groups} when
-- the node may drop it (client.lua), else {0}. The first step of a drop: the caller takes the connection out of its
-- user's and groups' hashes (each in its slot), then deletes its record (drop.lua), so a step that fails leaves the
-- record for the retry to find.
if not droppableBy(ARGV[1], ARGV[2]) then return {0} end
if holder() then redis.call('HSET', KEYS[1], 'x', '1') end -- dropping: no membership write from now on
local out = {1, redis.call('HGET', KEYS[1], 'uid') or '', epoch()}
local groups = redis.call('SMEMBERS', KEYS[2])
out[#out + 1] = #groups
for _, g in ipairs(groups) do out[#out + 1] = g end
return out
