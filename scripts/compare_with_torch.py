#!/usr/bin/env python3
"""Compares `convscope render --format json` with PyTorch 2.13 on random configurations drawn
from convscope's whole allowed ranges (not the committed fixtures).

    pip install torch==2.13.0+cpu && python3 scripts/compare_with_torch.py [COUNT] [SEED]

Values must be identical up to 2^24 (where float32 sums are exact in any order); above that
PyTorch's own float32 rounding depends on its backend, so a relative 1e-3 is allowed and counted.
"""
import json
import random
import subprocess
import sys

import torch
import torch.nn.functional as F

RANGES = [(1, 1024), (1, 1024), (1, 64), (1, 64), (1, 32), (1, 32), (0, 32), (0, 32),
          (1, 32), (1, 32), (1, 32), (1, 32)]
FLAGS = ["--h-in", "--w-in", "--in-channels", "--out-channels", "--kernel-size-h", "--kernel-size-w",
         "--padding-h", "--padding-w", "--stride-h", "--stride-w", "--dilation-h", "--dilation-w"]


def draw(rng):
    # Log-uniform sizes so small and large values both appear; cap the work per case.
    while True:
        p = [int(round(2 ** rng.uniform(0, (hi.bit_length() - 1)))) if lo >= 1 else rng.randint(lo, hi)
             for lo, hi in RANGES]
        p = [min(max(v, lo), hi) for v, (lo, hi) in zip(p, RANGES)]
        if p[0] * p[1] * p[2] <= 2_000_000 and p[0] * p[1] * p[3] <= 4_000_000:
            return p


def torch_result(p):
    h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw = p
    x = torch.arange(w, dtype=torch.float).repeat(1, ci, h, 1)
    try:
        y = F.conv2d(x, torch.ones(co, ci, kh, kw), stride=(sh, sw), padding=(ph, pw), dilation=(dh, dw))
    except RuntimeError as e:
        return {"error": str(e)}
    return {"output_shape": list(y.shape), "output": y}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    exact = refused = tolerant = failed = 0
    for _ in range(count):
        p = draw(rng)
        args = [".build/debug/convscope", "render", "--format", "json"]
        for flag, v in zip(FLAGS, p):
            args += [flag, str(v)]
        run = subprocess.run(args, capture_output=True, text=True)
        ours = json.loads(run.stdout)
        ref = torch_result(p)
        if "error" in ref:
            ok = ours.get("error") == ref["error"] and run.returncode == 1
            refused += ok
        else:
            out = torch.tensor(ours["output"], dtype=torch.float64)
            theirs = ref["output"].double()
            ok = run.returncode == 0 and list(out.shape) == ref["output_shape"] and ours["output_shape"] == ref["output_shape"]
            if ok:
                big = theirs.abs() > 2 ** 24
                ok = bool(torch.equal(out[~big], theirs[~big])) and bool(
                    ((out[big] - theirs[big]).abs() <= 1e-3 * theirs[big].abs()).all())
                if ok and big.any():
                    tolerant += 1
                elif ok:
                    exact += 1
        if not ok:
            failed += 1
            print("MISMATCH", p, run.returncode, run.stdout[:200])
    print(f"{count} random configurations: {exact} identical outputs, {refused} identical refusals, "
          f"{tolerant} with sums above 2^24 within 1e-3, {failed} mismatches")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
