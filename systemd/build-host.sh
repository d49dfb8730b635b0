#!/usr/bin/env bash
# Assembles out/host/: the units under etc/systemd/system and the wrappers as links to swssbox under usr/bin,
# laid out as on a switch (a root for `systemd-analyze verify --root`, or to copy onto one).
set -euo pipefail
cd "$(dirname "$0")/.."
host=out/host
rm -rf "$host.new"
mkdir -p "$host.new/etc/systemd/system" "$host.new/usr/bin"
cp systemd/*.service "$host.new/etc/systemd/system/"
cp out/bin/swssbox "$host.new/usr/bin/swssbox"
for t in swss.sh syncd.sh database.sh; do ln -s swssbox "$host.new/usr/bin/$t"; done
rm -rf "$host"
mv "$host.new" "$host"
ls -R "$host"
