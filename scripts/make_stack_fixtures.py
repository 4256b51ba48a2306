#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_stacks.json and the model printouts in
Tests/ConvCoreTests/Fixtures/models/ with real PyTorch 2.13.

Random stacks: 2-6 layers drawn from every kind convscope draws (Conv2d, ConvTranspose2d,
MaxPool2d, AvgPool2d, shape-preserving layers, convscope's Cat), written as the layer strings a
user types (positional and keyword arguments, ints and tuples, `nn.` or not). Each string is
built with eval() on torch.nn, so it is exactly what PyTorch accepts; a ValueError is recorded
as the construction error. The stack then runs in eval mode on a small integer input with small
integer weights; every layer's output (or PyTorch's exception at the layer that breaks) is kept.
A layer's output is marked exact when a float64 run of the same stack gives the same float32
numbers (so Swift must match bit for bit); otherwise Swift is checked within a tolerance.
The receptive field of every layer is traced here by brute force: every tap followed back through
the graph (Cats read both inputs) on maps extended forever, over a full period of output cells;
on chains of windows it must equal the standard formulas (an implementation independent of the
Swift one).

The U-Net of Ronneberger et al. (2015) runs on the meta device (shapes only): 572x572 in,
388x388 out with crop-and-concat; its padded variant keeps 512x512, and at 572 breaks at the
first Cat because 572 is not a multiple of 16.

    pip install torch==2.13.0+cpu && python3 scripts/make_stack_fixtures.py
