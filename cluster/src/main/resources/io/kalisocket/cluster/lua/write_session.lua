-- KEYS: the session's hash, the connection's record (both in the client's own slot); ARGV: the node that must hold the
-- connection ('' to write unchecked: a parked connection's, by its node), replace ('1'|'0'), then field/JSON pairs
-- ('-' deletes the field) -> 1 when written, 0 when that node does not hold it (it closed or moved: the close deletes
-- the session with the record, so nothing is left behind)
if ARGV[1] ~= '' and redis.call('HGET', KEYS[2], 'n') ~= ARGV[1] then return 0 end
if ARGV[2] == '1' then redis.call('DEL', KEYS[1]) end
for i = 3, #ARGV, 2 do
  if ARGV[i + 1] == '-' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
return 1
