-- Shared by the scripts that run in one entity's slot (a user's or a group's) and answer a route (prepended to each).
-- An entry of an entity's hash is 'node|epoch': the node holding the connection, and how many claims moved it so far.
local function nodeOfEntry(entry)
  return string.match(entry, '^(.*)|%d+$')
end
local function epochOfEntry(entry)
  return tonumber(string.match(entry, '|(%d+)$'))
end
-- Appends the entity's stamp to a route's answer (routed in lib.lua): 0, or 1, its name, its version, M and M pairs
-- of connection and old node. versionKey and marksKey are the entity's (docs/CLUSTER.md, "Route stamps").
local function stampEntity(out, entity, versionKey, marksKey)
  local v = redis.call('GET', versionKey)
  if not v then
    out[#out + 1] = 0
    return out
  end
  local mf = redis.call('HGETALL', marksKey)
  out[#out + 1] = 1
  out[#out + 1] = entity
  out[#out + 1] = tonumber(v)
  out[#out + 1] = #mf / 2
  for _, x in ipairs(mf) do out[#out + 1] = x end
  return out
end
-- A claim's step in the entity's slot: the version it switches at, and the connection marked as still held by its
-- old node until that node lets it go.
local function switchEntity(cid, oldNode, versionKey, marksKey)
  local v = redis.call('INCR', versionKey)
  -- far longer than any node keeps a claim (ClaimLedger.KEEP): a version that lapses restarts below no kept one
  redis.call('PEXPIRE', versionKey, 3600000)
  redis.call('HSET', marksKey, cid, oldNode)
  return v
end
