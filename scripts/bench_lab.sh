#!/usr/bin/env bash
# A lab of 30 on one server: 30 course screens, then 30 exercise screens, in one private tmux
# server each, 256² random input, 16→16, 5×5 random kernel, 30 keys a second in total; prints each
# session's p50/p90 key → frame, the total RSS and the idle CPU (scripts/bench_lab.py).
#   scripts/bench_lab.sh [--sessions N] [--keys-per-second K] [--seconds S] [--screen course|exercise|both]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product convscope >/dev/null
exec python3 scripts/bench_lab.py "$@"