"""
import json
import os
import random
import re
import warnings
from fractions import Fraction

import torch
import torch.nn as nn

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures")


# --- convscope's Cat: torch.cat([skip, current], 1), skip optionally centre-cropped ---------------

def crop_offset(size_from, size_to):
    return int(round((size_from - size_to) / 2.0))  # torchvision's center_crop


def run_cat(outputs, current, skip, crop):
    s = outputs[skip]
    if crop:
        h, w = current.shape[2], current.shape[3]
        if s.shape[2] < h or s.shape[3] < w:
            raise RuntimeError("convscope: crop too small")
        top, left = crop_offset(s.shape[2], h), crop_offset(s.shape[3], w)
        s = s[:, :, top:top + h, left:left + w]
    return torch.cat([s, current], 1)


def run_both(module, index, outputs, doubles, current, current64):
    """Layer `index` (a module, or a Cat's (skip, crop)) in float32 and float64: both outputs."""
    with torch.no_grad():
        if isinstance(module, tuple):
            skip, crop = module
            if skip >= index:
                raise RuntimeError("convscope: cat needs an earlier layer")
            return run_cat(outputs, current, skip, crop), run_cat(doubles, current64, skip, crop)
        # Clones: an inplace=True layer must not change a kept output (the input, a skip).
        out = run_module(module, current.clone())
        out64 = run_module(module.double(), current64.clone())
        module.float()
        return out, out64


# --- PyTorch's oneDNN path for transposed convolutions ---------------------------------------------

class OneDNNDiffers(RuntimeError):
    """ATen's reference kernel refuses an empty transposed output that oneDNN let through or
    failed on with its own message; `onednn` records what oneDNN did."""

    def __init__(self, reference, onednn):
        super().__init__(str(reference))
        self.onednn = onednn


def run_module(module, x):
    """module(x), except that for ConvTranspose2d an empty output (oneDNN returns 0-sized
    tensors and fails on negative sizes) is re-run on ATen's reference path, whose shape check
    names the sizes: that is the message convscope gives."""
    try:
        out = module(x)
        onednn = None if out.numel() else f"output shape {list(out.shape)}"
    except RuntimeError as e:
        if "memory descriptor" not in str(e):
            raise
        onednn = str(e)
    if onednn is None or not isinstance(module, nn.ConvTranspose2d):
        return out
    with torch.backends.mkldnn.flags(enabled=False):
        try:
            return module(x)
        except RuntimeError as reference:
            raise OneDNNDiffers(reference, onednn)


def error_record(e):
    record = {"message": str(e), "type": "RuntimeError" if isinstance(e, OneDNNDiffers) else type(e).__name__}
    if isinstance(e, OneDNNDiffers):
        record["onednn"] = e.onednn
    return record


# --- receptive fields: formulas with Fractions, and a brute-force trace of the taps ----------------

def axis_window(layer, axis):
    """(kind, kernel, stride, dilation, pad_before) of a windowed layer along axis 0 (h) or 1 (w)."""
    pair = lambda v: v if isinstance(v, tuple) else (v, v)
    if isinstance(layer, nn.Conv2d):
        k, s, d = layer.kernel_size[axis], layer.stride[axis], layer.dilation[axis]
        if layer.padding == "same":
            p = d * (k - 1) // 2
        elif layer.padding == "valid":
            p = 0
        else:
            p = layer.padding[axis]
        return "window", k, s, d, p
    if isinstance(layer, nn.ConvTranspose2d):
        return "transposed", layer.kernel_size[axis], layer.stride[axis], layer.dilation[axis], layer.padding[axis]
    if isinstance(layer, (nn.MaxPool2d, nn.AvgPool2d)):
        d = pair(layer.dilation)[axis] if isinstance(layer, nn.MaxPool2d) else 1
        return "window", pair(layer.kernel_size)[axis], pair(layer.stride)[axis], d, pair(layer.padding)[axis]
    return None


def check_formulas(chain, field, axis):
    """Through windows only, the standard formulas must give exactly the brute-force field."""
    formula = (Fraction(1), Fraction(1), Fraction(0))
    for layer in chain:
        w = axis_window(layer, axis)
        if w is None:
            continue
        kind, k, s, d, p = w
        if kind == "transposed":
            return
        r, j, start = formula
        span = d * (k - 1)
        formula = (r + span * j, j * s, start + (Fraction(span, 2) - p) * j)
    assert formula == field, (chain, formula, field)


def graph_positions(modules, cat_crops, index, q, memo):
    """Input coordinates cell q of layer `index`'s output depends on (-1 is the input itself),
    following every tap back through the graph, Cats reading both their inputs."""
    if index < 0:
        return frozenset([q])
    key = (index, q)
    if key in memo:
        return memo[key]
    module = modules[index]
    if isinstance(module, tuple):
        skip, _ = module
        cells = graph_positions(modules, cat_crops, index - 1, q, memo)
        offset = cat_crops[index][axis_of(memo)]
        if offset is not None:  # None: the skip moves at another jump, only the current map counts
            cells = cells | graph_positions(modules, cat_crops, skip, q + offset, memo)
    else:
        w = axis_window(module, axis_of(memo))
        if w is None:
            cells = graph_positions(modules, cat_crops, index - 1, q, memo)
        else:
            kind, k, s, d, p = w
            if kind == "window":
                sources = [q * s - p + t * d for t in range(k)]
            else:
                sources = [(q + p - t * d) // s for t in range(k) if (q + p - t * d) % s == 0]
            cells = frozenset().union(*[graph_positions(modules, cat_crops, index - 1, x, memo) for x in sources])
    memo[key] = cells
    return cells


def axis_of(memo):
    return memo["axis"]


def brute_field(modules, cat_crops, index, axis):
    """r = the widest span over a full period of cells, j = the mean move per cell, start = the
    centre of cell 0 (or of the first cell that reads anything, moved back by j)."""
    period = 1
    for m in modules[:index + 1]:
        w = None if isinstance(m, tuple) else axis_window(m, axis)
        if w and w[0] == "transposed":
            period *= w[2]
    memo = {"axis": axis}
    cells = [graph_positions(modules, cat_crops, index, q, memo) for q in range(2 * period)]
    if not any(cells):
        return None  # no cell reads the input at all: the output is biases only
    r = max(max(c) - min(c) + 1 for c in cells if c)
    q = next(i for i, c in enumerate(cells) if c)
    j = Fraction(min(cells[q + period]) - min(cells[q]), period)
    start = Fraction(max(cells[q]) + min(cells[q]), 2) - q * j
    return (Fraction(r), j, start)


def frac(x):
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


# --- random stacks --------------------------------------------------------------------------------

def one_or_pair(rng, lo, hi):
    a = rng.randint(lo, hi)
    return str(a) if rng.random() < 0.7 else f"({a}, {rng.randint(lo, hi)})"


def kwargs_text(rng, pos, named):
    """Some arguments positionally (in PyTorch's order), the rest as keywords."""
    parts = list(pos)
    for name, value in named:
        parts.append(f"{name}={value}")
    return ", ".join(parts)


def random_layer(rng, index, channels):
    prefix = rng.choice(["nn.", "", "nn."])
    c_in = channels if rng.random() < 0.92 else rng.randint(1, 5)
    kinds = ["conv"] * 5 + ["convt"] * 3 + ["max"] * 2 + ["avg"] * 2 + ["shape"] * 3 + (["cat"] * 2 if index else [])
    kind = rng.choice(kinds)
    if kind == "conv":
        groups = rng.choice([1, 1, 1, 2]) if c_in % 2 == 0 or rng.random() < 0.1 else 1
        c_out = rng.choice([1, 2, 3, 4]) * (groups if rng.random() < 0.9 else 1)
        named = []
        if rng.random() < 0.5:
            named.append(("stride", one_or_pair(rng, 1, 3)))
        pad = rng.random()
        if pad < 0.15:
            named.append(("padding", "'same'"))
        elif pad < 0.2:
            named.append(("padding", "'valid'"))
        elif pad < 0.6:
            named.append(("padding", one_or_pair(rng, 0, 2)))
        if rng.random() < 0.25:
            named.append(("dilation", one_or_pair(rng, 1, 2)))
        if groups != 1:
            named.append(("groups", str(groups)))
        if rng.random() < 0.3:
            named.append(("bias", "False"))
        if rng.random() < 0.3:
            named.append(("padding_mode", repr(rng.choice(["reflect", "replicate", "circular"]))))
        rng.shuffle(named)
        pos = [str(c_in), str(c_out), one_or_pair(rng, 1, 4)]
        if rng.random() < 0.3 and named and named[0][0] == "stride":  # stride positionally
            pos.append(named.pop(0)[1])
        return f"{prefix}Conv2d({kwargs_text(rng, pos, named)})"
    if kind == "convt":
        groups = rng.choice([1, 1, 2]) if c_in % 2 == 0 or rng.random() < 0.1 else 1
        c_out = rng.choice([1, 2, 3, 4]) * groups
        stride = rng.randint(1, 3)
        named = [("stride", str(stride) if rng.random() < 0.8 else f"({stride}, {rng.randint(1, 3)})")]
        if rng.random() < 0.5:
            named.append(("padding", one_or_pair(rng, 0, 2)))
        if rng.random() < 0.4:
            named.append(("output_padding", one_or_pair(rng, 0, 2)))
        if rng.random() < 0.25:
            named.append(("dilation", one_or_pair(rng, 1, 2)))
        if groups != 1:
            named.append(("groups", str(groups)))
        if rng.random() < 0.3:
            named.append(("bias", "False"))
        rng.shuffle(named)
        return f"{prefix}ConvTranspose2d({kwargs_text(rng, [str(c_in), str(c_out), one_or_pair(rng, 1, 4)], named)})"
    if kind in ("max", "avg"):
        named = []
        if rng.random() < 0.6:
            named.append(("stride", one_or_pair(rng, 1, 3)))
        if rng.random() < 0.5:
            named.append(("padding", one_or_pair(rng, 0, 2 if rng.random() < 0.3 else 1)))
        if kind == "max" and rng.random() < 0.3:
            named.append(("dilation", one_or_pair(rng, 1, 3)))
        if rng.random() < 0.3:
            named.append(("ceil_mode", "True"))
        if kind == "avg" and rng.random() < 0.3:
            named.append(("count_include_pad", "False"))
        if kind == "avg" and rng.random() < 0.1:
            named.append(("divisor_override", str(rng.choice([1, 2, 4]))))
        rng.shuffle(named)
        name = "MaxPool2d" if kind == "max" else "AvgPool2d"
        return f"{prefix}{name}({kwargs_text(rng, [one_or_pair(rng, 1, 3)], named)})"
    if kind == "shape":
        return prefix + rng.choice([
            "ReLU()", "ReLU(inplace=True)", "LeakyReLU(0.25)", "LeakyReLU(negative_slope=0.5, inplace=True)",
            "LeakyReLU()", "Sigmoid()", "Tanh()", "GELU()", "GELU(approximate='tanh')",
            f"BatchNorm2d({c_in})", f"BatchNorm2d({c_in}, eps=0.001, momentum=None)",
            f"BatchNorm2d({c_in}, affine=False, track_running_stats=False)",
            f"BatchNorm2d({c_in}, track_running_stats=False)", "Dropout(0.25)", "Dropout2d(p=0.1)",
            "Dropout(1.5)", "Identity()"])
    skip = rng.randint(0, index - 1) if rng.random() < 0.9 else rng.randint(index, index + 2)
    return f"Cat({skip}, crop=True)" if rng.random() < 0.3 else f"Cat({skip})"


def parse_cat(text):
    inner = text[4:-1]
    skip, _, crop = inner.partition(",")
    return int(skip), "crop=True" in crop


def small_ints(rng, shape, lo, hi, zero_weight=0):
    values = [rng.choice([0] * zero_weight + list(range(lo, hi + 1))) for _ in range(int(torch.Size(shape).numel()))]
    return torch.tensor(values, dtype=torch.float32).reshape(shape)


def random_case(rng, number):
    c, h, w = rng.randint(1, 4), rng.randint(3, 9), rng.randint(3, 9)
    x = small_ints(rng, (1, c, h, w), -3, 3)
    strings, modules, entries = [], [], []
    channels = c
    for index in range(rng.randint(2, 6)):
        text = random_layer(rng, index, channels)
        strings.append(text)
        if text.startswith("Cat("):
            modules.append(parse_cat(text))
            continue
        try:
            module = eval(text, {"nn": nn}, dict(vars(nn)))
        except ValueError as error:
            return {"tag": f"stack{number}", "input_shape": [1, c, h, w], "layers": strings,
                    "construction_error": {"layer": index, "message": str(error)}}
        module.eval()
        if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d)):
            with torch.no_grad():
                module.weight.copy_(small_ints(rng, module.weight.shape, -1, 1, zero_weight=2))
                if module.bias is not None:
                    module.bias.copy_(small_ints(rng, module.bias.shape, -2, 2))
            channels = module.out_channels
        modules.append(module)
    # Run in float32 and float64; each layer's output and field, up to the first error.
    outputs, doubles, chain, cat_crops = [], [], [], {}
    current, current64 = x, x.double()
    error = None
    for index, module in enumerate(modules):
        try:
            out, out64 = run_both(module, index, outputs, doubles, current, current64)
        except (RuntimeError, ValueError) as e:
            error = {"layer": index, **error_record(e)}
            break
        if isinstance(module, tuple):
            skip, crop = module
            top = crop_offset(outputs[skip].shape[2], current.shape[2]) if crop else 0
            left = crop_offset(outputs[skip].shape[3], current.shape[3]) if crop else 0
            cat_crops[index] = (top, left)
            # A field is one jump: Cat joins the skip's only when both maps move alike.
            crops = []
            for axis, offset in ((0, top), (1, left)):
                a, b = brute_field(modules, cat_crops, index - 1, axis), brute_field(modules, cat_crops, skip, axis)
                crops.append(offset if a and b and a[1] == b[1] else None)
            cat_crops[index] = tuple(crops)
            chain = None  # the formula check below follows one path only
        elif chain is not None:
            chain.append(module)
        fh, fw = brute_field(modules, cat_crops, index, 0), brute_field(modules, cat_crops, index, 1)
        if chain is not None and fh and fw:
            check_formulas(chain, fh, 0)
            check_formulas(chain, fw, 1)
        exact = bool(torch.equal(out, out64.float()) and torch.equal(out64.float().double(), out64))
        outputs.append(out)
        doubles.append(out64)
        current, current64 = out, out64
        entry = {"repr": str(module) if not isinstance(module, tuple) else strings[index],
                 "output_shape": list(out.shape), "exact": exact,
                 "output": [v if v == v and abs(v) != float("inf") else str(v) for v in out.flatten().tolist()],
                 "field_h": fh and [frac(v) for v in fh], "field_w": fw and [frac(v) for v in fw]}
        if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d)):
            entry["weight"] = module.weight.detach().flatten().tolist()
            entry["bias"] = None if module.bias is None else module.bias.detach().tolist()
        entries.append(entry)
    case = {"tag": f"stack{number}", "input_shape": [1, c, h, w], "input": x.flatten().tolist(),
            "layers": strings, "results": entries}
    if error:
        case["error"] = error
        # The weights of layers after the break are never used but the Swift run needs them.
    case["weights"] = [
        {"weight": m.weight.detach().flatten().tolist(), "bias": None if m.bias is None else m.bias.detach().tolist()}
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)) else None for m in modules]
    return case


