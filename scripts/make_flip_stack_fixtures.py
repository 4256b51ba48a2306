#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_flip_stacks.json with real PyTorch 2.13: stacks
run as true convolutions, as `convscope render --layer … --flip --kernel PRESET` computes them.

Each Conv2d's weight is the preset laid out as convscope lays it (make_conv2d_fixtures.make_weights:
an image filter on the pairs (o, j = o mod C_in/groups), ones or seeded integers everywhere), then flipped with
weight.flip(-1, -2); biases are zero; other layers are torch's own. The input is the course
notebook's ramp x[c, y, x] = x. Every layer's output is recorded, and the output of the same
stack without the flip, so a test can see the flip matter.

    python3 scripts/make_flip_stack_fixtures.py
"""
import json
import os
import random

import sys

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_conv2d_fixtures import make_weights  # noqa: E402  (convscope's presets, as the single layer's fixtures lay them)

OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "pytorch_flip_stacks.json")
rng = random.Random(20261209)


def random_conv(cin):
    g = rng.choice([1, 1, 1, 2]) if cin % 2 == 0 else 1
    cout = g * rng.randint(1, 2)
    k = rng.choice(["3", "3", "(2, 3)", "(3, 2)", "(3, 5)", "(1, 3)"])
    kw = [f"padding={rng.randint(0, 2)}"] if rng.random() < 0.6 else []
    if rng.random() < 0.3:
        kw.append(f"stride={rng.randint(1, 2)}")
    if rng.random() < 0.25:
        kw.append("dilation=2")
    if g != 1:
        kw.append(f"groups={g}")
    if rng.random() < 0.3:
        kw.append(f"padding_mode={rng.choice(['reflect', 'replicate', 'circular'])!r}")
        if not any(a.startswith("padding=") for a in kw):
            kw.append("padding=1")
    return f"Conv2d({', '.join([str(cin), str(cout), k] + kw)})", cout


def random_stack():
    cin = rng.randint(1, 3)
    layers, c = [], cin
    for _ in range(rng.randint(1, 4)):
        if layers and rng.random() < 0.3:
            layers.append(rng.choice(["ReLU()", "MaxPool2d(2, ceil_mode=True)", "AvgPool2d(2, padding=1)", "Tanh()"]))
            continue
        text, c = random_conv(c)
        layers.append(text)
    return cin, layers


def run(layers, modules, x, flip, preset):
    outputs = []
    with torch.no_grad():
        for m in modules:
            if isinstance(m, nn.Conv2d):
                w = make_weights(preset, *m.weight.shape)
                m.weight.copy_(w.flip(-1, -2) if flip else w)
                if m.bias is not None:
                    m.bias.zero_()
            x = m(x)
            outputs.append(x)
    return outputs


def case():
    while True:
        cin, layers = random_stack()
        h, w = rng.randint(5, 10), rng.randint(5, 10)
        preset = rng.choice(["sobel-x", "sobel-x", "sobel-y", "ones", f"random:{rng.randint(0, 99)}"])
        x = torch.arange(w, dtype=torch.float32).repeat(1, cin, h, 1)
        modules = [eval("nn." + t) for t in layers]
        try:
            flipped = run(layers, modules, x, True, preset)
            plain = run(layers, modules, x, False, preset)
        except RuntimeError:
            continue
        return {"layers": layers, "preset": preset, "input_shape": list(x.shape),
                "output_shapes": [list(o.shape) for o in flipped],
                "outputs": [o.reshape(-1).tolist() for o in flipped],
                "unflipped_last": plain[-1].reshape(-1).tolist()}


def main():
    cases = [case() for _ in range(60)]
    with open(OUT, "w") as f:
        f.write('{"torch": ' + json.dumps(torch.__version__) + ', "cases": [\n'
                + ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases) + "\n]}\n")
    print(f"{len(cases)} stacks, {sum(c['outputs'][-1] != c['unflipped_last'] for c in cases)} changed by the flip")


if __name__ == "__main__":
    main()
