-- KEYS: the connection's (Keys.clientKeys), its stream's hash, its stream; ARGV: self, last (the client's position)
-- -> {'ok', newest, old node, uid or '', epoch, G, G groups, missed pushes...}, {'live', old node}, or {reason}:
-- 'gone' (no stream), 'expired', 'invalid', 'overflow'
-- A claim (docs/RECOVERY.md §7), in the connection's own slot: a client returned to this node (self) for a
-- connection another node holds. Atomically: check that the pushes after `last` are all kept, make self the stream's
-- writer (what the old node still appends is handed on to self) and the connection's holder, and switch the
-- connection's route at a new version, marked as held by the old node until that node lets it go (entity.lua). The
-- caller then switches everyone's route, the connection's groups and its user, each in its slot, in name order. A
-- connection whose socket still looks alive on its node answers 'live': the caller asks that node to drop it
-- ('yield') and tries again.
local self, pos, cid = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local mk, sk = KEYS[5], KEYS[6]
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
-- the record first: a write that fails (a script's writes before an error are not undone) then leaves all as it was
redis.call('HSET', KEYS[1], 'n', self)
redis.call('HDEL', KEYS[1], 'x') -- a purge of the old node that started meanwhile stops at its last step
redis.call('HSET', mk, 'node', self)
redis.call('HDEL', mk, 'parked')
local v = redis.call('INCR', KEYS[3]) -- the connection's epoch: it lives as long as the connection (no expiry)
redis.call('HSET', KEYS[4], cid, owner)
local groups = redis.call('SMEMBERS', KEYS[2])
local out = {'ok', newest, owner, redis.call('HGET', KEYS[1], 'uid') or '', v, #groups}
for _, g in ipairs(groups) do out[#out + 1] = g end
for _, e in ipairs(redis.call('XRANGE', sk, (pos + 1) .. '-0', '+')) do out[#out + 1] = e[2][2] end
return out
