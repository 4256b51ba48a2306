#!/usr/bin/env bash
# Regenerates screenshots/ from `convscope render`: every line of screenshots/manifest.txt
# becomes NAME.svg (exact colours, vector) and NAME.png (rsvg-convert, Debian's librsvg2-bin).
# With --check, only compares the committed SVGs with what render produces now (for CI).
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[ "${1:-}" = "--check" ] && check=true
swift build --product convscope >/dev/null
bin=.build/debug/convscope
status=0
while IFS='|' read -r name flags; do
  name=$(echo "$name" | xargs)
  [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
  if $check; then
    # shellcheck disable=SC2086
    if ! $bin render --format svg $flags | cmp -s - "screenshots/$name.svg"; then
      echo "screenshots/$name.svg differs from: convscope render --format svg $flags"; status=1
    fi
  else
    # shellcheck disable=SC2086
    $bin render --format svg $flags > "screenshots/$name.svg"
    rsvg-convert -z 1.5 "screenshots/$name.svg" -o "screenshots/$name.png"
    echo "screenshots/$name.svg, .png"
  fi
done < screenshots/manifest.txt
exit $status
