-- ARGV: prefix, self, cid, uid, notice -> 1 when bound, 0 when the client is not online
local cid, uid = ARGV[3], ARGV[4]
if not registered(cid) then
  notify(cid, ARGV[2], ARGV[5]) -- not registered yet (just connected): its node applies it
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
notify(cid, ARGV[2], ARGV[5])
return 1
