-- Shared by the scripts in the prefix's slot (prepended to each). ARGV[1] is the key prefix; names match Keys.java.
local p = ARGV[1]
-- Scripts never publish: on a Redis Cluster a script may touch its own slot only; their callers publish.
-- Route stamps (docs/CLUSTER.md, "Route stamps"): an entity is a user 'u:<uid>', a group 'g:<g>', a connection
-- 'c:<cid>' or everyone 'a'. v:<e> counts the claims that moved one of its connections to another node (absent: none
-- ever, or none for an hour); mf:<e> holds those whose old node has not let them go yet (cid -> old node).
local function stamped(out, entities)
  local at = #out + 1
  out[at] = 0
  for _, e in ipairs(entities) do
    local v = redis.call('GET', p .. 'v:' .. e)
    if v then
      out[at] = out[at] + 1
      local mf = redis.call('HGETALL', p .. 'mf:' .. e)
      out[#out + 1] = e
      out[#out + 1] = tonumber(v)
      out[#out + 1] = #mf / 2
      for _, x in ipairs(mf) do out[#out + 1] = x end
    end
  end
end
-- A send's answer: {count, N, the N nodes to publish to (a set), then the stamps of the entities it is for: E, then
-- per stamped entity its name, version, M, and M pairs of connection and old node}. One stamp set serves every node.
local function routed(count, nodes, entities)
  local out = {count, 0}
  for n in pairs(nodes) do out[#out + 1] = n end
  out[2] = #out - 2
  stamped(out, entities)
  return out
end
