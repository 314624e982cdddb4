-- ARGV: prefix, self, cid, old node
-- -> {claim number, the old node's away number, uid or '', G, G groups}
-- The second step of a claim (docs/RECOVERY.md §7), after claim_stream.lua made self the connection's stream writer:
-- atomically move the connection's memberships from the old node to self and number the claim on both sides; the
-- caller then tells the old node to let it go ('moved', with the away number that the stamps of the deliveries
-- routed to it are compared with).
local self, cid, owner = ARGV[2], ARGV[3], ARGV[4]
redis.call('SREM', p .. 'n:' .. owner .. ':clients', cid)
redis.call('SADD', p .. 'n:' .. self .. ':clients', cid)
if homeOf(cid) == self then redis.call('HDEL', p .. 'moved', cid) else redis.call('HSET', p .. 'moved', cid, self) end
local uid = redis.call('HGET', p .. 'c:' .. cid, 'uid')
if uid then uidChanged(uid) end
local groups = redis.call('SMEMBERS', p .. 'cg:' .. cid)
for _, g in ipairs(groups) do
  if redis.call('SISMEMBER', p .. 'group:' .. g, cid) == 1 then
    local gn = p .. 'gn:' .. g
    if redis.call('HINCRBY', gn, owner, -1) <= 0 then redis.call('HDEL', gn, owner) end
    redis.call('HINCRBY', gn, self, 1)
  end
end
redis.call('SADD', p .. 'mf:' .. owner, cid)
local awayNo = redis.call('INCR', p .. 'away:' .. owner)
local claimNo = redis.call('INCR', p .. 'claims:' .. self)
local out = {claimNo, awayNo, uid or '', #groups}
for _, g in ipairs(groups) do out[#out + 1] = g end
return out