# --- single layers over wider ranges: every message a layer can raise -------------------------------

def single_layer_case(rng):
    """One layer on a random input, parameters drawn wide enough to hit every check."""
    c, h, w = rng.randint(1, 6), rng.randint(1, 12), rng.randint(1, 12)
    kind = rng.choice(["conv", "convt", "max", "avg", "bn"])
    if kind == "bn":
        features = c if rng.random() < 0.5 else rng.randint(1, 6)
        affine, track = rng.choice([True, False]), rng.choice([True, False])
        text = f"BatchNorm2d({features}, affine={affine}, track_running_stats={track})"
    elif kind == "conv":
        groups = rng.choice([1, 1, 2, 3])
        text = (f"Conv2d({rng.choice([c, c, rng.randint(1, 6)])}, {rng.randint(1, 3) * groups}, "
                f"{one_or_pair(rng, 1, 7)}, stride={one_or_pair(rng, 1, 3)}, "
                f"padding={rng.choice([one_or_pair(rng, 0, 6), repr('same'), repr('valid')])}, "
                f"dilation={one_or_pair(rng, 1, 3)}, groups={groups}, "
                f"padding_mode={rng.choice(['zeros', 'reflect', 'replicate', 'circular'])!r})")
    elif kind == "convt":
        groups = rng.choice([1, 1, 2])
        text = (f"ConvTranspose2d({rng.choice([c, c, rng.randint(1, 6)])}, {rng.randint(1, 3) * groups}, "
                f"{one_or_pair(rng, 1, 5)}, stride={one_or_pair(rng, 1, 3)}, padding={one_or_pair(rng, 0, 5)}, "
                f"output_padding={one_or_pair(rng, 0, 3)}, dilation={one_or_pair(rng, 1, 3)}, groups={groups})")
    else:
        extra = f", dilation={one_or_pair(rng, 1, 3)}" if kind == "max" else \
            f", count_include_pad={rng.choice([True, False])}"
        text = (f"{'MaxPool2d' if kind == 'max' else 'AvgPool2d'}({one_or_pair(rng, 1, 5)}, "
                f"stride={one_or_pair(rng, 1, 3)}, padding={one_or_pair(rng, 0, 3)}, "
                f"ceil_mode={rng.choice([True, False])}{extra})")
    case = {"layer": text, "input_shape": [1, c, h, w]}
    try:
        module = eval(text, {"nn": nn}, dict(vars(nn))).eval()
    except ValueError as e:
        case["construction_error"] = str(e)
        return case
    try:
        with torch.no_grad():
            case["output_shape"] = list(run_module(module, torch.zeros(1, c, h, w)).shape)
    except (RuntimeError, ValueError) as e:
        record = error_record(e)
        case["error"], case["type"] = record["message"], record["type"]
        if "onednn" in record:
            case["onednn"] = record["onednn"]
    return case


