#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_upsample.json with real PyTorch 2.13: stacks with
nn.Upsample (nearest and bilinear, scale_factor or size, align_corners), each Conv2d with all-ones
weights and zero bias as convscope's stacks run, on the course notebook's ramp input
x[c, y, x] = x. Every case records each module's repr, every layer's output, and, for the last
layer, the first and last input row and column each output row and column reads (the cells
whose gradient is not zero), and print(model) of the whole Sequential.

    python3 scripts/make_upsample_fixtures.py
"""
import json
import os

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "pytorch_upsample.json")

CASES = [
    (1, 5, 6, ["Upsample(scale_factor=2)"]),
    (1, 5, 6, ["Upsample(scale_factor=2, mode='bilinear')"]),
    (2, 4, 7, ["Conv2d(2, 3, 3, padding=1)", "Upsample(scale_factor=2, mode='nearest')"]),
    (1, 6, 5, ["Conv2d(1, 2, 3)", "Upsample(scale_factor=(2, 3), mode='bilinear')"]),
    (1, 5, 5, ["Upsample(scale_factor=1.5, mode='bilinear', align_corners=True)"]),
    (1, 7, 6, ["Upsample(size=(5, 9), mode='bilinear')"]),
    (1, 4, 4, ["Upsample(size=6)", "Conv2d(1, 1, 3, stride=2)"]),
    (1, 9, 8, ["AvgPool2d(2)", "Upsample(scale_factor=3.0, mode='nearest')"]),
    (1, 8, 8, ["Upsample(scale_factor=0.5, mode='bilinear')"]),
]


def build(text):
    module = eval("nn." + text)
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d)):
        with torch.no_grad():
            module.weight.fill_(1)
            if module.bias is not None:
                module.bias.zero_()
    return module


def reads(model, x, axis):
    """For every output row (axis 2) or column (axis 3): the first and last input index with a non-zero gradient."""
    out = model(x)
    spans = []
    for o in range(out.shape[axis]):
        x.grad = None
        index = [slice(None)] * 4
        index[axis] = o
        model(x)[tuple(index)].sum().backward()
        nonzero = (x.grad.abs().sum(dim=(0, 1, 5 - axis)) != 0).nonzero().flatten().tolist()
        spans.append([min(nonzero), max(nonzero)] if nonzero else None)
    return spans


# One layer string per kind of the stack's table (Cat is convscope's own, not torch's): its
# repr and its output on a [1, 2, 6, 6] ramp, so a test can hold every row to PyTorch.
KINDS = ["Conv2d(2, 3, 3, padding=1, bias=False)", "ConvTranspose2d(2, 3, 3, stride=2)", "MaxPool2d(2)",
         "AvgPool2d(3, stride=2, padding=1)", "ReLU()", "LeakyReLU(0.2)", "Sigmoid()", "Tanh()", "GELU(approximate='tanh')",
         "BatchNorm2d(2)", "Dropout(0.3)", "Dropout2d()", "Identity()", "Upsample(scale_factor=2, mode='bilinear')"]

kinds = []
for text in KINDS:
    module = build(text)
    module.eval()
    x = torch.arange(6, dtype=torch.float32).repeat(1, 2, 6, 1)
    with torch.no_grad():
        y = module(x)
    kinds.append({"layer": text, "name": type(module).__name__, "repr": repr(module),
                  "output_shape": list(y.shape), "output": y.flatten().tolist()})

cases = []
for c, h, w, layers in CASES:
    modules = [build(t) for t in layers]
    model = nn.Sequential(*modules)
    x = torch.arange(w, dtype=torch.float32).repeat(1, c, h, 1)
    outputs, y = [], x
    with torch.no_grad():
        for m in modules:
            y = m(y)
            outputs.append(y)
    grad_input = x.clone().requires_grad_(True)
    cases.append({
        "layers": layers,
        "reprs": [repr(m) for m in modules],
        "print": repr(model),
        "input_shape": list(x.shape),
        "output_shapes": [list(o.shape) for o in outputs],
        "outputs": [o.flatten().tolist() for o in outputs],
        "rows_read": reads(model, grad_input, 2),
        "columns_read": reads(model, grad_input, 3),
    })

with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "kinds": kinds, "cases": cases}, f, indent=1)
print(f"{len(cases)} cases → {OUT}")

# The model screen's U-Net with an Upsample where the up-convolution was, printed by torch; the
# `# cat 1` line (convscope's skip) goes after the Upsample.
unet = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 8, 3, padding=1),
                     nn.Upsample(scale_factor=2, mode="bilinear"), nn.Conv2d(16, 1, 1))
lines = repr(unet).split("\n")
at = next(i for i, line in enumerate(lines) if "Upsample" in line) + 1
lines.insert(at, "  # cat 1")
with open(os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "models", "upsample_skip.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
