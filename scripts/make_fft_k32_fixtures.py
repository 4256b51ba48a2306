#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_fft_k32.json with real PyTorch 2.13: 32×32 kernels,
the benchmark's 64→64 k32 layer's kernel on planes small enough to commit, for the FFT path.
Integer layers (inputs 0…9, weights −3…3, as the benchmark draws them) are PyTorch's float32
outputs, exact; the normally distributed layer's reference is F.conv2d in float64, rounded to
float32 once, so a test within 1e-5 of it measures the FFT path's error alone.
Same case layout as pytorch_fft_layers.json.

    pip install torch==2.13.0+cpu && python3 scripts/make_fft_k32_fixtures.py
"""
import torch
import torch.nn as nn

from make_fft_fixtures import applied_padding, write_fixtures

# h, w, c_in, c_out, stride, dilation, groups, padding (int or 'same'/'valid'), mode, values, bias
LAYERS = [
    (72, 76, 6, 6, 1, 1, 1, 0, "zeros", "integers", False),
    (70, 66, 4, 6, 1, 1, 2, "same", "reflect", "integers", True),
    (75, 71, 4, 4, 2, 1, 1, 5, "circular", "integers", True),
    (56, 60, 3, 2, 1, 1, 1, 0, "zeros", "normal", True),
]


def values(kind, shape, low, high, generator):
    if kind == "integers":
        return torch.randint(low, high + 1, shape, generator=generator).double()
    return torch.randn(shape, generator=generator, dtype=torch.float64).float().double()


def case(index, layer):
    h, w, ci, co, stride, dilation, groups, padding, mode, kind, with_bias = layer
    k = 32
    generator = torch.Generator().manual_seed(3200 + index)
    x = values(kind, (1, ci, h, w), 0, 9, generator)
    weight = values(kind, (co, ci // groups, k, k), -3, 3, generator)
    bias = values(kind, (co,), -3, 3, generator) if with_bias else None
    pad = padding if isinstance(padding, str) else (padding, padding)
    conv = nn.Conv2d(ci, co, k, stride=stride, padding=pad, dilation=dilation, groups=groups,
                     bias=with_bias, padding_mode=mode)
    # Integers: PyTorch's own float32 computation. Normal values: float64, rounded once.
    dtype = torch.float32 if kind == "integers" else torch.float64
    conv = conv.to(dtype)
    with torch.no_grad():
        conv.weight.copy_(weight)
        if bias is not None:
            conv.bias.copy_(bias)
        y = conv(x.to(dtype)).float()
    p = padding if isinstance(padding, int) else 0

    def listed(t):
        """Integer layers' values as JSON integers (a third of the file's size)."""
        values = t.float().flatten().tolist()
        return [int(v) for v in values] if kind == "integers" else values

    return {
        "tag": f"fft k32 {kind}",
        "params": [h, w, ci, co, k, k, p, p, stride, stride, dilation, dilation],
        "padding": padding if isinstance(padding, str) else "explicit",
        "padding_mode": mode, "groups": groups,
        "input_values": listed(x), "kernel_values": listed(weight),
        **({"bias": listed(bias)} if bias is not None else {}),
        "applied_padding": applied_padding(conv), "exact": kind != "normal",
        "output_shape": list(y.shape), "output": listed(y),
    }


def main():
    write_fixtures("pytorch_fft_k32.json", [case(i, layer) for i, layer in enumerate(LAYERS)])


if __name__ == "__main__":
    main()
