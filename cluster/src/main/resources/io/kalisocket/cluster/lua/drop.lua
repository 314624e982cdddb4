-- ARGV: prefix, onlyIfNodeDead ('1'|'0'), node, client ids of that node... -> {1, then per connection removed: its
-- id, its uid or '', its epoch, G and its G groups}, or {-1} when the node is alive. A connection that lives on
-- another node now (its client returned there) is skipped: not the node's. The caller removes the removed connections
-- from their users' and groups' hashes and deletes their sessions and recovery streams (each in its own slot).
local removed = {1}
for i = 4, #ARGV do
  local cid = ARGV[i]
  local node = nodeOf(cid)
  if node == ARGV[3] then
    if ARGV[2] == '1' and redis.call('EXISTS', p .. 'node:' .. node) == 1 then return {-1} end
    redis.call('SREM', p .. 'n:' .. node .. ':clients', cid)
    local uid = redis.call('HGET', p .. 'c:' .. cid, 'uid')
    local epoch = epochOf(cid)
    -- a claim's marks whose old node never let go (its notice lost): they would ride on every stamp
    redis.call('HDEL', p .. 'mf:a', cid)
    local groups = redis.call('SMEMBERS', p .. 'cg:' .. cid)
    redis.call('DEL', p .. 'c:' .. cid, p .. 'cg:' .. cid, p .. 'v:c:' .. cid, p .. 'mf:c:' .. cid)
    redis.call('HDEL', p .. 'moved', cid)
    removed[#removed + 1] = cid
    removed[#removed + 1] = uid or ''
    removed[#removed + 1] = epoch
    removed[#removed + 1] = #groups
    for _, g in ipairs(groups) do removed[#removed + 1] = g end
  end
end
return removed
