-- ARGV: prefix, self, cid, group -> 1
-- Run by the node holding the connection, its one writer (docs/CLUSTER.md, "Membership writes").
local cid = ARGV[3]
if not writable(cid, ARGV[2]) then return 0 end
leaveGroup(cid, ARGV[4])
return 1
