-- ARGV: prefix, self, cid, uid -> 1 when bound, 0 when the client is not registered
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes").
local cid, uid = ARGV[3], ARGV[4]
if not registered(cid) then
  return 0
end
local ck = p .. 'c:' .. cid
local old = redis.call('HGET', ck, 'uid')
if old ~= uid then
  if old then unbindUid(cid, old) end
  redis.call('HSET', ck, 'uid', uid)
  redis.call('SADD', p .. 'uid:' .. uid, cid)
  redis.call('SADD', p .. 'uids', uid)
  uidChanged(uid)
end
return 1
