#!/usr/bin/env bash
# swssbox build driver.
#   ./build.sh          build everything: the static multi-call binary, its tool links, images, host bundle
#   ./build.sh test     build, then run every test suite; ends with "N passed, N failed"
#   ./build.sh bench    build, then run the side-by-side benchmarks (bench/*.sh)
#   ./build.sh deps     only check/install what the build and tests need
#   ./build.sh clean    remove out/ and intermediate build output
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
OUT=$ROOT/out
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export SWSSBOX_ROOT=$ROOT SWSSBOX_BIN=$OUT/bin/swssbox
START=$(date +%s.%N)
STEP=0

# One line per step: number, name, time since the build started and the step's own time.
step() {
  local name=$1; shift
  STEP=$((STEP + 1))
  local t0; t0=$(date +%s.%N)
  printf '[%2d] %-44s' "$STEP" "$name"
  local log="$OUT/logs/$(printf '%02d' "$STEP")-${name//[^a-zA-Z0-9]/_}.log"
  mkdir -p "$OUT/logs"
  if "$@" >"$log" 2>&1; then
    printf ' ok   %6.1fs  (at %6.1fs)\n' "$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print a-b}')" "$(awk -v a="$(date +%s.%N)" -v b="$START" 'BEGIN{print a-b}')"
  else
    local rc=$?
    printf ' FAIL %6.1fs\n' "$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{print a-b}')"
    echo "---- last lines of $log ----" >&2
    tail -n 40 "$log" >&2
    exit "$rc"
  fi
}

# Debian packages: what the build, the tests and the reference (Python/bash) comparisons need.
PACKAGES=(redis-server docker.io runc iproute2 python3-jinja2 python3-netaddr supervisor file time hyperfine skopeo umoci debootstrap busybox-static systemd binutils redis-tools)
deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  command -v dotnet >/dev/null || { echo "missing: the .NET SDK 10 (dotnet on PATH)"; return 1; }
  [ ${#missing[@]} -eq 0 ] && { echo "all packages present"; return 0; }
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "missing Debian packages (install them as root): ${missing[*]}"
    return 1
  fi
}

publish() {
  dotnet publish src/Swssbox/Swssbox.csproj -c Release -o "$OUT/publish" -nologo
  mkdir -p "$OUT/bin"
  cp -f "$OUT/publish/swssbox" "$OUT/bin/swssbox.new" && mv -f "$OUT/bin/swssbox.new" "$OUT/bin/swssbox"
}

# A link per tool, named as SONiC names it; stale links of removed tools go away.
links() {
  local tools; tools=$("$OUT/bin/swssbox" --list | awk '{print $1}')
  find "$OUT/bin" -maxdepth 1 -type l -delete
  for t in $tools; do ln -sf swssbox "$OUT/bin/$t"; done
  echo "$tools" | wc -w
}

# Each test project by itself, so a new suite needs no other registration than its folder under tests/.
build_tests() { local p; for p in tests/*/*.csproj; do dotnet build "$p" -c Debug -nologo || return 1; done; }

artefacts() {
  echo
  printf '%-44s %12s\n' "artefact" "bytes"
  printf '%-44s %12s\n' "out/bin/swssbox" "$(stat -c %s "$OUT/bin/swssbox")"
  printf '%-44s %12s\n' "out/bin/ (tool links)" "$(find "$OUT/bin" -maxdepth 1 -type l | wc -l) links"
  if [ -d "$OUT/images" ]; then
    for f in "$OUT"/images/*.tar; do [ -e "$f" ] && printf '%-44s %12s\n' "out/images/$(basename "$f")" "$(stat -c %s "$f")"; done
  fi
  if [ -d "$OUT/host" ]; then
    printf '%-44s %12s\n' "out/host/ (host bundle)" "$(du -sb "$OUT/host" | cut -f1)"
  fi
  file "$OUT/bin/swssbox" | sed 's/^.*: /type: /'
}

build_all() {
  step "check packages" deps
  step "publish static swssbox (NativeAOT)" publish
  step "tool links in out/bin" links
  [ -x image/build-images.sh ] && step "container images (out/images)" image/build-images.sh
  [ -x systemd/build-host.sh ] && step "host bundle (out/host)" systemd/build-host.sh
  return 0
}

# Runs one test project; its TRX goes to out/test-results for the summary.
run_suite() {
  local project=$1 name; name=$(basename "$(dirname "$project")")
  dotnet test "$project" -c Debug --no-build --logger "trx;LogFileName=$name.trx" \
    --results-directory "$OUT/test-results" --logger "console;verbosity=normal"
}

# "N passed, N failed" over every TRX file.
summary() {
  local passed=0 failed=0 skipped=0 f
  for f in "$OUT"/test-results/*.trx; do
    [ -e "$f" ] || continue
    local c; c=$(grep -o '<Counters [^>]*>' "$f" | head -1)
    passed=$((passed + $(echo "$c" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')))
    failed=$((failed + $(echo "$c" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')))
    local total exec; total=$(echo "$c" | sed -n 's/.* total="\([0-9]*\)".*/\1/p'); exec=$(echo "$c" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
    skipped=$((skipped + total - exec))
  done
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

test_all() {
  build_all
  step "build test projects" build_tests
  rm -rf "$OUT/test-results"
  local rc=0 p
  for p in tests/*/*.csproj; do
    echo "== $(basename "$(dirname "$p")") tests"
    run_suite "$p" 2>&1 | grep -E '^\s+(Passed|Failed|Skipped) |^(Passed|Failed)!|error|Error Message|Assert' | grep -v '^\s*Passed ' || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
  done
  summary || rc=1
  return $rc
}

bench_all() {
  build_all
  local b
  for b in bench/*.sh; do
    echo "== $(basename "$b")"
    bash "$b"
  done
}

case "${1:-all}" in
  all|build) build_all; artefacts ;;
  test) test_all ;;
  bench) bench_all ;;
  deps) deps ;;
  clean) rm -rf "$OUT"; find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + ;;
  up|down)
    [ -x systemd/local-bringup.sh ] || { echo "./build.sh $1: not available yet" >&2; exit 1; }
    build_all; systemd/local-bringup.sh "$1" ;;
  *) echo "usage: ./build.sh [build|test|bench|deps|clean|up|down]" >&2; exit 2 ;;
esac
