"""Writes Tests/ConvCoreTests/Fixtures/course_kind_files/: .npy input and kernel files and
course_kind_files_torch.json, what the course screen's ConvTranspose2d and Conv1d must compute
from a loaded file, by real torch.

A ConvTranspose2d takes a 4-D kernel file as its weight (C_in, C_out/groups, kH, kW) and a 2-D
(kH, kW) filter on the pairs (i, j = i mod C_out/g), as the presets are laid; a Conv1d reads an
input file one row high (1, C, 1, L) as the sequence (1, C, L) and a kernel file one row high as
its weight. What torch refuses is kept with its type and message: load_state_dict's size
mismatch, conv1d's refusal of a 4-D input.
"""
import json
import pathlib

import numpy as np
import torch

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Tests/ConvCoreTests/Fixtures/course_kind_files"
ROOT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(47)


def save(name, array):
    np.save(ROOT / name, array.astype(np.float32))
    return name


def diagonal(filt, shape):
    """A 2-D filter on the pairs (o, j = o mod shape[1]), zeros elsewhere."""
    w = np.zeros(shape, dtype=np.float32)
    for o in range(shape[0]):
        w[o, o % shape[1]] = filt
    return w


def refusal(error):
    return {"type": type(error).__name__, "message": " ".join(str(error).split())}


def transposed(name, cin, cout, k, stride=1, padding=0, output_padding=0, dilation=1, groups=1, bias=None,
               kernel_shape=None, input_hw=(4, 5)):
    layer = torch.nn.ConvTranspose2d(cin, cout, k, stride=stride, padding=padding, output_padding=output_padding,
                                     groups=groups, bias=bias is not None, dilation=dilation)
    x = rng.integers(-4, 5, size=(1, cin) + input_hw).astype(np.float32)
    filt = rng.integers(-3, 4, size=kernel_shape).astype(np.float32)
    case = dict(kind="ConvTranspose2d", name=name, cin=cin, cout=cout, k=list(layer.kernel_size),
                stride=list(layer.stride), padding=list(layer.padding), output_padding=list(layer.output_padding),
                dilation=list(layer.dilation), groups=groups, bias=bias,
                input=save(f"{name}-input.npy", x), kernel=save(f"{name}-kernel.npy", filt))
    weight = diagonal(filt, layer.weight.shape) if filt.ndim == 2 else filt
    state = {"weight": torch.from_numpy(weight)}
    if bias is not None:
        state["bias"] = torch.full((cout,), float(bias))
    try:
        layer.load_state_dict(state)
        with torch.no_grad():
            y = layer(torch.from_numpy(x))
        case.update(output_shape=list(y.shape), output=y.flatten().tolist())
    except Exception as e:  # noqa: BLE001 - the refusal is the fixture
        case.update(refusal(e))
    return case


def sequence(name, cin, cout, k, length, stride=1, padding=0, dilation=1, groups=1, bias=None, mode="zeros",
             kernel_shape=None, input_height=1):
    layer = torch.nn.Conv1d(cin, cout, k, stride=stride, padding=padding, dilation=dilation, groups=groups,
                            bias=bias is not None, padding_mode=mode)
    x = rng.integers(-4, 5, size=(1, cin, input_height, length)).astype(np.float32)
    filt = rng.integers(-3, 4, size=kernel_shape).astype(np.float32)
    word = padding if isinstance(padding, str) else None
    case = dict(kind="Conv1d", name=name, cin=cin, cout=cout, k=[kernel_shape[-2], k], stride=[1, stride],
                padding=[0, 0 if word else padding], padding_word=word, output_padding=[0, 0], dilation=[1, dilation], groups=groups, bias=bias, mode=mode,
                input=save(f"{name}-input.npy", x), kernel=save(f"{name}-kernel.npy", filt))
    planar = diagonal(filt, (cout, cin // groups) + filt.shape) if filt.ndim == 2 else filt
    state = {"weight": torch.from_numpy(planar if planar.shape[2] != 1 else planar[:, :, 0, :])}
    if bias is not None:
        state["bias"] = torch.full((cout,), float(bias))
    try:
        layer.load_state_dict(state)
        seq = torch.from_numpy(x if input_height != 1 else x[:, :, 0, :])
        with torch.no_grad():
            y = layer(seq)
        case.update(output_shape=list(y.shape), output=y.flatten().tolist())
    except Exception as e:  # noqa: BLE001 - the refusal is the fixture
        case.update(refusal(e))
    return case


CASES = [
    transposed("t-2d", 2, 3, 3, kernel_shape=(3, 3)),
    transposed("t-2d-rect", 2, 2, (2, 3), stride=2, padding=1, output_padding=1, bias=2, kernel_shape=(2, 3)),
    transposed("t-4d", 3, 2, 2, stride=2, kernel_shape=(3, 2, 2, 2)),
    transposed("t-4d-groups", 4, 6, 3, stride=(2, 1), padding=(1, 0), dilation=2, groups=2, bias=-1,
               kernel_shape=(4, 3, 3, 3)),
    # A 4-D Conv2d weight (C_out 4, C_in 3) with a 3-channel input file: read as ConvTranspose2d(3, 3, 2), refused.
    transposed("t-4d-mismatch", 3, 3, 2, kernel_shape=(4, 3, 2, 2)),
    sequence("s-2d", 2, 3, 3, 9, kernel_shape=(1, 3)),
    sequence("s-4d", 4, 2, 2, 8, stride=2, padding=1, groups=2, bias=3, mode="reflect", kernel_shape=(2, 2, 1, 2)),
    sequence("s-4d-dilated", 2, 2, 3, 10, padding="same", dilation=2, mode="circular", kernel_shape=(2, 2, 1, 3)),
    sequence("s-kernel-tall", 2, 3, 3, 9, kernel_shape=(2, 3)),
    sequence("s-input-tall", 2, 3, 3, 6, kernel_shape=(1, 3), input_height=5),
]
out = {"torch": torch.__version__, "cases": CASES}
(ROOT / "course_kind_files_torch.json").write_text(json.dumps(out, indent=1) + "\n")
print("wrote", len(CASES), "cases,", sum("message" in c for c in CASES), "refused")
