#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_fft_layers.json with real PyTorch 2.13: layers
with kernels of 5×5 and more (the FFT path's), every padding mode, same/valid, stride, dilation,
groups and bias, on integer, quarter-step and normally distributed values, and the benchmark's
16→16 8×8 layer on small planes. Same case layout as
pytorch_conv2d_full.json (explicit input_values and kernel_values).

    pip install torch==2.13.0+cpu && python3 scripts/make_fft_fixtures.py
"""
import json
import os

import torch
import torch.nn as nn

# h, w, c_in, c_out, kh, kw, stride, dilation, groups, padding (int or 'same'/'valid'), mode, values
LAYERS = [
    (24, 28, 3, 4, 5, 5, 1, 1, 1, 0, "zeros", "integers"),
    (30, 22, 4, 6, 7, 5, 2, 1, 2, 3, "reflect", "integers"),
    (27, 31, 2, 3, 5, 6, 3, 2, 1, 4, "circular", "integers"),
    (32, 32, 6, 6, 9, 9, 1, 1, 3, 2, "replicate", "integers"),
    (36, 26, 5, 7, 8, 8, 1, 3, 1, 5, "zeros", "integers"),
    (20, 20, 4, 4, 5, 5, 1, 1, 1, "same", "zeros", "integers"),
    (21, 25, 4, 2, 6, 7, 1, 2, 2, "same", "reflect", "integers"),
    (23, 19, 3, 3, 11, 5, 1, 1, 1, "valid", "zeros", "integers"),
    (28, 28, 4, 8, 5, 5, 2, 2, 4, 2, "circular", "integers"),
    (26, 30, 3, 5, 7, 7, 1, 1, 1, 3, "replicate", "quarters"),
    (25, 25, 2, 4, 5, 9, 2, 1, 2, "valid", "zeros", "quarters"),
    (24, 24, 4, 4, 6, 6, 1, 1, 1, "same", "circular", "quarters"),
    (30, 30, 3, 4, 5, 5, 1, 1, 1, 2, "zeros", "normal"),
    (22, 27, 4, 6, 7, 7, 3, 1, 2, 3, "reflect", "normal"),
    (29, 23, 2, 2, 5, 8, 1, 2, 1, "same", "replicate", "normal"),
    (33, 33, 8, 8, 9, 9, 2, 1, 8, 4, "zeros", "normal"),
    # The benchmark's 16→16 k8 on small planes: many channels per tile, every tile size up to 64.
    (40, 44, 16, 16, 8, 8, 1, 1, 1, 0, "zeros", "integers"),
    (72, 70, 16, 16, 8, 8, 1, 1, 1, 3, "reflect", "integers"),
    (37, 41, 16, 16, 8, 8, 2, 2, 4, 5, "circular", "integers"),
    (30, 34, 16, 16, 8, 8, 1, 1, 2, "same", "replicate", "quarters"),
]


def values(kind, shape, generator):
    if kind == "integers":
        return torch.randint(-6, 10, shape, generator=generator).float()
    if kind == "quarters":
        return torch.randint(-24, 25, shape, generator=generator).float() / 4
    return torch.randn(shape, generator=generator)


def applied_padding(conv):
    """[top, bottom, left, right] as the module applies them."""
    if conv.padding_mode != "zeros" or isinstance(conv.padding, str):
        left, right, top, bottom = conv._reversed_padding_repeated_twice
        return [top, bottom, left, right]
    return [conv.padding[0], conv.padding[0], conv.padding[1], conv.padding[1]]


def case(index, layer):
    h, w, ci, co, kh, kw, stride, dilation, groups, padding, mode, kind = layer
    generator = torch.Generator().manual_seed(1000 + index)
    x = values(kind, (1, ci, h, w), generator)
    weight = values(kind if kind != "integers" else "integers", (co, ci // groups, kh, kw), generator)
    if kind == "integers":
        weight = weight.clamp(-3, 3)
    bias = values(kind, (co,), generator) if index % 2 else None
    pad = padding if isinstance(padding, str) else (padding, padding)
    conv = nn.Conv2d(ci, co, (kh, kw), stride=1 if padding == "same" else stride, padding=pad,
                     dilation=dilation, groups=groups, bias=bias is not None, padding_mode=mode)
    with torch.no_grad():
        conv.weight.copy_(weight)
        if bias is not None:
            conv.bias.copy_(bias)
        y = conv(x)
    s = 1 if padding == "same" else stride
    p = padding if isinstance(padding, int) else 0
    return {
        "tag": f"fft {kind}",
        "params": [h, w, ci, co, kh, kw, p, p, s, s, dilation, dilation],
        "padding": padding if isinstance(padding, str) else "explicit",
        "padding_mode": mode, "groups": groups,
        "input_values": x.flatten().tolist(), "kernel_values": weight.flatten().tolist(),
        **({"bias": bias.tolist()} if bias is not None else {}),
        "applied_padding": applied_padding(conv), "exact": kind != "normal",
        "output_shape": list(y.shape), "output": y.flatten().tolist(),
    }


def write_fixtures(name, cases):
    """Writes Tests/ConvCoreTests/Fixtures/NAME: the torch version, then the cases, one key a line."""
    record = {"torch_version": torch.__version__, "cases": cases}
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "ConvCoreTests", "Fixtures", name)
    with open(path, "w") as f:
        f.write("{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in record.items()) + "\n}\n")


def main():
    write_fixtures("pytorch_fft_layers.json", [case(i, layer) for i, layer in enumerate(LAYERS)])


if __name__ == "__main__":
    main()
