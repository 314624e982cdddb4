-- ARGV: prefix, group, its members... -> 1. After group_dissolve.lua emptied the group's hash (in its slot): the group
-- leaves its members' lists (the caller then unlists it).
for i = 3, #ARGV do redis.call('SREM', p .. 'cg:' .. ARGV[i], ARGV[2]) end
return 1