# --- the U-Net of the paper, on the meta device -----------------------------------------------

def unet_layers(padding, crop):
    layers, skips = [], []

    def double_conv(c_in, c_out):
        layers.extend([f"Conv2d({c_in}, {c_out}, kernel_size=3, padding={padding})", "ReLU(inplace=True)",
                       f"Conv2d({c_out}, {c_out}, kernel_size=3, padding={padding})", "ReLU(inplace=True)"])

    channels = [64, 128, 256, 512]
    c_in = 1
    for c in channels:
        double_conv(c_in, c)
        skips.append(len(layers) - 1)
        layers.append("MaxPool2d(kernel_size=2, stride=2)")
        c_in = c
    double_conv(512, 1024)
    c_in = 1024
    for c in reversed(channels):
        layers.append(f"ConvTranspose2d({c_in}, {c}, kernel_size=2, stride=2)")
        layers.append(f"Cat({skips.pop()}, crop=True)" if crop else f"Cat({skips.pop() if False else 0})")
        double_conv(2 * c, c)
        c_in = c
    layers.append("Conv2d(64, 2, kernel_size=1)")
    return layers


def unet_fix_cats(layers):
    """The padded variant's Cats name the same encoder outputs, without crop."""
    fixed, skips = [], []
    for text in layers:
        if text.startswith("MaxPool2d"):
            skips.append(len(fixed) - 1)
        if text.startswith("Cat("):
            text = f"Cat({skips.pop()})"
        fixed.append(text)
    return fixed


