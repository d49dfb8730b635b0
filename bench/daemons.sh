#!/usr/bin/env bash
# Daemons benchmark: neighsyncd with 10,000 neighbours, portsyncd on a 64-port file, resident memory of each daemon.
# Needs root (network namespaces). There is no SONiC C++ daemon (or its swss-common/libnl stack) on this machine,
# so the figures are absolute, against the goals; where a Python original exists (the exit listener), its
# interpreter floor is measured beside ours.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWSSBOX_BIN:-$PWD/out/bin/swssbox}
FIXTURES=${SWSSBOX_SHARED:-$PWD/../shared}/fixtures/sonic/bfn/x86_64-accton_wedge100bf_65x-r0/mavericks/port_config.ini
[ "$(id -u)" = 0 ] || { echo "bench/daemons.sh: needs root for network namespaces" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench/daemons.sh: $BIN missing: run ./build.sh" >&2; exit 1; }

WORK=$(mktemp -d /tmp/swssbox-bench-daemons.XXXXXX)
NS=swssbox-bench-$$
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  ip netns del "$NS-ports" 2>/dev/null || true
  sleep 0.2; rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$WORK/database_config.json" <<JSON
{"INSTANCES": {"redis": {"hostname": "127.0.0.1", "port": $PORT, "unix_socket_path": "$WORK/redis.sock"}},
 "DATABASES": {"APPL_DB": {"id": 0, "separator": ":", "instance": "redis"}, "CONFIG_DB": {"id": 4, "separator": "|", "instance": "redis"},
               "STATE_DB": {"id": 6, "separator": "|", "instance": "redis"}}, "VERSION": "1.0"}
JSON
export SONIC_DB_CONFIG_FILE=$WORK/database_config.json SWSSBOX_LOG_SOCKET=$WORK/no-syslog SWSSBOX_LOG_LEVEL=WARN
redis-server --port "$PORT" --bind 127.0.0.1 --unixsocket "$WORK/redis.sock" --save "" --appendonly no \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
until redis-cli -s "$WORK/redis.sock" ping >/dev/null 2>&1; do sleep 0.05; done
rcli() { redis-cli -s "$WORK/redis.sock" "$@"; }

ip netns add "$NS"
ip -n "$NS" link set lo up
ip netns add "$NS-ports"   # portsyncd's: no netdevs, so READY follows PortConfigDone without STATE_DB work
ip -n "$NS" link add Ethernet0 type veth peer name peer0
ip -n "$NS" link set Ethernet0 up; ip -n "$NS" link set peer0 up

# Time from "spawned" to READY=1 on $NOTIFY_SOCKET, in ms (the daemons send it right after their initial work),
# run inside namespace $1 (entered with setns(2) by the stopwatch, so "ip netns exec" is not timed).
# Python is only the stopwatch here.
time_to_ready() {
  python3 - "$@" <<'PY'
import ctypes, os, socket, subprocess, sys, time
ns = os.open("/run/netns/" + sys.argv.pop(1), os.O_RDONLY)
if ctypes.CDLL(None, use_errno=True).setns(ns, 0x40000000) != 0: sys.exit("setns failed")
path = os.environ["WORK"] + "/notify.sock"
if os.path.exists(path): os.unlink(path)
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(path); s.settimeout(10)
env = dict(os.environ, NOTIFY_SOCKET=path)
t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], env=env)
while b"READY=1" not in s.recv(4096): pass
print(f"{(time.perf_counter() - t0) * 1000:.2f} {p.pid}")
PY
}
export WORK
rss_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

printf '%-58s %14s %12s\n' "measurement" "swssbox" "goal"

# 1. portsyncd: 64 ports of the mavericks (Wedge 100BF-65X) port_config.ini; best of 10 runs.
{ head -1 "$FIXTURES"; grep -v '^#' "$FIXTURES" | head -64; } >"$WORK/port_config_64.ini"
best=""
for i in $(seq 10); do
  rcli flushall >/dev/null
  read -r ms pid < <(time_to_ready "$NS-ports" "$BIN" portsyncd -p "$WORK/port_config_64.ini")
  [ "$(rcli -n 0 hget _PORT_TABLE:PortConfigDone count)" = 64 ] || { echo "portsyncd: PortConfigDone missing" >&2; exit 1; }
  if [ "$i" = 10 ]; then PIDS+=("$pid"); PORTSYNCD=$pid; else kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  best=$(awk -v a="$ms" -v b="${best:-1e9}" 'BEGIN{print (a<b)?a:b}')
