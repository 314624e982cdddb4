-- ARGV: prefix, self, cid, uid, tell ('1': the caller has a notice for the connection's node)
-- -> {1 when it was bound to uid, else 0; the node to tell or ''}
local cid, uid = ARGV[3], ARGV[4]
local ck = p .. 'c:' .. cid
if redis.call('HGET', ck, 'uid') ~= uid then return {0, ''} end
redis.call('HDEL', ck, 'uid')
unbindUid(cid, uid)
return {1, toTell(cid, ARGV[2], ARGV[5])}
