-- ARGV: prefix, self, cid, last (the client's position)
-- -> {'ok', newest, claim number, old node, its away number, uid or '', G, G groups, 2S, S session field/value pairs,
-- missed pushes...}, {'live', old node}, or {reason}
-- A client returned to this node (self) for a connection another node holds. Atomically: check that the pushes
-- after `last` are all kept, make self the stream's writer (what the old node still appends is handed on to self),
-- move the connection's memberships to self and number the claim on both sides; the caller then tells the old node
-- to let it go ('moved', with the away number that the stamps of the deliveries routed to it are compared with).
-- A connection whose socket still looks alive there answers 'live': the caller asks the old node to drop it
-- ('yield') and tries again.
local self, cid, pos = ARGV[2], ARGV[3], tonumber(ARGV[4])
local mk, sk = p .. 'r:' .. cid, p .. 'rs:' .. cid
local owner = redis.call('HGET', mk, 'node')
if not owner then
  if registered(cid) then return {'epoch'} end -- open somewhere, but Redis lost its stream
  return {'expired'}
end
if owner == self then return {'expired'} end -- it was here, and this node has forgotten it
if redis.call('HGET', mk, 'parked') ~= '1' then
  return {'live', owner}
end
local newest = tonumber(redis.call('HGET', mk, 'last') or '0')
if pos < 0 or pos > newest then return {'invalid'} end
local oldest = redis.call('XRANGE', sk, '-', '+', 'COUNT', 1)
local first = newest + 1
if #oldest > 0 then first = tonumber(string.match(oldest[1][1], '^%d+')) end
if pos + 1 < first then return {'overflow'} end

redis.call('HSET', mk, 'node', self)
redis.call('HDEL', mk, 'parked')
redis.call('SREM', p .. 'n:' .. owner .. ':clients', cid)
redis.call('SADD', p .. 'n:' .. self .. ':clients', cid)
if homeOf(cid) == self then redis.call('HDEL', p .. 'moved', cid) else redis.call('HSET', p .. 'moved', cid, self) end
local movedUid = redis.call('HGET', p .. 'c:' .. cid, 'uid')
if movedUid then uidChanged(movedUid) end
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
local out = {'ok', newest, claimNo, owner, awayNo, redis.call('HGET', p .. 'c:' .. cid, 'uid') or '', #groups}
for _, g in ipairs(groups) do out[#out + 1] = g end
local session = redis.call('HGETALL', p .. 's:' .. cid)
out[#out + 1] = #session
for _, v in ipairs(session) do out[#out + 1] = v end
for _, e in ipairs(redis.call('XRANGE', sk, (pos + 1) .. '-0', '+')) do out[#out + 1] = e[2][2] end
return out
