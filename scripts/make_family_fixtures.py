#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_family.json with real PyTorch 2.13: the
convolution family beside Conv2d.

- transposed: random nn.ConvTranspose2d layers (groups, dilation, padding, output_padding) on
  small integer inputs with integer weights and bias; torch's output is exact in float32, so the
  equivalent direct convolution must give every value bit for bit.
- flip: true convolution (the kernel flipped) of asymmetric kernels, sobel-x first, computed by
  torch as conv2d with weight.flip(-1, -2), beside the cross-correlation torch computes.
- layers1d / layers3d: random Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d and Conv3d,
  MaxPool3d, AvgPool3d strings as a user writes them, built with eval() on torch.nn: the repr,
  the output shape and values, or PyTorch's exception type and first message line.
- causal: causal dilated Conv1d stacks built as WaveNet/TCN do (F.pad on the left by
  dilation*(k-1), then an unpadded conv1d).

    python3 scripts/make_family_fixtures.py
"""
import json
import os
import random
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "pytorch_family.json")
rng = random.Random(20261206)
torch.manual_seed(20261206)


def ints(shape, lo, hi):
    return torch.randint(lo, hi + 1, shape, dtype=torch.int64).to(torch.float32)


def flat(t):
    return [float(v) if v != int(v) else int(v) for v in t.detach().reshape(-1).tolist()]


def transposed_case():
    while True:
        g = rng.choice([1, 1, 1, 2, 3])
        cin, cout = g * rng.randint(1, 2), g * rng.randint(1, 2)
        k = (rng.randint(1, 4), rng.randint(1, 4))
        s = (rng.randint(1, 3), rng.randint(1, 3))
        d = (rng.randint(1, 3), rng.randint(1, 3))
        p = (rng.randint(0, d[0] * (k[0] - 1) + 1), rng.randint(0, d[1] * (k[1] - 1) + 1))
        op = (rng.randint(0, max(s[0], d[0]) - 1), rng.randint(0, max(s[1], d[1]) - 1))
        h, w = rng.randint(1, 5), rng.randint(1, 5)
        bias = rng.random() < 0.5
        layer = nn.ConvTranspose2d(cin, cout, k, stride=s, padding=p, output_padding=op, groups=g,
                                   bias=bias, dilation=d)
        x = ints((1, cin, h, w), -3, 3)
        with torch.no_grad():
            layer.weight.copy_(ints(layer.weight.shape, -2, 2))
            if bias:
                layer.bias.copy_(ints(layer.bias.shape, -2, 2))
            try:
                y = layer(x)
            except RuntimeError:
                continue
        return {"in_channels": cin, "out_channels": cout, "kernel_size": list(k), "stride": list(s),
                "padding": list(p), "output_padding": list(op), "groups": g, "dilation": list(d),
                "input_shape": list(x.shape), "input": flat(x), "weight": flat(layer.weight),
                "bias": flat(layer.bias) if bias else None, "output_shape": list(y.shape), "output": flat(y)}


def flip_cases():
    sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]).reshape(1, 1, 3, 3)
    cases = []
    for i in range(12):
        if i < 4:
            w, name = sobel_x, "sobel_x"
        else:
            cout, cin = rng.randint(1, 3), rng.randint(1, 3)
            w, name = ints((cout, cin, rng.randint(1, 4), rng.randint(1, 4)), -3, 3), "random"
        x = ints((1, w.shape[1], rng.randint(4, 7), rng.randint(4, 7)), -4, 4)
        pad = rng.randint(0, 1)
        cases.append({"kernel": name, "input_shape": list(x.shape), "input": flat(x), "weight_shape": list(w.shape),
                      "weight": flat(w), "padding": pad,
                      "correlation": flat(F.conv2d(x, w, padding=pad)),
                      "convolution": flat(F.conv2d(x, w.flip(-1, -2), padding=pad)),
                      "output_shape": list(F.conv2d(x, w, padding=pad).shape)})
    return cases


def arg(value, dims):
    """An int, or a tuple of `dims` ints, as a user may write it."""
    if isinstance(value, int):
        return str(value)
    return "(" + ", ".join(map(str, value)) + ("," if dims == 1 else "") + ")"


def per_axis(dims, lo, hi):
    if rng.random() < 0.6:
        return rng.randint(lo, hi)
    return tuple(rng.randint(lo, hi) for _ in range(dims))


def random_layer(dims):
    kind = rng.choice(["Conv", "Conv", "Conv", "ConvTranspose", "MaxPool", "AvgPool"] if dims == 1
                      else ["Conv", "Conv", "Conv", "MaxPool", "AvgPool"])
    name = f"{kind}{dims}d"
    kmax = 5 if dims == 1 else 3
    args, kw = [], []
    if kind.startswith("Conv"):
        g = rng.choice([1, 1, 2, 3])
        cin = g * rng.randint(1, 2) if rng.random() < 0.9 else rng.randint(1, 5)
        cout = g * rng.randint(1, 2) if rng.random() < 0.9 else rng.randint(1, 5)
        args = [str(cin), str(cout), arg(per_axis(dims, 1, kmax), dims)]
        if rng.random() < 0.5:
            kw.append(f"stride={arg(per_axis(dims, 1, 3), dims)}")
        if kind == "Conv":
            if rng.random() < 0.2:
                kw.append(f"padding={rng.choice(['same', 'valid'])!r}")
            elif rng.random() < 0.6:
                kw.append(f"padding={arg(per_axis(dims, 0, 3), dims)}")
            if rng.random() < 0.4:
                kw.append(f"padding_mode={rng.choice(['zeros', 'reflect', 'replicate', 'circular'])!r}")
        else:
            if rng.random() < 0.6:
                kw.append(f"padding={arg(per_axis(dims, 0, 3), dims)}")
            if rng.random() < 0.4:
                kw.append(f"output_padding={arg(per_axis(dims, 0, 2), dims)}")
        if rng.random() < 0.4:
            kw.append(f"dilation={arg(per_axis(dims, 1, 3), dims)}")
        if g != 1 or rng.random() < 0.1:
            kw.append(f"groups={g}")
        if rng.random() < 0.3:
            kw.append("bias=False")
        channels = cin if rng.random() < 0.9 else rng.randint(1, 5)
    else:
        k = per_axis(dims, 1, kmax)
        args = [arg(k, dims)]
        if rng.random() < 0.5:
            kw.append(f"stride={arg(per_axis(dims, 1, 3), dims)}")
        if rng.random() < 0.5:
            kw.append(f"padding={arg(per_axis(dims, 0, 2), dims)}")
        if kind == "MaxPool" and rng.random() < 0.3:
            kw.append(f"dilation={arg(per_axis(dims, 1, 2), dims)}")
        if rng.random() < 0.3:
            kw.append("ceil_mode=True")
        if kind == "AvgPool" and rng.random() < 0.3:
            kw.append("count_include_pad=False")
        if kind == "AvgPool" and dims == 3 and rng.random() < 0.2:
            kw.append(f"divisor_override={rng.randint(1, 5)}")
        channels = rng.randint(1, 3)
    size = [rng.randint(1, 12)] if dims == 1 else [rng.randint(1, 5) for _ in range(3)]
    return f"{name}({', '.join(args + kw)})", [1, channels] + size


def layer_case(dims):
    text, shape = random_layer(dims)
    case = {"layer": text, "input_shape": shape}
    try:
        layer = eval("nn." + text)
    except Exception as e:  # noqa: BLE001 - the constructor's message is the fixture
        case.update(construction_error=str(e).split("\n")[0], type=type(e).__name__)
        return case
    case["repr"] = repr(layer)
    x = ints(tuple(shape), -4, 4)
    case["input"] = flat(x)
    with torch.no_grad():
        if hasattr(layer, "weight"):
            layer.weight.copy_(ints(layer.weight.shape, -2, 2))
            case["weight"] = flat(layer.weight)
            if layer.bias is not None:
                layer.bias.copy_(ints(layer.bias.shape, -2, 2))
                case["bias"] = flat(layer.bias)
        try:
            y = layer(x)
        except Exception as e:  # noqa: BLE001
            case.update(error=str(e).split("\n")[0], type=type(e).__name__)
            return case
    case["output_shape"] = list(y.shape)
    case["output"] = flat(y)
    return case


def causal_stack(kernel, dilations, channels, length):
    x = ints((1, channels, length), -4, 4)
    out, layers, weights = x, [], []
    for d in dilations:
        w = ints((channels, channels, kernel), -2, 2)
        out = F.conv1d(F.pad(out, (d * (kernel - 1), 0)), w, dilation=d)
        layers.append({"kernel_size": kernel, "dilation": d})
        weights.append(flat(w))
    return {"channels": channels, "length": length, "layers": layers, "input": flat(x), "weights": weights,
            "output": flat(out)}


def main():
    transposed = [transposed_case() for _ in range(240)]
    layers1d = [layer_case(1) for _ in range(160)]
    layers3d = [layer_case(3) for _ in range(100)]
    causal = [causal_stack(2, [1, 2, 4, 8], 2, 20), causal_stack(3, [1, 2, 4], 1, 16), causal_stack(2, [1], 3, 5)]
    record = {"torch": torch.__version__, "transposed": transposed, "flip": flip_cases(), "layers1d": layers1d,
              "layers3d": layers3d, "causal": causal}
    with open(OUT, "w") as f:
        f.write("{\n" + ",\n".join(
            f'"{key}": ' + (json.dumps(value) if not isinstance(value, list)
                           else "[\n" + ",\n".join(json.dumps(item, separators=(",", ":")) for item in value) + "\n]")
            for key, value in record.items()) + "\n}\n")
    errors = sum(1 for c in layers1d + layers3d if "error" in c or "construction_error" in c)
    print(f"{len(transposed)} transposed, {len(layers1d)} 1-d and {len(layers3d)} 3-d layers ({errors} refused)")


if __name__ == "__main__":
    main()
