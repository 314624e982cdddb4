-- ARGV: prefix, self, cid, old node
-- -> {uid or '', G, G groups, E, then E pairs of entity and the version it switched at (its own: its epoch)}
-- The second step of a claim (docs/RECOVERY.md §7), after claim_stream.lua made self the connection's stream writer:
-- move the connection's registration from the old node to self and switch its entities here (itself, everyone;
-- lib.lua, "Route stamps"; its groups and its user in their slots next, in name order) at a new version, marking it
-- as held by the old node until that node lets it go. The caller then tells the old node ('moved', with the
-- versions), and both compare the stamps of the deliveries they get with these versions.
local self, cid, owner = ARGV[2], ARGV[3], ARGV[4]
redis.call('SREM', p .. 'n:' .. owner .. ':clients', cid)
redis.call('SADD', p .. 'n:' .. self .. ':clients', cid)
if homeOf(cid) == self then redis.call('HDEL', p .. 'moved', cid) else redis.call('HSET', p .. 'moved', cid, self) end
local entities = {'c:' .. cid, 'a'}
local uid = redis.call('HGET', p .. 'c:' .. cid, 'uid') -- its user's switch is the caller's next step, in its slot
local groups = redis.call('SMEMBERS', p .. 'cg:' .. cid) -- switched in their slots next, as its user
local out = {uid or '', #groups}
for _, g in ipairs(groups) do out[#out + 1] = g end
out[#out + 1] = #entities
for _, e in ipairs(entities) do
  local v = redis.call('INCR', p .. 'v:' .. e)
  -- far longer than any node keeps a claim (ClaimLedger.KEEP): a version that lapses restarts below no kept one; the
  -- connection's own lives with it (its epoch, lib.lua)
  if e ~= 'c:' .. cid then redis.call('PEXPIRE', p .. 'v:' .. e, 3600000) end
  redis.call('HSET', p .. 'mf:' .. e, cid, owner)
  out[#out + 1] = e
  out[#out + 1] = v
end
return out
