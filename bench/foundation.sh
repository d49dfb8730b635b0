#!/usr/bin/env bash
# Foundation: start-up cost of the static multi-call binary against the interpreters the original chain
# starts for every tool, and the swss-common table protocol's throughput through a private redis-server.
source "$(dirname "$0")/lib.sh"

echo "whole-process start-up (hyperfine -N, 200 runs) and peak RSS (min of 5, /usr/bin/time)"
header
read -r ours ours_sd < <(mean_ms 200 "$SWSSBOX" --version)
read -r py py_sd < <(mean_ms 200 /usr/bin/python3 -c pass)
read -r sh sh_sd < <(mean_ms 200 /bin/bash -c true)
row "swssbox --version vs python3 -c pass (ms)" "$ours" "$py" ms
row "swssbox --version vs bash -c true (ms)" "$ours" "$sh" ms
rss=$(peak_rss_kb "$SWSSBOX" --version)
row "peak RSS vs python3 -c pass (KiB)" "$rss" "$(peak_rss_kb /usr/bin/python3 -c pass)" KiB
row "peak RSS vs bash -c true (KiB)" "$rss" "$(peak_rss_kb /bin/bash -c true)" KiB
echo "(σ: swssbox ${ours_sd} ms, python3 ${py_sd} ms, bash ${sh_sd} ms)"

echo
echo "table protocol: 10000 keys SET through ProducerStateTable, consumed by ConsumerStateTable (private redis-server, unix socket)"
redis-server --port 0 --unixsocket "$BENCH_TMP/redis.sock" --save '' --appendonly no --daemonize yes \
  --pidfile "$BENCH_TMP/redis.pid" --dir "$BENCH_TMP" --logfile "$BENCH_TMP/redis.log" >/dev/null
for _ in $(seq 50); do [ -S "$BENCH_TMP/redis.sock" ] && break; sleep 0.05; done
cat > "$BENCH_TMP/db.json" <<JSON
{"INSTANCES": {"redis": {"hostname": "127.0.0.1", "port": 6379, "unix_socket_path": "$BENCH_TMP/redis.sock"}},
 "DATABASES": {"APPL_DB": {"id": 0, "separator": ":", "instance": "redis"}}, "VERSION": "1.0"}
JSON
for mode in "" "-b 128"; do
  best=""
  for _ in 1 2 3; do
    line=$(SONIC_DB_CONFIG_FILE="$BENCH_TMP/db.json" "$SWSSBOX" swsstable -s bench -n 10000 $mode)
    rate=$(echo "$line" | sed -n 's/.*keys_per_second=\([0-9]*\).*/\1/p')
    if [ -z "$best" ] || [ "$rate" -gt "$best" ]; then best=$rate; fi
  done
  label=${mode:+batched set of 128 keys per script call}
  printf '%-62s %10s keys/s (best of 3)\n' "${label:-pipelined set, one script call per key}" "$best"
done
kill "$(cat "$BENCH_TMP/redis.pid")"
