-- ARGV: prefix, cid, message -> 1 when the client is online; its node gets the message either way
-- (a connection opened less than a sync interval ago is not registered yet, but its node has it)
redis.call(PUBLISH, p .. 'ch:' .. nodeOf(ARGV[2]), ARGV[3])
if registered(ARGV[2]) then return 1 end
return 0
