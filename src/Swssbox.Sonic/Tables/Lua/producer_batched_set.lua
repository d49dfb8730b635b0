-- ProducerStateTable set, many keys in one call.
-- KEYS: channel, key set, staging prefix ("_T:"), key1, key2, ...
-- ARGV: "G", then per key: field count, field1, value1, ...
local channel, keyset, staging = KEYS[1], KEYS[2], KEYS[3]
local new_keys = 0
local at = 2
for k = 4, #KEYS do
    local key = KEYS[k]
    new_keys = new_keys + redis.call('SADD', keyset, key)
    local count = tonumber(ARGV[at])
    for f = 1, count do
        redis.call('HSET', staging .. key, ARGV[at + f * 2 - 1], ARGV[at + f * 2])
    end
    at = at + count * 2 + 1
end
if new_keys > 0 then
    redis.call('PUBLISH', channel, ARGV[1])
end
