-- ARGV: prefix, cid -> 1 when the connection is open (or parked) on some node, wherever its client returned
if registered(ARGV[2]) then return 1 end
return 0
