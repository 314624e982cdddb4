-- KEYS: the stream's hash, the stream; ARGV: self, last (the client's position)
-- -> {'ok', newest, old node, missed pushes...}, {'live', old node}, or {reason}: 'gone' (no stream), 'expired',
-- 'invalid', 'overflow'
-- The first step of a claim (docs/RECOVERY.md §7), in the connection's own slot: a client returned to this node
-- (self) for a connection another node holds. Atomically: check that the pushes after `last` are all kept and make
-- self the stream's writer (what the old node still appends is handed on to self). The caller then moves the
-- connection's memberships (claim.lua). A connection whose socket still looks alive on its node answers 'live':
-- the caller asks that node to drop it ('yield') and tries again.
local self, pos = ARGV[1], tonumber(ARGV[2])
local mk, sk = KEYS[1], KEYS[2]
local owner = redis.call('HGET', mk, 'node')
if not owner then return {'gone'} end
if owner == self then return {'expired'} end -- it was here, and this node has forgotten it
if redis.call('HGET', mk, 'parked') ~= '1' then return {'live', owner} end
local newest = tonumber(redis.call('HGET', mk, 'last') or '0')
if pos < 0 or pos > newest then return {'invalid'} end
local oldest = redis.call('XRANGE', sk, '-', '+', 'COUNT', 1)
local first = newest + 1
if #oldest > 0 then first = tonumber(string.match(oldest[1][1], '^%d+')) end
if pos + 1 < first then return {'overflow'} end
redis.call('HSET', mk, 'node', self)
redis.call('HDEL', mk, 'parked')
local out = {'ok', newest, owner}
for _, e in ipairs(redis.call('XRANGE', sk, (pos + 1) .. '-0', '+')) do out[#out + 1] = e[2][2] end
return out
