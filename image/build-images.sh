#!/usr/bin/env bash
# Builds every image/*.json with `swssbox mkimage` into out/images/ (<name>.oci/ layout and <name>.tar
# docker-archive) and prints each image's size, uncompressed (sum of layer tars) and compressed (gzip layers).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWSSBOX_BIN:-out/bin/swssbox}
printf '%-32s %14s %14s  %s\n' "image" "uncompressed" "compressed" "image id"
for def in image/*.json; do
  line=$("$BIN" mkimage -C . -o out/images "$def")
  ref=${line%% *}
  un=$(sed -n 's/.* uncompressed=\([0-9]*\).*/\1/p' <<<"$line")
  gz=$(sed -n 's/.* compressed=\([0-9]*\).*/\1/p' <<<"$line")
  id=$(sed -n 's/.* id=\(sha256:[0-9a-f]\{12\}\).*/\1/p' <<<"$line")
  printf '%-32s %11.2f MB %11.2f MB  %s\n' "$ref" "$(awk -v b="$un" 'BEGIN{print b/1e6}')" "$(awk -v b="$gz" 'BEGIN{print b/1e6}')" "$id"
done
