"""Writes Tests/EndToEndTests/inputs/stack_view_kernel/: kernel files and stack_view_kernel_torch.json,
what `render --layer … --node N --view` must draw for a ConvTranspose2d inside a stack given a
kernel file, by real torch.

The stack is ReLU() then the ConvTranspose2d, on the ramp x[c, y, x] = x (ReLU leaves it as it is).
The node takes the kernel sources the course screen's ConvTranspose2d takes: a 4-D file as its
weight (C_in, C_out/groups, kH, kW), a 2-D (kH, kW) filter on the pairs (i, j = i mod C_out/g) as
the presets are laid. No bias (the notebook's weights have none on a stack's node).
"""
import json
import pathlib

import numpy as np
import torch

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Tests/EndToEndTests/inputs/stack_view_kernel"
ROOT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(53)


def diagonal(filt, shape):
    """A 2-D filter on the pairs (i, j = i mod shape[1]), zeros elsewhere."""
    w = np.zeros(shape, dtype=np.float32)
    for i in range(shape[0]):
        w[i, i % shape[1]] = filt
    return w


def case(name, layer, kernel_shape, hw=(3, 4)):
    cin = layer.in_channels
    filt = rng.integers(-3, 4, size=kernel_shape).astype(np.float32)
    np.save(ROOT / f"{name}.npy", filt)
    weight = diagonal(filt, tuple(layer.weight.shape)) if filt.ndim == 2 else filt
    layer.load_state_dict({"weight": torch.from_numpy(weight)}, strict=False)
    ramp = np.broadcast_to(np.arange(hw[1], dtype=np.float32), (1, cin) + hw).copy()
    with torch.no_grad():
        y = layer(torch.relu(torch.from_numpy(ramp)))
    return dict(name=name, kernel=f"{name}.npy", layer=repr(layer), h_in=hw[0], w_in=hw[1],
                output_shape=list(y.shape), output=y.flatten().tolist())


torch.manual_seed(0)
CASES = [
    case("t-4d", torch.nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1, bias=False), (2, 3, 3, 3)),
    case("t-2d", torch.nn.ConvTranspose2d(2, 2, (2, 3), stride=(1, 2), bias=False), (2, 3)),
    case("t-4d-groups", torch.nn.ConvTranspose2d(4, 2, 2, stride=2, groups=2, bias=False), (4, 1, 2, 2)),
]
out = {"torch": torch.__version__, "cases": CASES}
(ROOT / "stack_view_kernel_torch.json").write_text(json.dumps(out, indent=1) + "\n")
print("wrote", len(CASES), "cases")
