-- ARGV: prefix, self, cid, uid, notice -> 1 when it was bound to uid
local cid, uid = ARGV[3], ARGV[4]
local ck = p .. 'c:' .. cid
if redis.call('HGET', ck, 'uid') ~= uid then return 0 end
redis.call('HDEL', ck, 'uid')
unbindUid(cid, uid)
notify(cid, ARGV[2], ARGV[5])
return 1
