-- ARGV: prefix, self, cid, uid -> 1 when it was bound to uid, else 0
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes").
local cid, uid = ARGV[3], ARGV[4]
local ck = p .. 'c:' .. cid
if redis.call('HGET', ck, 'uid') ~= uid then return 0 end
redis.call('HDEL', ck, 'uid')
unbindUid(cid, uid)
return 1
