#!/usr/bin/env bash
# swss.sh start and the DB wait-and-flush: swssbox (Engine API, one static binary) against SONiC's bash logic
# with the docker CLI (docker_image_ctl.j2 201807 and swss.service's ExecStartPre, rewritten here from the
# description), in one run, on a small busybox image this script builds and loads (no product images needed).
# Prints mean ± σ per case and the ratio bash ÷ swssbox (above 1: swssbox is faster).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWSSBOX_BIN:-$PWD/out/bin/swssbox}
RUNS=${BENCH_RUNS:-10}
W=$(mktemp -d /tmp/swssbox-bench-host.XXXXXX)
TAG="swssbox-bench-$(basename "$W" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9'):latest"
OURS=bench-swss-ours-$$ ; BASH_NAME=bench-swss-bash-$$ ; DB=bench-database-$$
REDIS_PID=
cleanup() {
  docker rm -f "$OURS" "$BASH_NAME" "$DB" >/dev/null 2>&1 || true
  docker rmi -f "$TAG" >/dev/null 2>&1 || true
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT

# --- a tiny image: busybox-static, sleeping until SIGTERM ---
mkdir -p "$W/img/layer/bin"
cp /bin/busybox "$W/img/layer/bin/busybox"
for a in sh sleep rm touch test; do ln -s busybox "$W/img/layer/bin/$a"; done
# redis-cli and its shared libraries, so the original's "docker exec database redis-cli" can be run as written.
cp -L "$(command -v redis-cli)" "$W/img/layer/bin/redis-cli"
mkdir -p "$W/img/layer/lib64" "$W/img/layer/lib/x86_64-linux-gnu"
for lib in $(ldd "$(command -v redis-cli)" | awk '$3 ~ /^\// {print $3}'); do cp -L "$lib" "$W/img/layer/lib/x86_64-linux-gnu/"; done
cp -L /lib64/ld-linux-x86-64.so.2 "$W/img/layer/lib64/"
tar -C "$W/img/layer" --owner=0 --group=0 -cf "$W/img/layer.tar" bin lib lib64
diff_id=$(sha256sum "$W/img/layer.tar" | cut -d' ' -f1)
printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh","-c","trap \\"exit 0\\" TERM; while :; do sleep 1 & wait $!; done"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$diff_id" >"$W/img/config.json"
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]' "$TAG" >"$W/img/manifest.json"
tar -C "$W/img" -cf "$W/image.tar" manifest.json config.json layer.tar
docker load -i "$W/image.tar" >/dev/null

# --- a host root, a private redis, CONFIG_DB ---
R=$W/root
PLATFORM=x86_64-accton_wedge100bf_32x-r0
mkdir -p "$R/host" "$R/usr/share/sonic/device/$PLATFORM/montara" "$R/etc/network/interfaces.d" "$R/var/log/swss" "$R/var/run/redis" "$R/etc/sonic/swssbox"
echo "onie_platform=$PLATFORM" >"$R/host/machine.conf"
echo "auto lo" >"$R/etc/network/interfaces"
printf '{"image":"%s","container_name":"%s"}' "$TAG" "$OURS" >"$R/etc/sonic/swssbox/swss.json"
SOCK=$R/var/run/redis/redis.sock
redis-server --port 0 --unixsocket "$SOCK" --unixsocketperm 777 --save "" --appendonly no --dir "$W" --logfile "$W/redis.log" --databases 16 &
REDIS_PID=$!
for _ in $(seq 1 100); do redis-cli -s "$SOCK" ping >/dev/null 2>&1 && break; sleep 0.05; done
cat >"$W/database_config.json" <<JSON
{"INSTANCES":{"redis":{"hostname":"127.0.0.1","port":6379,"unix_socket_path":"$SOCK"}},
 "DATABASES":{"APPL_DB":{"id":0,"separator":":","instance":"redis"},"ASIC_DB":{"id":1,"separator":":","instance":"redis"},
  "COUNTERS_DB":{"id":2,"separator":":","instance":"redis"},"CONFIG_DB":{"id":4,"separator":"|","instance":"redis"},
  "FLEX_COUNTER_DB":{"id":5,"separator":":","instance":"redis"},"STATE_DB":{"id":6,"separator":"|","instance":"redis"}},"VERSION":"1.0"}
