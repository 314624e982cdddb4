-- ARGV: prefix, self, message, excluded client ids... -> {remote connections, claims of self, claims away from self, client ids the caller must not
-- deliver to locally...}; one message on the shared channel
local count = 0
for _, n in ipairs(redis.call('SMEMBERS', p .. 'nodes')) do
  if n ~= ARGV[2] then count = count + redis.call('SCARD', p .. 'n:' .. n .. ':clients') end
end
for i = 4, #ARGV do
  if nodeOf(ARGV[i]) ~= ARGV[2] and registered(ARGV[i]) then count = count - 1 end
end
redis.call(PUBLISH, p .. 'ch:all', ARGV[3])
return {count, claimsOf(ARGV[2]), awayOf(ARGV[2]), unpack(movedFrom(ARGV[2]))}
