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

# The conv_arithmetic pack, and pictures of it and of an animation as a browser shows them
# (chromium-headless-shell at 1920×1080; the animation at two moments of its clock).
if $check; then
  tmp=$(mktemp -d)
  $bin render --arith "$tmp/arith" >/dev/null
  diff -rq "$tmp/arith" screenshots/arith || { echo "screenshots/arith differs from: convscope render --arith"; status=1; }
  rm -rf "$tmp"
else
  $bin render --arith screenshots/arith --force
  # A ConvTranspose2d's two explanations animated (render --view ... --animate).
  transposed="ConvTranspose2d(1, 1, 3, stride=2, padding=1, output_padding=1)"
  $bin render --layer "$transposed" --h-in 4 --w-in 4 --kernel sobel-x --view direct --animate --format svg \
    -o screenshots/transposed-direct-animated.svg --force
  $bin render --layer "$transposed" --h-in 4 --w-in 4 --kernel sobel-x --view scatter --animate --format html --theme light \
    -o screenshots/transposed-scatter-animated.html --force
  browser=/usr/bin/chromium-headless-shell
  if [ -x "$browser" ]; then
    shot() { "$browser" --no-sandbox --hide-scrollbars --window-size=1920,1080 --virtual-time-budget="$2" \
      --screenshot="$PWD/screenshots/$3" "file://$PWD/screenshots/$1" >/dev/null 2>&1; echo "screenshots/$3"; }
    shot arith/index.html 3000 arith-index.png
    shot arith/padding_strides_odd_transposed.svg 2000 arith-padding-strides-odd-transposed.png
    shot slide-animated.svg 400 slide-animated-at-0.4s.png
    shot slide-animated.svg 2000 slide-animated-at-2.0s.png
    shot transposed-direct-animated.svg 400 transposed-direct-at-0.4s.png
    shot transposed-direct-animated.svg 2000 transposed-direct-at-2.0s.png
    shot transposed-scatter-animated.html 400 transposed-scatter-at-0.4s.png
    shot transposed-scatter-animated.html 2000 transposed-scatter-at-2.0s.png
  fi
fi
exit $status