JSON
redis-cli -s "$SOCK" -n 4 HSET "DEVICE_METADATA|localhost" hwsku montara platform "$PLATFORM" >/dev/null
export SWSSBOX_HOST_ROOT=$R SONIC_DB_CONFIG_FILE=$W/database_config.json SWSSBOX_LOG_SOCKET=/nonexistent

# --- SONiC's logic in bash with the docker CLI (docker_image_ctl.j2, 201807, swss) ---
# sonic-cfggen -H / -d (Python, hundreds of ms each) are replaced by sed and redis-cli: this favours the original.
cat >"$W/sonic-swss.sh" <<SH
#!/bin/bash
DOCKERNAME=$BASH_NAME
R=$R
getMountPoint() {
    echo "\$1" | python3 -c "import sys, json, os; mnts = [x for x in json.load(sys.stdin)[0]['Mounts'] if x['Destination'] == '/usr/share/sonic/hwsku']; print('' if len(mnts) == 0 else os.path.basename(mnts[0]['Source']))" 2>/dev/null
}
postStartAction() {
    docker exec \$DOCKERNAME rm -f /ready
    if [[ -d \$R/host/fast-reboot ]]; then
        test -e \$R/host/fast-reboot/fdb.json && docker cp \$R/host/fast-reboot/fdb.json \$DOCKERNAME:/
        test -e \$R/host/fast-reboot/arp.json && docker cp \$R/host/fast-reboot/arp.json \$DOCKERNAME:/
        test -e \$R/host/fast-reboot/default_routes.json && docker cp \$R/host/fast-reboot/default_routes.json \$DOCKERNAME:/
        rm -fr \$R/host/fast-reboot
    fi
    docker exec \$DOCKERNAME touch /ready
}
PLATFORM=\$(sed -n 's/^onie_platform=//p' \$R/host/machine.conf)
HWSKU=\$(redis-cli -s $SOCK -n 4 HGET 'DEVICE_METADATA|localhost' hwsku)
DOCKERCHECK=\$(docker inspect --type container \$DOCKERNAME 2>/dev/null)
if [ "\$?" -eq "0" ]; then
    DOCKERMOUNT=\$(getMountPoint "\$DOCKERCHECK")
    if [ x"\$DOCKERMOUNT" == x"\$HWSKU" ]; then
        echo "Starting existing \$DOCKERNAME container with HWSKU \$HWSKU"
        docker start \$DOCKERNAME
        postStartAction
        exit \$?
    fi
    echo "Removing obsolete \$DOCKERNAME container with HWSKU \$DOCKERMOUNT"
    docker rm -f \$DOCKERNAME
fi
echo "Creating new \$DOCKERNAME container with HWSKU \$HWSKU"
docker run -d --net=host --cap-add=NET_ADMIN --cap-add=NET_RAW -t --log-opt max-size=2M --log-opt max-file=5 \\
    -v \$R/var/run/redis:/var/run/redis:rw -v \$R/usr/share/sonic/device/\$PLATFORM:/usr/share/sonic/platform:ro \\
    -v \$R/usr/share/sonic/device/\$PLATFORM/\$HWSKU:/usr/share/sonic/hwsku:ro \\
    -v \$R/etc/network/interfaces:/etc/network/interfaces:ro -v \$R/etc/network/interfaces.d/:/etc/network/interfaces.d/:ro \\
    -v \$R/host/machine.conf:/host/machine.conf:ro -v \$R/etc/sonic:/etc/sonic:ro -v \$R/var/log/swss:/var/log/swss:rw \\
    --tmpfs /tmp --tmpfs /var/tmp --name=\$DOCKERNAME $TAG
