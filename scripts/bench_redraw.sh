#!/usr/bin/env bash
# Measures key-to-screen time of the TUI: a release build runs in tmux, receives 400 keys
# (every parameter changed up and down), and logs the time from reading each key to the end of
# the redraw (update + convolution + view + ncurses draw). Prints count, median and p90 in ms.
#   scripts/bench_redraw.sh [SIZE [CONFIG [convscope options…]]]
#   e.g. scripts/bench_redraw.sh 120x40 release --h-in 1022 --w-in 1022 --in-channels 64 --out-channels 64 --kernel-size 32
# With options the layer starts there instead of the course notes' defaults. The TUI's peak RSS
# (VmHWM of /proc/PID/status, sampled every 50 ms) is printed too.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-120x40}
config=${2:-release}   # debug is what `swift run convscope` runs
shift $(( $# < 2 ? $# : 2 ))
options="$*"
swift build -c "$config" --product convscope >/dev/null
log=$(mktemp); : > "$log"
session=convscope-bench-$$
tmux -L convscope-bench -f /dev/null new-session -d -s "$session" -x "${size%x*}" -y "${size#*x}" \
  "sh -c 'while kill -0 \$0 2>/dev/null; do grep VmHWM /proc/\$0/status > $log.rss.new 2>/dev/null && mv $log.rss.new $log.rss; sleep 0.05; done' \$\$ & exec env -u NO_COLOR TERM=tmux-256color CONVSCOPE_FRAME_LOG=$log XDG_STATE_HOME=$(dirname "$log")/bench-state .build/$config/convscope --fresh $options" </dev/null >/dev/null 2>&1
sleep 1
for round in $(seq 1 17); do
  for key in Right Right Left Down; do tmux -L convscope-bench send-keys -t "$session" "$key"; sleep 0.02; done
  for key in Right Left; do tmux -L convscope-bench send-keys -t "$session" "$key"; sleep 0.02; done
done
for key in $(seq 1 12); do tmux -L convscope-bench send-keys -t "$session" Up Right Right Left Left; sleep 0.05; done
sleep 0.5
tmux -L convscope-bench send-keys -t "$session" q
sleep 0.3
tmux -L convscope-bench kill-session -t "$session" 2>/dev/null || true
python3 - "$log" "$size" "$config" "$options" <<'PY'
import statistics, sys
values = [int(v) / 1000 for v in open(sys.argv[1]) if v.strip()]
values.sort()
p90 = values[int(len(values) * 0.9) - 1]
try:
    rss = open(sys.argv[1] + ".rss").read().split()[1] + " kB"
except (OSError, IndexError):
    rss = "unknown"
print(f"{sys.argv[2]} {sys.argv[3]} {sys.argv[4]}: {len(values)} redraws after a key; median {statistics.median(values):.2f} ms, p90 {p90:.2f} ms, max {values[-1]:.2f} ms; peak RSS {rss}")
PY
rm -f "$log" "$log.rss"
