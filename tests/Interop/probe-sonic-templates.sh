#!/usr/bin/env bash
# Renders every run-time template of a sonic-buildimage checkout with our static sonic-cfggen and with the Python
# oracle, for each of our CONFIG_DB samples, and reports any difference in output or exit code.
#   tests/Interop/probe-sonic-templates.sh /path/to/sonic-buildimage
# Not part of ./build.sh test: SONiC's templates are not ours to ship; this is a conformance probe.
set -euo pipefail
SRC=${1:?usage: $0 SONIC_BUILDIMAGE_CHECKOUT}
cd "$(dirname "$0")/../.."
BIN=${SWSSBOX_BIN:-out/bin/swssbox}
ORACLE=tests/Interop/Templates/oracle.py
DATA=tests/Interop/Templates/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
same=0 differ=0 failing=0
while IFS= read -r t; do
  for d in t0 t1 bfn64; do
    r1=0; r2=0
    timeout 20 "$BIN" sonic-cfggen -j "$DATA/$d.config_db.json" -t "$t" >"$TMP/o" 2>"$TMP/oe" || r1=$?
    timeout 60 /usr/bin/python3 "$ORACLE" -j "$DATA/$d.config_db.json" -t "$t" >"$TMP/p" 2>"$TMP/pe" || r2=$?
    if [ "$r1" = "$r2" ] && cmp -s "$TMP/o" "$TMP/p"; then
      same=$((same + 1)); [ "$r1" = 0 ] || failing=$((failing + 1))
    else
      differ=$((differ + 1)); echo "DIFFERS: $t ($d): exit $r1 vs $r2"
    fi
  done
done < <(find "$SRC/dockers" "$SRC/files/build_templates" "$SRC/files/image_config" "$SRC/src/sonic-config-engine/tests" -name '*.j2' -type f | sort)
echo "identical: $same (of which both failed: $failing), different: $differ"
[ "$differ" = 0 ]
