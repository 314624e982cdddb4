-- ARGV: prefix, self, cid, group, tell ('1': the caller has a notice for the connection's node)
-- -> {1; the node to tell or ''}
local cid = ARGV[3]
leaveGroup(cid, ARGV[4])
return {1, toTell(cid, ARGV[2], ARGV[5])}
