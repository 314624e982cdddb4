-- KEYS: the connection's (Keys.clientKeys), then its session, its stream's hash, its stream; ARGV: node, cid -> 1 when
-- its record, groups, route, session and stream are deleted, 0 when another node holds it now (its client returned
-- there: not the node's). The last step of a drop, after held.lua and the user's and groups' hashes.
if not droppableBy(ARGV[1], ARGV[2]) then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
return 1
