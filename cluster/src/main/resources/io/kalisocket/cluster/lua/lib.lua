-- Shared by every script (prepended to each). ARGV[1] is the key prefix; names match Keys.java.
local p = ARGV[1]
-- A hash-tagged prefix ({ks:}, on a Redis Cluster) keeps every key in one slot: its shared channel is sharded there.
-- Scripts publish only there; node channels live in slots of their own, published to by the caller.
local PUBLISH = string.sub(p, 1, 1) == '{' and 'SPUBLISH' or 'PUBLISH'
-- The node a client id was made on (its prefix).
local function homeOf(cid)
  local dash = string.find(cid, '-', 1, true)
  if dash then return string.sub(cid, 1, dash - 1) end
  return ''
end
-- The node a connection lives on: its home, unless it returned to another node (connection recovery).
local anyMoved = redis.call('EXISTS', p .. 'moved') == 1
local function nodeOf(cid)
  if anyMoved then
    local moved = redis.call('HGET', p .. 'moved', cid)
    if moved then return moved end
  end
  return homeOf(cid)
end
-- Connections another node claimed from node n that n has not let go yet: its local sends must skip them.
local function movedFrom(n)
  return redis.call('SMEMBERS', p .. 'mf:' .. n)
end
-- How many connections node n has claimed so far: a send's answer carries it, so that n's local delivery can skip
-- the connections it claimed after the send was routed (they got the send where they were).
local function claimsOf(n)
  return tonumber(redis.call('GET', p .. 'claims:' .. n) or '0')
end
-- How many connections other nodes have claimed from node n so far: n's local delivery after a send still reaches
-- those claimed after the send was routed (through their released stream, which hands it on).
local function awayOf(n)
  return tonumber(redis.call('GET', p .. 'away:' .. n) or '0')
end
local function registered(cid)
  return redis.call('SISMEMBER', p .. 'n:' .. nodeOf(cid) .. ':clients', cid) == 1
end
-- Every node's near cache of uid -> nodes forgets the user: where its connections are changed.
local function uidChanged(uid)
  redis.call(PUBLISH, p .. 'ch:all', '~u\n' .. uid)
end
local function unbindUid(cid, uid)
  local k = p .. 'uid:' .. uid
  if redis.call('SREM', k, cid) == 1 then
    uidChanged(uid)
    if redis.call('SCARD', k) == 0 then redis.call('SREM', p .. 'uids', uid) end
  end
end
local function leaveGroup(cid, g)
  local k = p .. 'group:' .. g
  if redis.call('SREM', k, cid) == 1 then
    local gn = p .. 'gn:' .. g
    if redis.call('HINCRBY', gn, nodeOf(cid), -1) <= 0 then redis.call('HDEL', gn, nodeOf(cid)) end
    if redis.call('SCARD', k) == 0 then
      redis.call('SREM', p .. 'groups', g)
      redis.call('DEL', gn)
    end
  end
  redis.call('SREM', p .. 'cg:' .. cid, g)
end
-- The node to tell about a change made to cid: its node, unless that is the caller (self) or there is nothing to
-- tell ('' then). The caller publishes the notice once the script answered: node channels are in their own slots.
local function toTell(cid, self, msg)
  local node = nodeOf(cid)
  if node ~= self and msg ~= '' then return node end
  return ''
end
-- Appends what a delivery routed to node n now must carry (its routing stamp): n, how many connections n had claimed,
-- how many had been claimed away from it, and those of them it still holds (count, then ids). The receiving node
-- compares it with the claims it knows, so that a connection moving between nodes gets the delivery exactly once.
local function stamp(out, n)
  local mf = movedFrom(n)
  out[#out + 1] = n
  out[#out + 1] = claimsOf(n)
  out[#out + 1] = awayOf(n)
  out[#out + 1] = #mf
  for _, cid in ipairs(mf) do out[#out + 1] = cid end
end
-- A send's answer: {count, the caller's stamp, then one stamp per node in nodes (a set)}.
local function routed(count, self, nodes)
  local out = {count}
  stamp(out, self)
  for n in pairs(nodes) do stamp(out, n) end
  return out
end
