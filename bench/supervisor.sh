#!/usr/bin/env bash
# supervisord side by side: Python supervisord 4.2.5 (+ Python supervisorctl) against swssbox's, on the seed's swss
# supervisord.conf (bench/seed/supervisord.conf, 12 programs) with every command replaced by a
# stand-in that runs until SIGTERM, and a start.sh that calls "supervisorctl start" per program as 201807's does.
# Measures: exec -> all 12 RUNNING, supervisord VmRSS once all are RUNNING, SIGTERM -> exit. Then ours alone with
# notify=true and dependent startup (no start.sh): exec -> all RUNNING. Ratios are Python / ours (>1: ours better).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWSSBOX_BIN:-$PWD/out/bin/swssbox}
SEED=bench/seed/supervisord.conf
RUNS=${BENCH_RUNS:-3}
WORK=$(mktemp -d /tmp/swssbox-bench-sv.XXXXXX)
[ -n "${BENCH_KEEP:-}" ] && echo "work dir: $WORK" || trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/supervisord >/dev/null || { echo "bench/supervisor.sh: Python supervisor (Debian package 'supervisor') is missing" >&2; exit 1; }

now() { date +%s.%N; }

# $1 kind (python|ours), $2 dir, $3 mode (startsh|notify)
make_conf() {
  local kind=$1 dir=$2 mode=$3 ctl
  mkdir -p "$dir"
  if [ "$kind" = python ]; then ctl="/usr/bin/supervisorctl -c $dir/supervisord.conf"; else ctl="$BIN supervisorctl -c $dir/supervisord.conf"; fi
  cat >"$dir/supervisord.conf" <<CONF
[unix_http_server]
file=$dir/supervisor.sock
chmod=0700
[supervisord]
logfile=$dir/supervisord.log
pidfile=$dir/supervisord.pid
childlogdir=$dir
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://$dir/supervisor.sock
[include]
files = conf.d/*.conf
CONF
  mkdir -p "$dir/conf.d"
  # start.sh stand-in: the 201807 order, one supervisorctl call per program, then it stays up like the others.
  cat >"$dir/start.sh" <<SH
#!/bin/bash
for p in rsyslogd orchagent portsyncd intfsyncd neighsyncd swssconfig vlanmgrd intfmgrd buffermgrd enable_counters arp_update; do
  $ctl start \$p >/dev/null
done
exec sleep infinity
SH
  chmod +x "$dir/start.sh"
  if [ "$mode" = startsh ]; then
    sed -e "s|^command=/usr/bin/start.sh|command=$dir/start.sh|" \
        -e "/^command=/{/start.sh/!s|^command=.*|command=sleep infinity|}" "$SEED" >"$dir/conf.d/swss.conf"
  else
    # notify=true and dependent startup (current SONiC's order): rsyslogd -> portsyncd -> orchagent -> swssconfig -> rest.
    awk -v dir="$dir" '
      /^\[program:/ { name=substr($0, 10, length($0)-10) }
      /^command=/ { print "command=sh -c \"systemd-notify --ready; exec sleep infinity\""; print "notify=true"; next }
      /^autostart=/ { print "autostart=false"; print "dependent_startup=true";
        if (name=="portsyncd") print "dependent_startup_wait_for=rsyslogd:running";
        else if (name=="orchagent") print "dependent_startup_wait_for=portsyncd:running";
        else if (name=="swssconfig") print "dependent_startup_wait_for=orchagent:running";
        else if (name!="rsyslogd" && name!="start.sh") print "dependent_startup_wait_for=swssconfig:running";
        next }
      { print }' "$SEED" >"$dir/conf.d/swss.conf"
  fi
}

# Runs one supervisord; prints "all_running_s rss_kb stop_s".
run_one() {
  local kind=$1 mode=$2 dir="$WORK/$1-$2-$3"
  make_conf "$kind" "$dir" "$mode"
  local t0 pid t1 rss t2 t3
  t0=$(now)
  if [ "$kind" = python ]; then /usr/bin/supervisord -c "$dir/supervisord.conf" -n >/dev/null 2>&1 &
  else "$BIN" supervisord -c "$dir/supervisord.conf" -n >/dev/null 2>&1 & fi
  pid=$!
  local n=0
  until [ "$n" -ge 12 ]; do
    n=$(grep -c 'entered RUNNING state' "$dir/supervisord.log" 2>/dev/null || true); n=${n:-0}
    sleep 0.005
    kill -0 "$pid" 2>/dev/null || { echo "supervisord ($kind) died; log:" >&2; cat "$dir/supervisord.log" >&2; exit 1; }
  done
  t1=$(now)
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  t2=$(now)
  kill -TERM "$pid"
  wait "$pid" || true
  t3=$(now)
  awk -v a="$t0" -v b="$t1" -v r="$rss" -v c="$t2" -v d="$t3" 'BEGIN { printf "%.3f %d %.3f\n", b-a, r, d-c }'
}

# mean of column $1 over lines of $2
mean() { awk -v c="$1" '{ s += $c; n++ } END { printf "%.3f", s/n }' "$2"; }

for kind in python ours; do
  : >"$WORK/$kind.txt"
  for i in $(seq "$RUNS"); do run_one "$kind" startsh "$i" >>"$WORK/$kind.txt"; done
done
: >"$WORK/notify.txt"
for i in $(seq "$RUNS"); do run_one ours notify "$i" >>"$WORK/notify.txt"; done

py_up=$(mean 1 "$WORK/python.txt"); our_up=$(mean 1 "$WORK/ours.txt")
py_rss=$(awk '{print $2}' "$WORK/python.txt" | sort -n | head -1); our_rss=$(awk '{print $2}' "$WORK/ours.txt" | sort -n | head -1)
py_stop=$(mean 3 "$WORK/python.txt"); our_stop=$(mean 3 "$WORK/ours.txt")
n_up=$(mean 1 "$WORK/notify.txt"); n_rss=$(awk '{print $2}' "$WORK/notify.txt" | sort -n | head -1); n_stop=$(mean 3 "$WORK/notify.txt")

printf '%-58s %12s %12s %8s\n' "supervisor ($RUNS runs each, mean; RSS = minimum)" "swssbox" "python" "ratio"
row() { printf '%-58s %12s %12s %8s\n' "$1" "$2" "$3" "$(awk -v a="$4" -v b="$5" 'BEGIN { printf "%.2fx", b/a }')"; }
row "start.sh boot: exec -> 12 RUNNING (s; floor 11 x startsecs)" "$our_up" "$py_up" "$our_up" "$py_up"
row "supervisord VmRSS with 12 RUNNING (kB)" "$our_rss" "$py_rss" "$our_rss" "$py_rss"
row "SIGTERM -> supervisord exited (s)" "$our_stop" "$py_stop" "$our_stop" "$py_stop"
row "notify=true + dependent startup: exec -> 12 RUNNING (s)" "$n_up" "$py_up" "$n_up" "$py_up"
printf '%-58s %12s %12s\n' "notify=true run: VmRSS (kB) / SIGTERM -> exit (s)" "$n_rss / $n_stop" "-"
