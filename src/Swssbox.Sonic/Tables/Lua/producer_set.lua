-- ProducerStateTable set, one key (swss-common wire semantics).
-- KEYS: channel, key set, then the staging hash once per field.  ARGV: "G", key, field1, value1, ...
local channel, keyset = KEYS[1], KEYS[2]
local is_new = redis.call('SADD', keyset, ARGV[2])
for n = 3, #KEYS do
    local at = 3 + (n - 3) * 2
    redis.call('HSET', KEYS[n], ARGV[at], ARGV[at + 1])
end
-- Only the first pending update of a key wakes the consumer; later ones ride along.
if is_new > 0 then
    redis.call('PUBLISH', channel, ARGV[1])
end