if [ "\$?" -ne "0" ]; then echo "Failed to docker run" >&1; exit 4; fi
postStartAction
SH
# swss.service's ExecStartPre (201807): PING loop, then five FLUSHDBs, each a "docker exec database redis-cli".
# The stand-in database container runs the image above with the private redis's socket directory bound in.
docker run -d --net=host -v "$R/var/run/redis:/var/run/redis:rw" --name "$DB" "$TAG" >/dev/null
cat >"$W/sonic-wait-db.sh" <<SH
#!/bin/bash
until [[ \$(docker exec -i $DB redis-cli -s /var/run/redis/redis.sock ping) == "PONG" ]]; do sleep 1; done
for n in 0 1 2 5 6; do docker exec -i $DB redis-cli -s /var/run/redis/redis.sock -n \$n FLUSHDB >/dev/null; done
SH
# The same without docker exec: the lower bound of the original (plain redis-cli spawns).
cat >"$W/cli-wait-db.sh" <<SH
#!/bin/bash
until [[ \$(redis-cli -s $SOCK ping) == "PONG" ]]; do sleep 1; done
for n in 0 1 2 5 6; do redis-cli -s $SOCK -n \$n FLUSHDB >/dev/null; done
SH
chmod +x "$W"/*.sh

# Both must work before they are timed.
"$BIN" swss.sh start >/dev/null
"$W/sonic-swss.sh" >/dev/null
[ "$(docker inspect -f '{{.Id}}' "$OURS")" != "" ] && [ "$(docker inspect -f '{{.Id}}' "$BASH_NAME")" != "" ]

hf() { hyperfine -N --style none --runs "$RUNS" --warmup 1 --export-json "$W/$1.json" "${@:2}" >/dev/null 2>&1; }
hf existing --prepare "docker stop -t 0 $OURS" "$BIN swss.sh start" --prepare "docker stop -t 0 $BASH_NAME" "$W/sonic-swss.sh"
hf fresh --prepare "docker rm -f $OURS" "$BIN swss.sh start" --prepare "docker rm -f $BASH_NAME" "$W/sonic-swss.sh"
"$W/sonic-wait-db.sh"   # must work before it is timed
hf waitdb "$BIN swss.sh wait-db" "$W/sonic-wait-db.sh"
hf waitcli "$BIN swss.sh wait-db" "$W/cli-wait-db.sh"

# Peak RSS (KB), minimum of 3 runs, of the start of an existing stopped container. For the bash side GNU time's
# figure is the largest single process of the tree (bash, python3, docker CLI, redis-cli), not their sum.
rss() { local best=; for _ in 1 2 3; do docker stop -t 0 "$1" >/dev/null; /usr/bin/time -f %M -o "$W/t" "${@:2}" >/dev/null 2>&1; local m; m=$(tail -n 1 "$W/t"); [ -z "$best" ] || [ "$m" -lt "$best" ] && best=$m; done; echo "$best"; }
RSS_OURS=$(rss "$OURS" "$BIN" swss.sh start)
RSS_BASH=$(rss "$BASH_NAME" "$W/sonic-swss.sh")
echo "$RSS_OURS $RSS_BASH" >"$W/rss"

python3 - "$W" <<'PY'
import json, sys
w = sys.argv[1]
rows = [("swss.sh start, existing stopped container", "existing"), ("swss.sh start, fresh container (create)", "fresh"),
        ("wait-db: PING + 5 FLUSHDB (docker exec)", "waitdb"),
        ("wait-db vs plain redis-cli spawns", "waitcli")]
print(f"{'case':46} {'swssbox ms':>16} {'SONiC bash ms':>16} {'ratio':>7}")
for label, f in rows:
    r = json.load(open(f"{w}/{f}.json"))["results"]
    o, b = r[0], r[1]
    print(f"{label:46} {o['mean']*1e3:9.1f} ± {o['stddev']*1e3:4.1f} {b['mean']*1e3:9.1f} ± {b['stddev']*1e3:4.1f} {b['mean']/o['mean']:6.1f}x")
ours, bash = (int(x) for x in open(f"{w}/rss").read().split())
print(f"{'peak RSS KB, start existing (largest process)':46} {ours:16} {bash:16} {bash/ours:6.1f}x")
PY
echo "(bash side: sonic-cfggen replaced by sed and redis-cli, which favours it; the database is a stand-in container with redis-cli)"
