#!/usr/bin/env bash
# Times convscope's convolution paths against PyTorch's F.conv2d (when python3 can import torch)
# on the layers of docs/PERFORMANCE.md, in one run, and prints that Markdown table.
#   scripts/bench.sh            the full table (about 5 minutes on 2 cores)
#   scripts/bench.sh --quick    every size 64², one run each: proves it works (the suite runs it)
#   scripts/bench.sh --help     the other options (--threads, --no-torch)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product convscope-bench >/dev/null
exec .build/release/convscope-bench "$@"
