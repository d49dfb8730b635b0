# Shared helpers for bench/*.sh: side-by-side timing and memory of whole processes, printed with ratios.
# Sourced, not run. Needs hyperfine, GNU time and /usr/bin/python3 (all installed by ./build.sh deps).
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SWSSBOX=${SWSSBOX_BIN:-$BENCH_ROOT/out/bin/swssbox}
BENCH_TMP=$(mktemp -d /tmp/swssbox-bench.XXXXXX)
trap 'rm -rf "$BENCH_TMP"' EXIT

# mean_ms RUNS CMD: mean wall time in ms of a whole command (hyperfine, no shell, 5 warm-ups).
mean_ms() {
  local runs=$1; shift
  hyperfine -N --style none --warmup 5 --runs "$runs" --export-json "$BENCH_TMP/h.json" -- "$*" >/dev/null 2>&1
  /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f" % (r["mean"]*1000, r["stddev"]*1000))' "$BENCH_TMP/h.json"
}

# peak_rss_kb CMD...: the minimum over 5 runs of the peak resident set size in KiB.
peak_rss_kb() {
  local best=""
  for _ in 1 2 3 4 5; do
    /usr/bin/time -o "$BENCH_TMP/rss" -f '%M' "$@" >/dev/null 2>&1 || true
    local kb; kb=$(tail -1 "$BENCH_TMP/rss")
    if [ -z "$best" ] || [ "$kb" -lt "$best" ]; then best=$kb; fi
  done
  echo "$best"
}

# ratio A B: A / B with two decimals (how many times B is better when A is the original).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.2f", a / b }'; }

# row LABEL OURS THEIRS UNIT: one table line; the ratio is theirs ÷ ours (above 1: swssbox wins).
row() { printf '%-46s %12s %12s %8s  %sx\n' "$1" "$2" "$3" "$4" "$(ratio "$3" "$2")"; }
header() { printf '%-46s %12s %12s %8s  %s\n' "measure" "swssbox" "original" "unit" "original/swssbox"; }