def meta_shapes(layers, size):
    current = torch.empty(1, 1, size, size, device="meta")
    outputs, shapes = [], []
    for index, text in enumerate(layers):
        try:
            if text.startswith("Cat("):
                skip, crop = parse_cat(text)
                out = run_cat(outputs, current, skip, crop)
            else:
                with torch.device("meta"):
                    module = eval(text, {"nn": nn}, dict(vars(nn)))
                out = module(current)
        except RuntimeError as e:
            if text.startswith("Cat("):
                # The meta device words torch.cat's message differently: take the CPU's.
                try:
                    run_cat([torch.empty(o.shape) for o in outputs], torch.empty(current.shape), skip, crop)
                except RuntimeError as cpu:
                    e = cpu
            return shapes, {"layer": index, "message": str(e), "type": "RuntimeError"}
        outputs.append(out)
        shapes.append(list(out.shape))
        current = out
    return shapes, None


def unet_cases():
    cases = []
    paper = unet_layers(0, True)
    padded = unet_fix_cats(unet_layers(1, False))
    for tag, layers, size in [("unet-paper-572", paper, 572), ("unet-padded-512", padded, 512),
                              ("unet-padded-572", padded, 572)]:
        shapes, error = meta_shapes(layers, size)
        case = {"tag": tag, "input_shape": [1, 1, size, size], "layers": layers, "shapes": shapes}
        if error:
            case["error"] = error
        cases.append(case)
    return cases


