#!/usr/bin/env bash
# One key's cost on the key path (update + the frame it paints) on the stack screen with a
# 5,000-layer model and the exercise screen with a 40,000-question lab; the goal is ≤ 16 ms.
#   scripts/bench_keys.sh            the full sizes
#   scripts/bench_keys.sh --quick    500 layers and 4,000 questions (proves it runs)
#   scripts/bench_keys.sh --maps-in-view         key → maps in view for the largest random layers
#   scripts/bench_keys.sh --maps-in-view-grid    the same for every kind of layer in range, then a model's
#                                                selected node on both model screens; pass/fail per case, a verdict
#   scripts/bench_keys.sh --model-maps-in-view   the model screens' cases alone
#   scripts/bench_keys.sh --maps-in-view-parts [--case N]   where one of them spends its time
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product convscope-keybench >/dev/null
# What the figures were measured on (the benchmark prints the machine and its load too).
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with changes)'); $(date -u '+%Y-%m-%d %H:%M UTC')"
# Line by line into a pipe or file too, so a long run shows its progress.
stdbuf -oL .build/release/convscope-keybench "$@"
