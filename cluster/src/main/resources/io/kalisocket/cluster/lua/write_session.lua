-- KEYS: the session's hash (in the client's own slot); ARGV: replace ('1'|'0'), then field/JSON pairs ('-' deletes
-- the field) -> 1
if ARGV[1] == '1' then redis.call('DEL', KEYS[1]) end
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] == '-' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
return 1
