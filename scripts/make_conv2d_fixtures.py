#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/pytorch_conv2d_full.json with real PyTorch 2.13.

Every case builds a real `nn.Conv2d` (padding amounts or 'same'/'valid', padding_mode, groups,
bias), fills its input and weights, and records the output or PyTorch's exception word for word.
Inputs and kernels are either named patterns, rebuilt here independently of the Swift code from
their documented definitions, or explicit values. A `patterns` section stores the tensors the
definitions give, and a `files` section holds .npy files written by numpy and .pgm/.ppm files
written by hand, with the tensor each must load as (or the problem it must be refused for).

    pip install torch==2.13.0+cpu && python3 scripts/make_conv2d_fixtures.py
"""
import base64
import io
import json
import os
import random
import warnings

import numpy as np
import torch
import torch.nn as nn

warnings.filterwarnings("ignore")  # 'same' with even kernels warns about a padded copy
MODES = ["zeros", "reflect", "replicate", "circular"]
INPUTS = ["ramp-x", "ramp-y", "impulse", "checker", "random", "notebook"]
KERNELS = ["ones", "identity", "box", "sobel-x", "sobel-y", "laplace", "gauss", "random"]
MASK64 = (1 << 64) - 1


# --- the documented generators, rebuilt from their definitions -------------------------------

def splitmix64(seed):
    """SplitMix64, as documented in Sources/ConvCore/Conv2d/SplitMixRandom.swift."""
    state = seed & MASK64
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        yield z ^ (z >> 31)


def seeded_integers(seed, count, lo, hi):
    gen = splitmix64(seed)
    return [lo + next(gen) % (hi - lo + 1) for _ in range(count)]


def make_input(pattern, c, h_in, w_in):
    """The input (1, C, H, W); `notebook` is (1, C, w_in, h_in) like the course notebook's code."""
    name, _, seed = pattern.partition(":")
    if name == "notebook":
        # The course notebook's own expression, verbatim.
        return torch.tensor([[list(range(h_in))] * w_in] * c, dtype=torch.float).unsqueeze(0)
    h, w = h_in, w_in
    if name == "random":
        values = seeded_integers(int(seed or 0), c * h * w, 0, 9)
        return torch.tensor(values, dtype=torch.float).reshape(1, c, h, w)
    side = max(1, min(h, w) // 4)
    x = torch.zeros(1, c, h, w)
    for y in range(h):
        for xx in range(w):
            x[0, :, y, xx] = {
                "ramp-x": xx,
                "ramp-y": y,
                "impulse": 1.0 if (y, xx) == (h // 2, w // 2) else 0.0,
                "checker": 1.0 if (y // side + xx // side) % 2 == 0 else 0.0,
            }[name]
    return x


def binomial(n):
    row = [1]
    for _ in range(n):
        row = [a + b for a, b in zip(row + [0], [0] + row)]
    return row


def difference(n):
    if n < 2:
        return [0]
    s = binomial(n - 2)
    return [(s[i - 1] if i > 0 else 0) - (s[i] if i < n - 1 else 0) for i in range(n)]


def filter_2d(name, kh, kw):
    ay, ax = (kh - 1) // 2, (kw - 1) // 2
    f = torch.zeros(kh, kw)
    if name == "ones":
        f[:] = 1
    elif name == "identity":
        f[ay, ax] = 1
    elif name == "box":
        f[:] = torch.tensor(1.0) / (kh * kw)  # float32 division, like Float(1) / Float(kh*kw)
    elif name == "sobel-x":
        f = torch.tensor([[a * b for b in difference(kw)] for a in binomial(kh - 1)], dtype=torch.float)
    elif name == "sobel-y":
        f = torch.tensor([[a * b for b in binomial(kw - 1)] for a in difference(kh)], dtype=torch.float)
    elif name == "gauss":
        f = torch.tensor([[a * b for b in binomial(kw - 1)] for a in binomial(kh - 1)],
                         dtype=torch.float) / float(2 ** (kh + kw - 2))
    elif name == "laplace":
        for dy, dx in [(-1, 0), (1, 0), (0, -1), (0, 1)]:
            if 0 <= ay + dy < kh and 0 <= ax + dx < kw:
                f[ay + dy, ax + dx] = 1
                f[ay, ax] -= 1
    return f


def make_weights(preset, co, cig, kh, kw):
    name, _, seed = preset.partition(":")
    if name == "random":
        values = seeded_integers(int(seed or 0), co * cig * kh * kw, -3, 3)
        return torch.tensor(values, dtype=torch.float).reshape(co, cig, kh, kw)
    f = filter_2d(name, kh, kw)
    w = torch.zeros(co, cig, kh, kw)
    for o in range(co):
        for j in range(cig):
            if name == "ones" or j == o % cig:
                w[o, j] = f
    return w


def dyadic(t):
    return bool(torch.all(t * 2**20 == torch.round(t * 2**20)))


# --- cases ----------------------------------------------------------------------------------

def case(h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw, *, padding=None, mode="zeros", groups=1,
         bias=None, inp="ramp-x", kernel="ones", tag=""):
    """Runs nn.Conv2d; `padding` None means explicit (ph, pw); bias is None, a number or a list."""
    c = {"tag": tag, "params": [h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw],
         "padding": padding or "explicit", "padding_mode": mode, "groups": groups}
    if isinstance(inp, str):
        c["input"] = inp
        x = make_input(inp, ci, h, w)
        if inp == "notebook":  # the tensor's own H, W are the sliders swapped
            c["params"][0], c["params"][1] = w, h
    else:
        x = inp
        c["input_values"] = x.flatten().tolist()
    try:
        conv = nn.Conv2d(ci, co, (kh, kw), stride=(sh, sw), padding=padding or (ph, pw),
                         dilation=(dh, dw), groups=groups, bias=bias is not None, padding_mode=mode)
    except Exception as e:  # noqa: BLE001 - the message is the point
        c.update(error=str(e), error_type=type(e).__name__)
        return c
    if isinstance(kernel, str):
        c["kernel"] = kernel
        weight = make_weights(kernel, co, ci // groups, kh, kw)
    else:
        weight = kernel
        c["kernel_values"] = weight.flatten().tolist()
    conv.weight = nn.Parameter(weight)
    if bias is not None:
        b = torch.tensor(bias if isinstance(bias, list) else [float(bias)] * co, dtype=torch.float)
        conv.bias = nn.Parameter(b)
        c["bias"] = bias
    try:
        y = conv(x).detach()
    except Exception as e:  # noqa: BLE001
        c.update(error=str(e), error_type=type(e).__name__)
        return c
    c["applied_padding"] = applied_padding(conv)
    c["exact"] = dyadic(weight) and dyadic(x) and (bias is None or dyadic(conv.bias.detach()))
    c["output_shape"] = list(y.shape)
    c["output"] = y.flatten().tolist()
    return c


def applied_padding(conv):
    """[top, bottom, left, right] as the module applies them."""
    if conv.padding_mode != "zeros" or isinstance(conv.padding, str):
        left, right, top, bottom = conv._reversed_padding_repeated_twice
        return [top, bottom, left, right]
    return [conv.padding[0], conv.padding[0], conv.padding[1], conv.padding[1]]


def random_case(rng, mode=None, padding_kind=None, tag="random", max_groups=1, big_padding=True):
    h, w = rng.randint(1, 10), rng.randint(1, 10)
    groups = rng.choice([g for g in [1, 2, 3, 4] if g <= max_groups])
    ci = groups * rng.randint(1, 2) if rng.random() < 0.85 else rng.randint(1, 6)
    co = groups * rng.randint(1, 2) if rng.random() < 0.85 else rng.randint(1, 6)
    kh, kw = rng.randint(1, 5), rng.randint(1, 5)
    sh, sw = rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2, 3])
    dh, dw = rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2])
    top = h + 1 if big_padding else 3
    ph, pw = rng.randint(0, min(top, 8)), rng.randint(0, min(w + 1 if big_padding else 3, 8))
    padding = padding_kind or rng.choice([None] * 6 + ["same", "valid"])
    if padding == "same" and rng.random() < 0.8:
        sh = sw = 1
    bias = rng.choice([None, None, rng.randint(-4, 4), rng.randint(-8, 8) / 4,
                       [rng.randint(-5, 5) for _ in range(co)]])
    g = torch.Generator().manual_seed(rng.randint(0, 2**31))
    inp = rng.choice(INPUTS[:5] + ["random:%d" % rng.randint(1, 10**6), "values"])
    if inp == "values":
        inp = torch.randint(-6, 7, (1, ci, h, w), generator=g).float()
    kernel = rng.choice(KERNELS[:-1] + ["random:%d" % rng.randint(1, 10**6), "values", "values"])
    if kernel == "values" and groups and ci % groups == 0:
        kernel = (torch.randint(-8, 9, (co, ci // groups, kh, kw), generator=g) / 4.0).float()
    elif kernel == "values":
        kernel = "random:3"
    return case(h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw, padding=padding,
                mode=mode or rng.choice(MODES), groups=groups, bias=bias, inp=inp, kernel=kernel, tag=tag)


def boundary_cases(mode):
    """p = size − 1, p = size and p = size + 1 on each axis and both, plus the notebook defaults."""
    out = []
    for h, w, k in [(5, 7, 3), (1, 4, 1), (6, 3, 2)]:
        for ph, pw in [(h - 1, 0), (h, 0), (h + 1, 0), (0, w - 1), (0, w), (0, w + 1),
                       (h - 1, w - 1), (h, w), (h + 1, w + 1)]:
            out.append(case(h, w, 2, 2, k, k, ph, pw, 1, 1, 1, 1, mode=mode,
                            inp="random:%d" % (h * 100 + ph * 10 + pw), kernel="random:%d" % (k + ph + pw),
                            tag=f"{mode} boundary p=({ph},{pw}) size=({h},{w})"))
    out.append(case(8, 8, 3, 2, 3, 3, 2, 2, 1, 1, 1, 1, mode=mode, tag=f"{mode} defaults p=2"))
    return out


def same_valid_cases(rng):
    out = []
    for i in range(40):
        padding = "same" if i % 4 else "valid"
        h, w = rng.randint(1, 9), rng.randint(1, 9)
        kh, kw = rng.choice([2, 4, 3, 5, 1, 6]), rng.choice([2, 4, 1, 3])
        dh, dw = rng.randint(1, 3), rng.randint(1, 3)
        stride = 1 if i % 10 else 2  # 'same' refuses strides
        out.append(case(h, w, 2, 3, kh, kw, 0, 0, stride, 1, dh, dw, padding=padding, mode=MODES[i % 4],
                        bias=rng.choice([None, 2]), inp=rng.choice(INPUTS[:5]), kernel=rng.choice(KERNELS),
                        tag=f"{padding} {MODES[i % 4]}"))
    return out


def group_cases(rng):
    out = []
    for i in range(40):
        groups = rng.choice([1, 2, 3, 4, 6])
        if i % 3 == 0:  # invalid: a channel count not divisible
            ci, co = rng.randint(1, 8), rng.randint(1, 8)
        else:
            ci, co = groups * rng.randint(1, 2), groups * rng.randint(1, 3)
        h, w = rng.randint(3, 7), rng.randint(3, 7)
        out.append(case(h, w, ci, co, rng.randint(1, 3), rng.randint(1, 3), rng.randint(0, 2), rng.randint(0, 2),
                        1, rng.randint(1, 2), 1, 1, mode=rng.choice(MODES), groups=groups,
                        bias=rng.choice([None, [rng.randint(-3, 3) for _ in range(co)]]),
                        inp="random:%d" % i, kernel=rng.choice(["random:%d" % i, "sobel-x", "identity", "ones"]),
                        tag=f"groups={groups} {ci}->{co}"))
    # depthwise, as the one key will set it
    out.append(case(6, 6, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, groups=3, inp="checker", kernel="sobel-x", tag="depthwise"))
    return out


def pattern_cases():
    """Every input pattern with every kernel preset, on sizes that stress their definitions."""
    out = []
    shapes = [(8, 8, 3, 3, 2), (7, 10, 3, 2, 4), (6, 5, 1, 1, 1), (9, 6, 4, 2, 3)]
    for i, inp in enumerate(INPUTS + ["random:7"]):
        for j, kernel in enumerate(KERNELS + ["random:99"]):
            h, w, kh, kw, ci = shapes[(i + j) % len(shapes)]
            out.append(case(h, w, ci, 2, kh, kw, 1, 1, 1, 1, 1, 1, padding="same" if j % 2 else None,
                            mode=MODES[(i + j) % 4], inp=inp, kernel=kernel, tag=f"{inp} * {kernel}"))
    return out


def float_weight_cases(rng):
    """torch.randn weights and bias: exact agreement is not expected, closeness is."""
    out = []
    for i in range(6):
        g = torch.Generator().manual_seed(i)
        weight = torch.randn(2, 3, 3, 3, generator=g)
        out.append(case(7, 7, 3, 2, 3, 3, 1, 1, 1, 1, 1, 1, mode=MODES[i % 4], bias=[0.25, -1.5],
                        inp=torch.randn(1, 3, 7, 7, generator=g), kernel=weight, tag="float weights"))
    return out


def pattern_tensors():
    """The tensors each named input and kernel stands for, at awkward sizes."""
    inputs = [{"pattern": p, "channels": c, "h_in": h, "w_in": w,
               "values": make_input(p, c, h, w).flatten().tolist(), "shape": list(make_input(p, c, h, w).shape)}
              for p in INPUTS + ["random:12345"] for (c, h, w) in [(2, 4, 6), (1, 5, 3), (1, 1, 1), (3, 8, 8)]]
    kernels = [{"preset": k, "shape": [co, cig, kh, kw],
                "values": make_weights(k, co, cig, kh, kw).flatten().tolist()}
               for k in KERNELS + ["random:42"]
               for (co, cig, kh, kw) in [(1, 1, 3, 3), (3, 2, 2, 4), (2, 1, 1, 1), (1, 1, 5, 5), (4, 3, 1, 3)]]
    return {"inputs": inputs, "kernels": kernels}


def full_range_cases(rng, count):
    """Verdicts and output shapes over convscope's whole ranges (sizes to 1024, 64 channels and
    groups, kernels, padding, stride and dilation to 32). Shapes come from the meta device, which
    allocates nothing; F.pad's reflect message is taken from the CPU (the meta device prints the
    shape as torch.Size([…])), on a zero-stride view so nothing large is allocated either."""
    out = []
    for _ in range(count):
        h = rng.choice([rng.randint(1, 40), rng.randint(1, 1024)])
        w = rng.choice([rng.randint(1, 40), rng.randint(1, 1024)])
        groups = rng.choice([1, 2, 3, 4, 8, 16, 32, 64, rng.randint(1, 64)])
        ci, co = rng.randint(1, 64), rng.randint(1, 64)
        if rng.random() < 0.6:
            ci, co = groups * rng.randint(1, max(1, 64 // groups)), groups * rng.randint(1, max(1, 64 // groups))
        kh, kw, ph, pw = rng.randint(1, 32), rng.randint(1, 32), rng.randint(0, 32), rng.randint(0, 32)
        sh, sw, dh, dw = [rng.choice([1, rng.randint(1, 32)]) for _ in range(4)]
        padding = rng.choice(["same", "valid", None, None])
        if padding == "same" and rng.random() < 0.7:
            sh = sw = 1
        mode = rng.choice(MODES)
        c = {"tag": "full range", "params": [h, w, ci, co, kh, kw, ph, pw, sh, sw, dh, dw],
             "padding": padding or "explicit", "padding_mode": mode, "groups": groups}
        try:
            conv = nn.Conv2d(ci, co, (kh, kw), stride=(sh, sw), padding=padding or (ph, pw), dilation=(dh, dw),
                             groups=groups, padding_mode=mode, device="meta")
            c["output_shape"] = list(conv(torch.empty(1, ci, h, w, device="meta")).shape)
        except ValueError as e:
            c.update(error=str(e), error_type="ValueError")
        except RuntimeError as e:
            c.update(error=str(e), error_type="RuntimeError")
            if mode == "reflect" and str(e).startswith("Argument #"):
                try:
                    torch.nn.functional.pad(torch.zeros(1).expand(1, ci, h, w),
                                            conv._reversed_padding_repeated_twice, mode="reflect")
                except RuntimeError as cpu:
                    c["error"] = str(cpu)
        out.append(c)
    return out


# --- files ----------------------------------------------------------------------------------

def npy_bytes(array, fortran=False):
    buf = io.BytesIO()
    np.save(buf, np.asfortranarray(array) if fortran else array)
    return buf.getvalue()


def file_entry(name, data, expect=None, problem=None):
    e = {"name": name, "base64": base64.b64encode(data).decode()}
    if problem:
        e["problem"] = problem
    else:
        t = torch.as_tensor(np.ascontiguousarray(expect)).float()
        while t.dim() < 4:
            t = t.unsqueeze(0)
        e["shape"], e["values"] = list(t.shape), t.flatten().tolist()
    return e


def netpbm(magic, w, h, maxval, samples, comment=True):
    head = f"{magic}\n" + ("# made for convscope's tests\n" if comment else "") + f"{w} {h}\n{maxval}\n"
    if magic in ("P2", "P3"):
        return (head + "\n".join(" ".join(str(v) for v in samples[i:i + 12]) for i in range(0, len(samples), 12))
                + "\n").encode()
    size = 1 if maxval < 256 else 2
    return head.encode() + b"".join(v.to_bytes(size, "big") for v in samples)


def file_cases(rng):
    files = []
    base = np.arange(-6, 18).reshape(4, 6)
    for dtype in ["<f4", "<f8", "|i1", "<i2", "<i4", "<i8", "|u1"]:
        a = (np.abs(base) if dtype == "|u1" else base).astype(dtype)
        files.append(file_entry(f"map_{dtype[1:]}.npy", npy_bytes(a), a))
    a3 = np.arange(2 * 3 * 5, dtype="<f4").reshape(2, 3, 5) / 4
    files.append(file_entry("chw.npy", npy_bytes(a3), a3))
    a4 = np.arange(3 * 2 * 4, dtype="<f8").reshape(1, 3, 2, 4) - 7.5
    files.append(file_entry("nchw.npy", npy_bytes(a4), a4))
    files.append(file_entry("fortran_vector.npy", npy_bytes(np.arange(5, dtype="<f4").reshape(1, 5), True),
                            np.arange(5, dtype="<f4").reshape(1, 5)))
    files.append(file_entry("fortran.npy", npy_bytes(base.astype("<f4"), True), problem="fortranOrder"))
    files.append(file_entry("big.npy", npy_bytes(base.astype(">f4")), problem="bigEndian"))
    files.append(file_entry("complex.npy", npy_bytes(base.astype("<c8")), problem="unsupportedType"))
    files.append(file_entry("bool.npy", npy_bytes(base > 0), problem="unsupportedType"))
    files.append(file_entry("batch2.npy", npy_bytes(np.zeros((2, 1, 3, 3), "<f4")), problem="unsupportedShape"))
    files.append(file_entry("vector.npy", npy_bytes(np.zeros(7, "<f4")), problem="unsupportedShape"))
    files.append(file_entry("five_d.npy", npy_bytes(np.zeros((1, 1, 1, 2, 2), "<f4")), problem="unsupportedShape"))
    files.append(file_entry("empty.npy", npy_bytes(np.zeros((0, 3), "<f4")), problem="emptyDimension"))
    files.append(file_entry("nan.npy", npy_bytes(np.array([[1, np.nan]], "<f4")), problem="notFinite"))
    files.append(file_entry("huge64.npy", npy_bytes(np.array([[1e300, 0]], "<f8")), problem="notFinite"))
    cut = npy_bytes(np.zeros((3, 3), "<f8"))
    files.append(file_entry("cut.npy", cut[:-5], problem="truncated"))
    # Headers alone: the size is refused before any data would be read.
    for shape in [(1025, 4), (4, 1025), (65, 2, 2), (1, 65, 2, 2), (2000, 2000)]:
        header = npy_bytes(np.zeros((1,) * len(shape), "<f4"))
        text = header[10:].decode("latin1").replace("(1, 1, 1, 1)", str(shape)).replace(
            "(1, 1, 1)", str(shape)).replace("(1, 1)", str(shape))
        text = text.split("}")[0] + "}"
        text = text + " " * (64 - (10 + len(text) + 1) % 64) + "\n"
        files.append(file_entry(f"too_large_{'x'.join(map(str, shape))}.npy",
                                b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text.encode("latin1"),
                                problem="tooLarge"))
    files.append(file_entry("v2.npy", b"\x93NUMPY\x02\x00" + (lambda t: len(t).to_bytes(4, "little") + t)(
        (lambda s: s + b" " * (64 - (12 + len(s) + 1) % 64) + b"\n")(
            b"{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }")) + np.array([1, -2, 3, 400], "<i2").tobytes(),
        np.array([[1, -2], [3, 400]])))
    # CSV
    files.append(file_entry("one.csv", b"1,2,3\n4, 5 ,6\r\n", np.array([[1, 2, 3], [4, 5, 6]])))
    files.append(file_entry("two.csv", b"1,2\n3,4\n\n\n-0.5,6e1\n7,8\n\n",
                            np.array([[[1, 2], [3, 4]], [[-0.5, 60], [7, 8]]])))
    files.append(file_entry("word.csv", b"1,2\n3,x\n", problem="notANumber"))
    files.append(file_entry("ragged.csv", b"1,2\n3\n", problem="raggedRow"))
    files.append(file_entry("ragged_channel.csv", b"1,2\n3,4\n\n5,6\n", problem="raggedChannel"))
    files.append(file_entry("blank.csv", b"\n \n", problem="empty"))
    files.append(file_entry("inf.csv", b"1,inf\n", problem="notFinite"))
    files.append(file_entry("wide.csv", (",".join(["0"] * 1025) + "\n").encode(), problem="tooLarge"))
    files.append(file_entry("latin1.csv", b"1,\xe9\n", problem="notText"))
    # Netpbm
    grey = [rng.randint(0, 255) for _ in range(4 * 3)]
    grey16 = [rng.randint(0, 65535) for _ in range(4 * 3)]
    rgb = [rng.randint(0, 200) for _ in range(3 * 2 * 5)]
    g = np.array(grey).reshape(3, 4)
    files.append(file_entry("plain.pgm", netpbm("P2", 4, 3, 255, grey), g))
    files.append(file_entry("raw.pgm", netpbm("P5", 4, 3, 255, grey), g))
    files.append(file_entry("raw16.pgm", netpbm("P5", 4, 3, 65535, grey16), np.array(grey16).reshape(3, 4)))
    planes = np.array(rgb).reshape(2, 5, 3).transpose(2, 0, 1)
    files.append(file_entry("plain.ppm", netpbm("P3", 5, 2, 200, rgb), planes))
    files.append(file_entry("raw.ppm", netpbm("P6", 5, 2, 200, rgb, comment=False), planes))
    files.append(file_entry("cut.pgm", netpbm("P5", 4, 3, 255, grey)[:-3], problem="truncated"))
    files.append(file_entry("above.pgm", netpbm("P2", 2, 1, 10, [3, 11]), problem="sampleAboveMaxval"))
    files.append(file_entry("word.pgm", b"P2\n2 1\n10\n3 x\n", problem="badSample"))
    files.append(file_entry("short.pgm", b"P2\n2 2\n10\n3 4 5\n", problem="truncated"))
    files.append(file_entry("huge.pgm", b"P5\n2048 16\n255\n", problem="tooLarge"))
    files.append(file_entry("bitmap.pbm.pgm", b"P1\n2 2\n0 1 1 0\n", problem="badHeader"))
    files.append(file_entry("maxval.pgm", b"P2\n1 1\n70000\n5\n", problem="badHeader"))
    files.append(file_entry("image.png", b"\x89PNG\r\n", problem="unknownExtension"))
    return files


def main():
    rng = random.Random(20261126)
    torch.manual_seed(0)
    cases = []
    for mode in MODES:
        cases += boundary_cases(mode)
        cases += [random_case(rng, mode=mode, tag=f"{mode} random", max_groups=2) for _ in range(50)]
    cases += same_valid_cases(rng)
    cases += group_cases(rng)
    cases += pattern_cases()
    cases += [random_case(rng, tag="anything", max_groups=4) for _ in range(60)]
    floats = float_weight_cases(rng)
    out = {"torch_version": torch.__version__, "numpy_version": np.__version__,
           "names": ["h_in", "w_in", "in_channels", "out_channels", "kernel_size_h", "kernel_size_w",
                     "padding_h", "padding_w", "stride_h", "stride_w", "dilation_h", "dilation_w"],
           "cases": cases, "float_cases": floats, "full_range": full_range_cases(rng, 600), "patterns": pattern_tensors(), "files": file_cases(rng)}
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "ConvCoreTests", "Fixtures",
                        "pytorch_conv2d_full.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    errors = {}
    for c in cases:
        if "error" in c:
            key = c["error"].split(":")[0][:40]
            errors[key] = errors.get(key, 0) + 1
    per_mode = {m: sum(c["padding_mode"] == m for c in cases) for m in MODES}
    print(f"{len(cases)} cases ({sum('error' not in c for c in cases)} run, per mode {per_mode}), "
          f"{len(floats)} float cases, {len(out['files'])} files -> {os.path.normpath(path)} "
          f"({os.path.getsize(path) // 1024} KiB)")
    for k, n in sorted(errors.items()):
        print(f"  {n:4d} × {k}")


if __name__ == "__main__":
    main()
