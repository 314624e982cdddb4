-- Shared by the scripts that run in one connection's slot (prepended to each, after entity.lua). KEYS[1..4]: the
-- connection's record (a hash: n = the node holding it, present while it is registered; uid = its user), its groups,
-- its route version (its epoch: how many claims moved it so far, kept while it lives), its marks (Keys.clientKeys).
local function holder()
  return redis.call('HGET', KEYS[1], 'n')
end
-- The node a client id was made on (its prefix): where an unregistered connection would be, if anywhere.
local function homeOf(cid)
  local dash = string.find(cid, '-', 1, true)
  if dash then return string.sub(cid, 1, dash - 1) end
  return ''
end
local function epoch()
  return tonumber(redis.call('GET', KEYS[3]) or '0')
end
-- The caller is the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes"): a late write
-- of a node a claim took it from is refused, and so is a write once a drop started (x, held.lua): the drop has read
-- the user and groups it takes the connection out of.
local function writable(self)
  return holder() == self and redis.call('HEXISTS', KEYS[1], 'x') == 0
end
-- A connection is the node's to drop when its record names the node, or when it has no record (never registered, or
-- already dropped) and its id names the node.
local function droppableBy(node, cid)
  local n = holder()
  return n == node or (not n and homeOf(cid) == node)
end
