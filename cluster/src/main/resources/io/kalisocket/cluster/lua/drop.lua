-- ARGV: prefix, onlyIfNodeDead ('1'|'0'), client ids... -> clients removed, or -1 when the node is alive
for i = 3, #ARGV do
  local cid = ARGV[i]
  local node = nodeOf(cid)
  if ARGV[2] == '1' and redis.call('EXISTS', p .. 'node:' .. node) == 1 then return -1 end
  redis.call('SREM', p .. 'n:' .. node .. ':clients', cid)
  local uid = redis.call('HGET', p .. 'c:' .. cid, 'uid')
  if uid then unbindUid(cid, uid) end
  for _, g in ipairs(redis.call('SMEMBERS', p .. 'cg:' .. cid)) do leaveGroup(cid, g) end
  redis.call('DEL', p .. 'c:' .. cid, p .. 'cg:' .. cid, p .. 's:' .. cid)
end
return #ARGV - 2