done
printf '%-58s %11s ms %12s\n' "portsyncd: spawn → PortConfigDone+READY (64 ports, best/10)" "$best" "< 20 ms"

# 2. neighsyncd: 10,000 IPv6 neighbours (2001:db8::/32) added with one ip -batch; until all are in APPL_DB.
read -r ms NEIGHSYNCD < <(time_to_ready "$NS" "$BIN" neighsyncd --restore-file "$WORK/none.json")
PIDS+=("$NEIGHSYNCD")
python3 -c '
for i in range(10000):
    print(f"neigh add 2001:db8::{i // 256:x}:{i % 256:x} lladdr 02:00:00:00:{i // 256:02x}:{i % 256:02x} dev Ethernet0 nud permanent")' >"$WORK/neigh.batch"
t0=$(date +%s%N)
ip -n "$NS" -batch "$WORK/neigh.batch"
t1=$(date +%s%N)
until [ "$(rcli -n 0 scard NEIGH_TABLE_KEY_SET)" -ge 10000 ]; do sleep 0.002; done
t2=$(date +%s%N)
printf '%-58s %11s ms %12s\n' "neighsyncd: 10,000 neighbours → all in APPL_DB" "$(( (t2 - t0) / 1000000 ))" "< 1000 ms"
printf '%-58s %11s ms %12s\n' "  of which: ip -batch adding them to the kernel" "$(( (t1 - t0) / 1000000 ))" ""

# 3. intfsyncd, idle after its dump.
read -r ms INTFSYNCD < <(time_to_ready "$NS" "$BIN" intfsyncd)
PIDS+=("$INTFSYNCD")
ip -n "$NS" addr add 192.0.2.1/24 dev Ethernet0
sleep 0.3

# 4. One-shot tools: peak RSS from /usr/bin/time.
echo '[{"SWITCH_TABLE:switch": {"ecmp_hash_seed": "0", "lag_hash_seed": "0"}, "OP": "SET"}]' >"$WORK/switch.json"
SWSSCONFIG=$(/usr/bin/time -f %M "$BIN" swssconfig "$WORK/switch.json" 2>&1 >/dev/null | tail -1)
ENABLE=$(/usr/bin/time -f %M "$BIN" enable_counters --delay 0 2>&1 >/dev/null | tail -1)
echo "program:orchagent" >"$WORK/critical"
LISTENER=$(printf 'ver:3.0 server:supervisor serial:1 pool:l poolserial:1 eventname:PROCESS_STATE_RUNNING len:60\nprocessname:orchagent groupname:orchagent from_state:STARTING pid:1' \
  | /usr/bin/time -f %M "$BIN" supervisor-proc-exit-listener -c swss --critical-file "$WORK/critical" 2>&1 >/dev/null | tail -1)
PYLISTENER=$(echo | /usr/bin/time -f %M /usr/bin/python3 -c 'import sys, syslog, signal, select; from supervisor import childutils; sys.stdin.readline()' 2>&1 | tail -1)

echo
printf '%-58s %10s %10s %8s\n' "peak RSS (KiB)" "swssbox" "original" "ratio"
printf '%-58s %10s %10s %8s\n' "portsyncd (64 ports, serving)" "$(rss_kib "$PORTSYNCD")" "-" "-"
printf '%-58s %10s %10s %8s\n' "neighsyncd (10,000 neighbours)" "$(rss_kib "$NEIGHSYNCD")" "-" "-"
printf '%-58s %10s %10s %8s\n' "intfsyncd (serving)" "$(rss_kib "$INTFSYNCD")" "-" "-"
printf '%-58s %10s %10s %8s\n' "swssconfig (one file)" "$SWSSCONFIG" "-" "-"
printf '%-58s %10s %10s %8s\n' "enable_counters" "$ENABLE" "-" "-"
printf '%-58s %10s %10s %8s\n' "supervisor-proc-exit-listener vs python3+childutils floor" "$LISTENER" "$PYLISTENER" \
  "$(awk -v a="$PYLISTENER" -v b="$LISTENER" 'BEGIN{printf "%.2f", a/b}')"
echo "goal: < 10240 KiB each. '-': no runnable original here (SONiC's C++ daemons need swss-common and libnl builds)."
