#!/usr/bin/env bash
# Image size and build time: swssbox's docker-orchagent-bfn next to a container built the SONiC way (Debian
# base with Python supervisor, Jinja2, bash start.sh and stand-in programs: bench/sonic-way/), in one run.
# The Debian base is made with debootstrap from apt's configured mirror once and cached in out/bench-cache/;
# if that is impossible, the SONiC way is reported from the sizes SONiC publishes (labelled as such).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWSSBOX_BIN:-out/bin/swssbox}
CACHE=out/bench-cache
SUITE=bookworm
WORK=$(mktemp -d)
TAG=swssbox-bench-$$
OURS=$TAG-ours:latest SONIC=$TAG-sonic:latest BASE=$TAG-base:latest
cleanup() { docker rmi -f "$OURS" "$SONIC" "$BASE" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

now() { date +%s.%N; }
mb() { awk -v b="$1" 'BEGIN{printf "%.2f MB", b/1e6}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1fx", a/b; else print "-" }'; }
row() { printf '%-46s %16s %16s %8s\n' "$@"; }
# Engine-side sizes, measured the same way for both images.
size_of() { docker image inspect -f '{{.Size}}' "$1"; }
gz_of() { docker save "$1" | gzip -6 -n | wc -c; }
files_of() { local c; c=$(docker create "$1"); docker export "$c" | tar -t | wc -l; docker rm "$c" >/dev/null; }

# Start-up: `docker run` to every program RUNNING, best of 3. Both supervisords log "success: X entered RUNNING
# state" as each program gets there, and docker stamps every log line with the host clock (docker logs -t), so
# the figure is the stamp of the last such line minus the host time just before `docker run`: no polling error on
# either side. Ours runs its real daemons against a docker-database holding a T0 CONFIG_DB (start.sh + 5
# programs + the exit listener); the SONiC way runs the same 5 programs as stand-ins (bench/sonic-way/start.sh:
# Jinja2 renders, then one `supervisorctl start` each).
time_to_running() { # EXPECTED-RUNNING-LINES IMAGE RUN-ARGS...
  local n=$1 image=$2 c t0 last=""; shift 2
  t0=$(now); c=$(docker run -d "$@" "$image")
  for _ in $(seq 600); do
    last=$(docker logs -t "$c" 2>&1 | grep 'entered RUNNING state' | awk -v n="$n" 'NR>=n {print $1; exit}')
    [ -n "$last" ] && break; sleep 0.05
  done
  docker rm -f "$c" >/dev/null
  [ -n "$last" ] || { echo 999; return; }
  awk -v x="$(date -d "$last" +%s.%N)" -v y="$t0" 'BEGIN{print x-y}'
}
best_of_3() { local best=999 t; for _ in 1 2 3; do t=$("$@"); best=$(awk -v a="$best" -v b="$t" 'BEGIN{print (b<a)?b:a}'); done; echo "$best"; }
start_to_running() {
  local dbimg=$TAG-db:latest redis=$WORK/redis hwsku=$WORK/hwsku dbc
  "$BIN" mkimage -C . -o "$WORK/db" -t "$dbimg" image/docker-database.json >/dev/null
  docker load -q -i "$WORK/db/$TAG-db.tar" >/dev/null
  mkdir -p "$redis" "$hwsku"
  cp ../shared/fixtures/sonic/bfn/x86_64-accton_wedge100bf_32x-r0/montara/port_config.ini "$hwsku/"
  dbc=$(docker run -d --net=none -v "$redis:/var/run/redis:rw" "$dbimg")
  for _ in $(seq 200); do redis-cli -s "$redis/redis.sock" PING >/dev/null 2>&1 && break; sleep 0.05; done
  printf '{"INSTANCES":{"redis":{"hostname":"127.0.0.1","port":6379,"unix_socket_path":"%s"}},"DATABASES":{"CONFIG_DB":{"id":4,"separator":"|","instance":"redis"}},"VERSION":"1.0"}' \
    "$redis/redis.sock" >"$WORK/db.json"
  SONIC_DB_CONFIG_FILE=$WORK/db.json "$BIN" sonic-cfggen -s "$redis/redis.sock" \
    -j ../shared/fixtures/sonic/config_db/t0-rsyslog-test.config_db.json --write-to-db
  redis-cli -s "$redis/redis.sock" -n 4 SET CONFIG_DB_INITIALIZED 1 >/dev/null
  local ours sonic
  ours=$(best_of_3 time_to_running 7 "$OURS" --net=host --cap-add=NET_ADMIN --cap-add=NET_RAW \
    -v "$redis:/var/run/redis:rw" -v "$hwsku:/usr/share/sonic/hwsku:ro" --tmpfs /tmp --tmpfs /var/tmp)
  sonic=$(best_of_3 time_to_running 6 "$SONIC" --net=none --tmpfs /tmp --tmpfs /var/tmp)
  row "docker run to all programs RUNNING (best of 3)" "$(printf '%.2f s' "$ours")" "$(printf '%.2f s' "$sonic")" "$(ratio "$sonic" "$ours")"
  echo "goal: docker-orchagent-bfn start to all RUNNING under 300 ms: $(awk -v a="$ours" 'BEGIN{print (a<0.3)?"met":"MISSED"}')"
  docker rm -f "$dbc" >/dev/null
  docker rmi -f "$dbimg" >/dev/null 2>&1 || true
  rm -rf "$redis"
}

# ours: mkimage, fastest of 3 builds
best=999
for _ in 1 2 3; do
  t0=$(now); line=$("$BIN" mkimage -C . -o "$WORK/ours" -t "$OURS" image/docker-orchagent-bfn.json); t1=$(now)
  best=$(awk -v a="$best" -v b="$(awk -v x="$t1" -v y="$t0" 'BEGIN{print x-y}')" 'BEGIN{print (b<a)?b:a}')
done
ours_build=$best
ours_tar=$(sed -n 's/.* uncompressed=\([0-9]*\).*/\1/p' <<<"$line")
ours_gzl=$(sed -n 's/.* compressed=\([0-9]*\).*/\1/p' <<<"$line")
docker load -q -i "$WORK/ours/$TAG-ours.tar" >/dev/null

# SONiC way: the cached base, then docker build
base_tar=$CACHE/debian-$SUITE-sonic-base.tar
if [ ! -s "$base_tar" ]; then
  mkdir -p "$CACHE"
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
  mirror=${mirror:-http://deb.debian.org/debian}
  if command -v debootstrap >/dev/null && debootstrap --variant=minbase \
       --include=supervisor,python3-jinja2,python3-netaddr,iproute2,redis-tools "$SUITE" "$WORK/rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1; then
    rm -rf "$WORK/rootfs/var/cache/apt/archives/"*.deb "$WORK/rootfs/var/lib/apt/lists/"*
    tar -C "$WORK/rootfs" --numeric-owner -cf "$base_tar.new" . && mv "$base_tar.new" "$base_tar"
  else
    echo "(no Debian base could be made: $(tail -1 "$WORK/debootstrap.log" 2>/dev/null || echo 'debootstrap missing'))"
  fi
fi

echo
row "docker-orchagent-bfn" "swssbox" "SONiC way" "ratio"
if [ -s "$base_tar" ]; then
  docker import "$base_tar" "$BASE" >/dev/null
  t0=$(now)
  docker build -q --build-arg BASE="$BASE" -t "$SONIC" bench/sonic-way >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
  sonic_build=$(awk -v x="$(now)" -v y="$t0" 'BEGIN{print x-y}')
  us=$(size_of "$OURS"); ss=$(size_of "$SONIC")
  ug=$(gz_of "$OURS"); sg=$(gz_of "$SONIC")
  uf=$(files_of "$OURS"); sf=$(files_of "$SONIC")
  row "size, uncompressed (docker image inspect)" "$(mb "$us")" "$(mb "$ss")" "$(ratio "$ss" "$us")"
  row "size, compressed (docker save | gzip -6)" "$(mb "$ug")" "$(mb "$sg")" "$(ratio "$sg" "$ug")"
  row "files in the container (docker export)" "$uf" "$sf" "$(ratio "$sf" "$uf")"
  row "build (mkimage vs docker build on base)" "$(printf '%.2f s' "$ours_build")" "$(printf '%.2f s' "$sonic_build")" "$(ratio "$sonic_build" "$ours_build")"
  start_to_running
else
  us=$(size_of "$OURS")
  row "size, uncompressed (docker image inspect)" "$(mb "$us")" "385 MB*" "$(ratio 385000000 "$us")"
  echo "* not measured here: SONiC's reported docker-orchagent size (202405 build), see the image research notes"
fi
row "sum of layer tars (mkimage)" "$(mb "$ours_tar")" "" ""
row "sum of gzip layers (mkimage)" "$(mb "$ours_gzl")" "" ""
db=$("$BIN" mkimage -C . -o "$WORK/db" -t "$TAG-db:latest" image/docker-database.json)
echo
echo "docker-database (ours, mkimage): $(mb "$(sed -n 's/.* uncompressed=\([0-9]*\).*/\1/p' <<<"$db")") uncompressed, $(mb "$(sed -n 's/.* compressed=\([0-9]*\).*/\1/p' <<<"$db")") gzip layers"
echo "Reported by SONiC, not measured here (image research notes, sec. 2): docker-orchagent 385 MB (202405 build),"
echo "docker-database 311 MB (trixie), uncompressed, Debian base layers shared."
echo "goal: docker-orchagent-bfn under 15 MB uncompressed: $( [ "$us" -lt 15000000 ] && echo met || echo MISSED )"
