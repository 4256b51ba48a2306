#!/usr/bin/env bash
# Issue F's whole goal table in one run: convscope's convolution paths against PyTorch's F.conv2d
# (when python3 can import torch) on the layers of docs/PERFORMANCE.md, then the app's figures
# (key → heatmaps, the TUI's peak RSS, JSON throughput, text render, start → first frame; tmux).
#   scripts/bench.sh            the full tables (several minutes on 2 cores)
#   scripts/bench.sh --quick    every size 64², one run each: proves it works (the suite runs the
#                               first part, convscope-bench --quick)
#   scripts/bench.sh --help     the other options (--threads, --no-torch, --direct, --fft)
#   CONVSCOPE_ISA=avx2 scripts/bench.sh   what a machine without AVX-512 runs: convscope's kernels
#                               and torch's (ATEN_CPU_CAPABILITY=avx2, ONEDNN_MAX_CPU_ISA=AVX2) both
#                               limited to AVX2
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product convscope-bench >/dev/null
.build/release/convscope-bench "$@"
case " $* " in *" --help "*|*" -h "*) exit 0 ;; esac
# The cost model's call on 1024² 16→16 k8: each path, alternating, on the clock and in CPU time
# (FFTPlan.directAdvantage sends it to the FFT path, measured 0.6–0.7 of the direct path's time).
if [[ " $* " != *" --quick "* && " $* " != *" --direct "* && " $* " != *" --fft "* ]]; then
    echo
    echo "1024² 16→16 k8, random, direct path against FFT path (median of 5 runs each, CPU of the process;"
    echo "on a busy machine an upper bound: the figures the goals are judged by need load average under 1):"
    layer=size=1024,cin=16,cout=16,k=8,weights=random,input=random,band=0,runs=5
    for round in 1 2 3; do
        for path in --direct --fft; do
            /usr/bin/time -f "round $round $path: %U s user %S s system" .build/release/convscope-bench "$path" --measure "$layer" 2>&1 \
                | tr '\n' ' '
            echo
        done
    done
fi
echo
python3 scripts/bench_app.py $([[ " $* " == *" --quick "* ]] && echo --quick)
# A traced ResNet-50 (--layers table, every node's values) against torch's eval forward, same run.
if python3 -c "import torch" 2>/dev/null && [[ " $* " != *" --no-torch "* ]]; then
    echo
    swift build -c release --product convscope >/dev/null
    python3 scripts/bench_graph.py --runs $([[ " $* " == *" --quick "* ]] && echo 1 || echo 5)
fi
