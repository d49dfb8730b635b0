#!/usr/bin/env bash
# sonic-cfggen, whole process, ours vs Python: render ports.json.j2 for a 64-port bfn CONFIG_DB (-j … -t …),
# and one -v query as start.sh asks it. The Python side is tests/Interop/Templates/oracle.py: /usr/bin/python3
# importing jinja2 and netaddr and doing what sonic-cfggen does for these options (SONiC's own imports, which
# make the real tool slower still, are left out).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWSSBOX_BIN:-out/bin/swssbox}
PY=/usr/bin/python3
ORACLE=tests/Interop/Templates/oracle.py
DATA=tests/Interop/Templates/data/bfn64.config_db.json
TEMPLATE=rootfs/docker-orchagent-bfn/usr/share/sonic/templates/ports.json.j2
VAR='VLAN.keys() | join(" ") if VLAN'
RUNS=${BENCH_RUNS:-100}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -x "$BIN" ] || { echo "missing $BIN: run ./build.sh first" >&2; exit 1; }
# Both must print the same bytes, or the comparison means nothing.
cmp <("$BIN" sonic-cfggen -j "$DATA" -t "$TEMPLATE") <("$PY" "$ORACLE" -j "$DATA" -t "$TEMPLATE") >/dev/null \
  || { echo "outputs differ: not benchmarking" >&2; exit 1; }

# hyperfine JSON → "median_ms mean_ms stddev_ms min_ms"
stats() { "$PY" -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f %.2f %.2f" % (r["median"]*1e3, r["mean"]*1e3, r["stddev"]*1e3, r["min"]*1e3))' "$1"; }
# Peak RSS in KiB: the minimum over 5 runs of /usr/bin/time -f %M.
rss() { local best="" k; for _ in 1 2 3 4 5; do /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>&1; k=$(tail -1 "$TMP/rss"); if [ -z "$best" ] || [ "$k" -lt "$best" ]; then best=$k; fi; done; echo "$best"; }

measure() {
  local name=$1; shift
  local ours=("$@")
  local python=("$PY" "$ORACLE" "${ours[@]:2}")
  hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$TMP/o.json" -- "$(printf '%q ' "${ours[@]}")" >/dev/null 2>&1
  hyperfine -N --warmup 3 --runs "$(( RUNS / 4 > 10 ? RUNS / 4 : 10 ))" --export-json "$TMP/p.json" -- "$(printf '%q ' "${python[@]}")" >/dev/null 2>&1
  read -r om oa os omin < <(stats "$TMP/o.json")
  read -r pm pa ps pmin < <(stats "$TMP/p.json")
  local orss prss; orss=$(rss "${ours[@]}"); prss=$(rss "${python[@]}")
  printf '%-34s %9s %9s %7s   %s  %s\n' "$name median (ms)" "$om" "$pm" "$(awk -v a="$pm" -v b="$om" 'BEGIN{printf "%.1fx", a/b}')" "ours ${oa}±${os} (min ${omin})" "python ${pa}±${ps} (min ${pmin})"
  printf '%-34s %9s %9s %7s\n' "$name peak RSS (KiB)" "$orss" "$prss" "$(awk -v a="$prss" -v b="$orss" 'BEGIN{printf "%.1fx", a/b}')"
}

printf '%-34s %9s %9s %7s   %s\n' "sonic-cfggen (whole process)" "ours" "python" "ratio" "mean±σ (ms)"
echo "(ratio = python ÷ ours; above 1 means swssbox is better; $RUNS runs of ours, a quarter of that of python)"
measure "-j bfn64 -t ports.json.j2" "$BIN" sonic-cfggen -j "$DATA" -t "$TEMPLATE"
measure "-j bfn64 -v 'VLAN.keys()…'" "$BIN" sonic-cfggen -j "$DATA" -v "$VAR"

# -d against a private redis-server (ours only: Python's sonic-cfggen -d needs swsscommon, which is not packaged here).
if command -v redis-server >/dev/null; then
  mkdir -p "$TMP/redis"
  redis-server --port 0 --unixsocket "$TMP/redis/redis.sock" --dir "$TMP/redis" --save '' --appendonly no \
    --daemonize yes --pidfile "$TMP/redis/pid" --logfile "$TMP/redis/log"
  for _ in $(seq 50); do [ -S "$TMP/redis/redis.sock" ] && break; sleep 0.1; done
  "$BIN" sonic-cfggen -j "$DATA" -s "$TMP/redis/redis.sock" -w
  redis-cli -s "$TMP/redis/redis.sock" -n 4 SET CONFIG_DB_INITIALIZED 1 >/dev/null
  hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$TMP/d.json" -- \
    "$BIN sonic-cfggen -d -s $TMP/redis/redis.sock -v DEVICE_METADATA.localhost.hwsku" >/dev/null 2>&1
  read -r dm da ds dmin < <(stats "$TMP/d.json")
  printf '%-34s %9s %9s %7s   ours %s±%s (min %s)\n' "-d -v hwsku median (ms)" "$dm" "n/a" "n/a" "$da" "$ds" "$dmin"
  kill "$(cat "$TMP/redis/pid")"
fi
