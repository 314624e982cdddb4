-- ARGV: prefix, self, cid, tell ('1': the caller has a notice for the connection's node)
-- -> {1 when the client is online, 0 when not; the node to tell or ''}
-- The first step of a session write: the session itself lives in the client's own slot (write_session.lua), so
-- this only checks that the connection is registered and names its node. The caller writes the session when it is,
-- then asks again (online.lua) and deletes what it wrote when the connection closed meanwhile.
local cid = ARGV[3]
if not registered(cid) then
  return {0, toTell(cid, ARGV[2], ARGV[4])} -- not registered yet (just connected): its node applies it
end
return {1, toTell(cid, ARGV[2], ARGV[4])}
