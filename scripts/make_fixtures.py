#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_conv2d.json with real PyTorch.

Each case runs the notebook's experiment (ramp input x[c,y,x] = x, all-ones weights, no bias)
and records the output shape and values, or PyTorch's error message word for word.

    pip install torch==2.13.0+cpu && python3 scripts/make_fixtures.py
"""
import json
import os
import random

import torch
import torch.nn as nn

NAMES = ["h_in", "w_in", "in_channels", "out_channels", "kernel_size_h", "kernel_size_w",
         "padding_h", "padding_w", "stride_h", "stride_w", "dilation_h", "dilation_w"]
# The notebook widget's slider ranges (random cases stay inside them).
SLIDERS = [(8, 32), (8, 32), (1, 4), (1, 4), (1, 8), (1, 8), (0, 8), (0, 8),
           (1, 8), (1, 8), (1, 8), (1, 8)]


def run(params):
    h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw = params
    x = torch.arange(w, dtype=torch.float).repeat(1, ci, h, 1)
    conv = nn.Conv2d(ci, co, (kh, kw), stride=(sh, sw), padding=(ph, pw),
                     dilation=(dh, dw), bias=False)
    conv.weight = nn.Parameter(torch.ones_like(conv.weight))
    case = {"params": params}
    try:
        y = conv(x).detach()
    except RuntimeError as e:
        case["error"] = str(e)
        return case
    case["output_shape"] = list(y.shape)
    case["output"] = [float(v) for v in y.flatten().tolist()]
    return case


def general_case(rng):
    """Random integer input and weights: exercises the convolution for any weights."""
    params = [rng.randint(lo, hi) for lo, hi in SLIDERS]
    params[4] = rng.randint(1, 4); params[5] = rng.randint(1, 4)
    params[10] = rng.randint(1, 2); params[11] = rng.randint(1, 2)
    h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw = params
    g = torch.Generator().manual_seed(rng.randint(0, 2**31))
    x = torch.randint(-5, 6, (1, ci, h, w), generator=g).float()
    weight = torch.randint(-3, 4, (co, ci, kh, kw), generator=g).float()
    y = torch.nn.functional.conv2d(x, weight, stride=(sh, sw), padding=(ph, pw), dilation=(dh, dw))
    return {"params": params, "input": x.flatten().tolist(), "weight": weight.flatten().tolist(),
            "output_shape": list(y.shape), "output": y.flatten().tolist()}


def edge_cases():
    d = [8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1]

    def v(**kw):
        p = list(d)
        for k, val in kw.items():
            p[NAMES.index(k)] = val
        return p

    return [
        # 1x1 kernels
        v(kernel_size_h=1, kernel_size_w=1),
        v(kernel_size_h=1, kernel_size_w=1, stride_h=3, stride_w=2),
        v(kernel_size_h=1, kernel_size_w=1, padding_h=2, padding_w=1),
        # a kernel exactly filling the padded input
        v(kernel_size_h=8, kernel_size_w=8),
        v(kernel_size_h=10, kernel_size_w=12, padding_h=1, padding_w=2),
        v(h_in=5, w_in=7, kernel_size_h=3, kernel_size_w=4, dilation_h=2, dilation_w=2),
        # one bigger than the padded input: PyTorch's error, each axis and both
        v(kernel_size_h=9, kernel_size_w=9),
        v(kernel_size_h=9),
        v(kernel_size_w=11, padding_w=1),
        v(h_in=1, w_in=1),
        # stride larger than the input
        v(stride_h=20, stride_w=20),
        v(h_in=2, w_in=2, kernel_size_h=1, kernel_size_w=1, stride_h=32, stride_w=32),
        v(h_in=4, w_in=5, kernel_size_h=2, kernel_size_w=2, stride_h=7, stride_w=9, padding_h=3),
        # dilation overshoot
        v(dilation_h=4, dilation_w=4),
        v(dilation_h=3, dilation_w=3),
        v(dilation_h=8, dilation_w=1, padding_h=8),
        v(h_in=6, w_in=6, kernel_size_h=2, kernel_size_w=2, dilation_h=6, dilation_w=5),
        # asymmetric everything
        v(h_in=9, w_in=14, in_channels=2, out_channels=3, kernel_size_h=2, kernel_size_w=5,
          padding_h=1, padding_w=3, stride_h=2, stride_w=3, dilation_h=3, dilation_w=2),
        v(h_in=13, w_in=6, in_channels=4, out_channels=1, kernel_size_h=4, kernel_size_w=1,
          padding_h=0, padding_w=2, stride_h=3, stride_w=1, dilation_h=1, dilation_w=4),
        v(h_in=7, w_in=3, kernel_size_h=5, kernel_size_w=3, padding_h=4, padding_w=0, stride_h=4),
        # sizes below 8
        v(h_in=1, w_in=1, kernel_size_h=1, kernel_size_w=1),
        v(h_in=1, w_in=7, kernel_size_h=1, kernel_size_w=3),
        v(h_in=7, w_in=1, kernel_size_h=3, kernel_size_w=1),
        v(h_in=3, w_in=3, padding_h=1, padding_w=1),
        v(h_in=2, w_in=5, kernel_size_h=3, kernel_size_w=3, padding_h=1, padding_w=1, stride_h=2, stride_w=2),
        v(h_in=1, w_in=1, kernel_size_h=3, kernel_size_w=3, padding_h=1, padding_w=1),
        v(h_in=4, w_in=4, kernel_size_h=4, kernel_size_w=4, padding_h=3, padding_w=3, stride_h=3, stride_w=2),
        # padding much larger than the kernel (whole output rows read only zeros)
        v(padding_h=8, padding_w=8),
        v(h_in=2, w_in=2, kernel_size_h=1, kernel_size_w=1, padding_h=5, padding_w=0),
        # beyond the notebook's sliders, within convscope's ranges
        v(h_in=40, w_in=33, in_channels=7, out_channels=5, kernel_size_h=12, kernel_size_w=9,
          padding_h=20, padding_w=13, stride_h=11, stride_w=5, dilation_h=2, dilation_w=3),
        v(h_in=1024, w_in=1, in_channels=1, out_channels=1, kernel_size_h=32, kernel_size_w=1,
          stride_h=32, stride_w=1, dilation_h=32),
        # float32 territory: sums above 2**24
        v(h_in=40, w_in=1024, in_channels=63, out_channels=1, kernel_size_h=31, kernel_size_w=29,
          stride_h=3, stride_w=7),
        v(h_in=64, w_in=1000, in_channels=64, out_channels=2, kernel_size_h=32, kernel_size_w=32,
          padding_h=5, padding_w=32, stride_h=16, stride_w=3, dilation_h=1, dilation_w=1),
        v(h_in=33, w_in=777, in_channels=61, out_channels=1, kernel_size_h=27, kernel_size_w=23,
          padding_h=0, padding_w=11, stride_h=2, stride_w=1, dilation_h=1, dilation_w=3),
    ]


def main():
    torch.manual_seed(0)
    rng = random.Random(20261126)
    random_cases = [run([rng.randint(lo, hi) for lo, hi in SLIDERS]) for _ in range(300)]
    edges = [run(p) for p in edge_cases()]
    general = [general_case(rng) for _ in range(12)]
    out = {"torch_version": torch.__version__, "names": NAMES,
           "random": random_cases, "edge": edges, "general": general}
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "ConvCoreTests", "Fixtures",
                        "pytorch_conv2d.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    ok = sum("error" not in c for c in random_cases)
    print(f"{len(random_cases)} random ({ok} accepted, {len(random_cases) - ok} refused), "
          f"{len(edges)} edge cases -> {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
