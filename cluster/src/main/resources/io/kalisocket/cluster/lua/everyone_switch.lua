-- KEYS: everyone's route version, its marks ('a'); ARGV: cid, old node -> the version everyone is switched at. A
-- claim's step in the prefix's slot (docs/CLUSTER.md, "Route stamps").
return switchEntity(ARGV[1], ARGV[2], KEYS[1], KEYS[2])
