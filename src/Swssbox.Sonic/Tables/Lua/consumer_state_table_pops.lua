-- ConsumerStateTable pop (swss-common wire semantics, plus a receipt).
-- KEYS: key set, table prefix ("T:"), del set, this pop's receipt key, the previous pop's receipt key.
-- ARGV: batch size, staging prefix ("_").
-- Returns {{key, {field, value, ...}}, ...}; an empty list means DEL. A key deleted and then set again
-- comes back twice, the DEL first.
-- The receipt: the result is also kept (JSON) under this pop's receipt key until the next pop, so a consumer
-- whose reply was lost to a Redis restart can read what it popped instead of losing it.
redis.replicate_commands()
local keyset, prefix, delset = KEYS[1], KEYS[2], KEYS[3]
local staging = ARGV[2]
redis.call('DEL', KEYS[5])
local out = {}
for _, key in ipairs(redis.call('SPOP', keyset, ARGV[1])) do
    local deleted = redis.call('SREM', delset, key) == 1
    if deleted then
        redis.call('DEL', prefix .. key)
    end
    local pending = redis.call('HGETALL', staging .. prefix .. key)
    if deleted and #pending > 0 then
        out[#out + 1] = {key, {}}
    end
    out[#out + 1] = {key, pending}
    for i = 1, #pending, 2 do
        redis.call('HSET', prefix .. key, pending[i], pending[i + 1])
    end
    redis.call('DEL', staging .. prefix .. key)
end
if #out > 0 then
    redis.call('SET', KEYS[4], cjson.encode(out), 'EX', 3600)
end
return out
