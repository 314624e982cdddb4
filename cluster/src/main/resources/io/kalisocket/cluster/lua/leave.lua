-- ARGV: prefix, self, cid, group, notice -> 1
local cid = ARGV[3]
leaveGroup(cid, ARGV[4])
notify(cid, ARGV[2], ARGV[5])
return 1
