#!/bin/sh
# Generates convscope's man page from its argument parser (swift-argument-parser's GenerateManual
# plugin) and installs it. Usage: scripts/install-man.sh [MANDIR]   (default /usr/local/share/man/man1)
set -eu
cd "$(dirname "$0")/.."
mandir=${1:-/usr/local/share/man/man1}
swift package generate-manual --configuration debug
install -d "$mandir"
install -m 644 .build/plugins/GenerateManual/outputs/convscope/convscope.1 "$mandir/convscope.1"
echo "installed $mandir/convscope.1 (try: man convscope)"
