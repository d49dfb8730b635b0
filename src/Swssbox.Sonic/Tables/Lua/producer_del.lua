-- ProducerStateTable del, one key.
-- KEYS: channel, key set, staging hash, del set.  ARGV: "G", key, and two unused arguments.
local channel, keyset, staging, delset = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local is_new = redis.call('SADD', keyset, ARGV[2])
redis.call('SADD', delset, ARGV[2])
redis.call('DEL', staging)
if is_new > 0 then
    redis.call('PUBLISH', channel, ARGV[1])
end
