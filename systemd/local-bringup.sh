#!/usr/bin/env bash
# ./build.sh up | down: the host side on this machine, as systemd would run it on a switch, with a bundled sample
# bfn platform (systemd/sample) under a scratch host root (out/up-root, SWSSBOX_HOST_ROOT) so nothing under / changes.
#   up:   load out/images/*.tar, database.sh start, CONFIG_DB DEVICE_METADATA, swss.sh wait-db, swss.sh start;
#         then a table of each step's time and of the programs' states in the swss container.
#   down: swss.sh stop, database.sh stop, remove both containers (images stay).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/out/bin
UP=$ROOT/out/up-root
PLATFORM=x86_64-accton_wedge100bf_32x-r0
HWSKU=montara
export SWSSBOX_HOST_ROOT=$UP
export SONIC_DB_CONFIG_FILE=$UP/etc/swssbox/database_config.json
export SWSSBOX_LOG_SOCKET=/nonexistent

NAMES=() TIMES=() RESULTS=()
now() { date +%s%N; }
# Runs one step, records its wall time and outcome; output goes to out/logs/up-<n>.log.
step() {
  local name=$1; shift
  local t0 rc log="$ROOT/out/logs/$VERB-$(( ${#NAMES[@]} + 1 )).log"
  mkdir -p "$ROOT/out/logs"
  t0=$(now)
  "$@" >"$log" 2>&1; rc=$?
  NAMES+=("$name"); TIMES+=("$(( ($(now) - t0) / 1000000 ))"); RESULTS+=("$([ $rc -eq 0 ] && echo ok || echo "FAIL ($rc): $(tail -n 1 "$log")")")
  return $rc
}

layout() {
  mkdir -p "$UP/host" "$UP/usr/share/sonic/device" "$UP/etc/network/interfaces.d" "$UP/var/log/swss" "$UP/var/run/redis" "$UP/etc/sonic" "$UP/etc/swssbox"
  printf 'onie_platform=%s\nonie_machine=accton_wedge100bf_32x\n' "$PLATFORM" >"$UP/host/machine.conf"
  rm -rf "$UP/usr/share/sonic/device/$PLATFORM"
  cp -r "systemd/sample/device/$PLATFORM" "$UP/usr/share/sonic/device/"
  [ -e "$UP/etc/network/interfaces" ] || printf 'auto lo\niface lo inet loopback\n' >"$UP/etc/network/interfaces"
  # The host reaches the database container's redis through the bound /var/run/redis.
  cat >"$SONIC_DB_CONFIG_FILE" <<JSON
{
  "INSTANCES": { "redis": { "hostname": "127.0.0.1", "port": 6379, "unix_socket_path": "$UP/var/run/redis/redis.sock" } },
  "DATABASES": {
    "APPL_DB": { "id": 0, "separator": ":", "instance": "redis" },
    "ASIC_DB": { "id": 1, "separator": ":", "instance": "redis" },
    "COUNTERS_DB": { "id": 2, "separator": ":", "instance": "redis" },
    "LOGLEVEL_DB": { "id": 3, "separator": ":", "instance": "redis" },
    "CONFIG_DB": { "id": 4, "separator": "|", "instance": "redis" },
    "FLEX_COUNTER_DB": { "id": 5, "separator": ":", "instance": "redis" },
    "STATE_DB": { "id": 6, "separator": "|", "instance": "redis" }
  },
  "VERSION": "1.0"
}
JSON
}

load_images() {
  local f n=0
  for f in out/images/*.tar; do [ -e "$f" ] || continue; docker load -i "$f" || return 1; n=$((n + 1)); done
  echo "$n image(s) loaded"
  docker image inspect docker-database:latest docker-orchagent-bfn:latest >/dev/null
}

config_db() {
  "$BIN/sonic-db-cli" -s CONFIG_DB HSET "DEVICE_METADATA|localhost" hwsku "$HWSKU" platform "$PLATFORM" hostname swssbox-local type LeafRouter &&
    "$BIN/sonic-db-cli" -s CONFIG_DB SET CONFIG_DB_INITIALIZED 1
}

# Program states from inside the container (our supervisorctl when the image has it), else the container's state.
states() {
  local i out
  for i in $(seq 1 25); do
    out=$(docker exec swss supervisorctl status 2>/dev/null) && ! grep -qE 'STARTING|BACKOFF' <<<"$out" && break
    sleep 0.2
  done
  printf '\n%-28s %s\n' "program (in swss)" "state"
  if [ -n "${out:-}" ]; then
    awk '{printf "%-28s %s\n", $1, $2}' <<<"$out"
  else
    printf '%-28s %s\n' "(no supervisorctl in image)" "container: $(docker inspect -f '{{.State.Status}} exit={{.State.ExitCode}} {{.State.Error}}' swss 2>&1)"
  fi
  printf '%-28s %s\n' "container database" "$(docker inspect -f '{{.State.Status}}' database 2>&1)"
}

table() {
  local i
  printf '\n%-34s %8s  %s\n' "step" "ms" "result"
  for i in "${!NAMES[@]}"; do printf '%-34s %8s  %s\n' "${NAMES[$i]}" "${TIMES[$i]}" "${RESULTS[$i]}"; done
}

up() {
  local ok=0
  step "host layout (sample bfn platform)" layout &&
    step "load images (out/images)" load_images &&
    step "database.sh start (until PING)" "$BIN/database.sh" start &&
    step "CONFIG_DB DEVICE_METADATA" config_db &&
    step "swss.sh wait-db (PING + 5 FLUSHDB)" "$BIN/swss.sh" wait-db 30 &&
    step "swss.sh start" "$BIN/swss.sh" start || ok=1
  table
  [ $ok -eq 0 ] && states
  return $ok
}

down() {
  step "swss.sh stop" "$BIN/swss.sh" stop
  step "database.sh stop" "$BIN/database.sh" stop
  step "remove containers" docker rm -f swss database
  table
}

VERB=${1:-}
case "$VERB" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