# --- model printouts ------------------------------------------------------------------------------

def model_printouts():
    """print(model) of a few models, with the layer reprs and shapes convscope must read from them."""
    encoder_decoder = nn.Sequential(
        nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(inplace=True)),
        nn.MaxPool2d(2),
        nn.Sequential(nn.Conv2d(16, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(inplace=True)),
        nn.MaxPool2d(2),
        nn.ConvTranspose2d(32, 16, 2, stride=2),
        nn.LeakyReLU(0.1),
        nn.ConvTranspose2d(16, 8, 4, stride=2, padding=1),
        nn.Conv2d(8, 1, 1),
        nn.Sigmoid())
    classic = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.Tanh(), nn.AvgPool2d(2, stride=2), nn.Conv2d(6, 16, 5), nn.Tanh(),
        nn.AvgPool2d(2, stride=2), nn.Dropout(0.25), nn.Conv2d(16, 120, 5), nn.GELU())
    modes = nn.Sequential(
        nn.Conv2d(3, 8, (3, 5), padding="same", padding_mode="reflect", dilation=2, bias=False),
        nn.Conv2d(8, 8, 3, padding="valid", groups=4), nn.Dropout2d(), nn.Identity(),
        nn.MaxPool2d(3, stride=1, padding=1, dilation=2, ceil_mode=True),
        nn.BatchNorm2d(8, eps=1e-3, momentum=None, affine=False, track_running_stats=False),
        nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1, groups=2, bias=False, dilation=2))
    broken = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Conv2d(4, 8, 3), nn.ReLU())
    unsupported = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Flatten(), nn.Linear(8, 10))
    cases = []
    for name, model, shape in [("encoder_decoder", encoder_decoder, (1, 3, 32, 32)),
                               ("classic", classic, (1, 1, 32, 32)), ("modes", modes, (1, 3, 16, 16)),
                               ("broken_channels", broken, (1, 3, 16, 16)), ("unsupported", unsupported, None)]:
        text = str(model) + "\n"
        with open(os.path.join(FIXTURES, "models", f"{name}.txt"), "w") as f:
            f.write(text)
        flat = [m for m in model.modules() if not isinstance(m, nn.Sequential)]
        case = {"file": f"{name}.txt", "reprs": [str(m) for m in flat]}
        if shape:
            model.eval()
            x, shapes = torch.zeros(shape), []
            for index, m in enumerate(flat):
                try:
                    x = m(x)
                except RuntimeError as e:
                    case["error"] = {"layer": index, "message": str(e)}
                    break
                shapes.append(list(x.shape))
            case["input_shape"], case["shapes"] = list(shape), shapes
        cases.append(case)
    # A U-Net-like encoder-decoder with skips: print(model) plus '# cat k' lines.
    skip_model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(),
        nn.ConvTranspose2d(16, 8, 2, stride=2), nn.Conv2d(16, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 1, 1))
    lines = str(skip_model).splitlines()
    # Insert '# cat 1' after the ConvTranspose2d (printed as (5)): it becomes layer 6, the Conv2d after it 7.
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("(5):")) + 1
    lines.insert(at, "  # cat 1")
    with open(os.path.join(FIXTURES, "models", "skip.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    flat = list(skip_model)
    x, outs, shapes = torch.zeros(1, 1, 16, 16), [], []
    for m in flat[:6]:
        x = m(x); outs.append(x); shapes.append(list(x.shape))
    x = torch.cat([outs[1], x], 1); outs.append(x); shapes.append(list(x.shape))
    for m in flat[6:]:
        x = m(x); shapes.append(list(x.shape))
    cases.append({"file": "skip.txt", "reprs": [str(m) for m in flat[:6]] + ["Cat(1)"] + [str(m) for m in flat[6:]],
                  "input_shape": [1, 1, 16, 16], "shapes": shapes})
    return cases


def main():
    rng = random.Random(2026_11_26)
    stacks = [random_case(rng, n) for n in range(300)]
    singles = [single_layer_case(rng) for _ in range(2000)]
    data = {"torch": torch.__version__, "stacks": stacks, "single_layers": singles, "unets": unet_cases(),
            "models": model_printouts()}
    path = os.path.join(FIXTURES, "pytorch_stacks.json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    broken = sum(1 for s in stacks if "error" in s or "construction_error" in s)
    messages = {re.sub(r"\d+", "N", c.get("error") or c.get("construction_error") or "") for c in singles}
    print(f"{len(stacks)} stacks ({broken} broken), {len(singles)} single layers "
          f"({len(messages) - 1} kinds of message), {os.path.getsize(path)} bytes -> {path}")


if __name__ == "__main__":
    main()
