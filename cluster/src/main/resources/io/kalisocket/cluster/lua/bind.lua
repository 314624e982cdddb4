-- ARGV: prefix, self, cid, uid, tell ('1': the caller has a notice for the connection's node)
-- -> {1 when bound, 0 when the client is not online; the node to tell or ''}
local cid, uid = ARGV[3], ARGV[4]
if not registered(cid) then
  return {0, toTell(cid, ARGV[2], ARGV[5])} -- not registered yet (just connected): its node applies it
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
return {1, toTell(cid, ARGV[2], ARGV[5])}
