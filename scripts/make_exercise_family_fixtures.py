#!/usr/bin/env python3
"""Generates Tests/ConvExercisesTests/Fixtures/pytorch_exercise_sizes.json with real PyTorch 2.13:
the answers to size questions a lab may ask of the convolution family beside Conv2d.

`family_sizes_lab` holds torch's results for every exercise of examples/family-sizes.toml.
Each case is a list of layer strings as a teacher writes them (one layer, or a stack of two or
three Conv1d/ConvTranspose1d/MaxPool1d/AvgPool1d or Conv3d/MaxPool3d/AvgPool3d, or one
ConvTranspose2d) and an input shape; torch builds the modules with eval() on torch.nn and runs
them on a zero input, recording every layer's output shape, the learnable parameter count, or
the exception type and the first line of its message where PyTorch refuses.

    python3 scripts/make_exercise_family_fixtures.py
"""
import json
import os
import random
import sys
import tomllib
import warnings

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_family_fixtures as family  # noqa: E402  (its random layer strings)

warnings.filterwarnings("ignore")
OUT = os.path.join(HERE, "..", "Tests", "ConvExercisesTests", "Fixtures", "pytorch_exercise_sizes.json")
rng = random.Random(20261207)
family.rng = random.Random(20261208)


def transposed2d():
    g = rng.choice([1, 1, 2])
    cin, cout = g * rng.randint(1, 4), g * rng.randint(1, 4)
    k, s, d = rng.randint(1, 5), rng.randint(1, 3), rng.randint(1, 2)
    kw = [f"stride={s}"] if s != 1 or rng.random() < 0.3 else []
    if rng.random() < 0.6:
        kw.append(f"padding={rng.randint(0, 2)}")
    if rng.random() < 0.5:
        kw.append(f"output_padding={rng.randint(0, max(s, d) - 1 + (rng.random() < 0.1))}")
    if d != 1:
        kw.append(f"dilation={d}")
    if g != 1:
        kw.append(f"groups={g}")
    if rng.random() < 0.3:
        kw.append("bias=False")
    text = f"ConvTranspose2d({', '.join([str(cin), str(cout), str(k)] + kw)})"
    return [text], [1, cin if rng.random() < 0.9 else rng.randint(1, 5), rng.randint(1, 16), rng.randint(1, 16)]


def stack(dims):
    texts, shape = [], None
    for _ in range(rng.randint(2, 3)):
        text, first = family.random_layer(dims)
        texts.append(text)
        shape = shape or first
    return texts, shape


def run(texts, shape):
    case = {"layers": texts, "input_shape": shape}
    try:
        modules = [eval("nn." + t) for t in texts]
    except Exception as e:  # noqa: BLE001 - the constructor's message is the fixture
        case.update(error=str(e).split("\n")[0], type=type(e).__name__)
        return case
    x, shapes = torch.zeros(shape), []
    with torch.no_grad():
        for module in modules:
            try:
                x = module(x)
            except Exception as e:  # noqa: BLE001
                case.update(error=str(e).split("\n")[0], type=type(e).__name__, output_shapes=shapes)
                return case
            shapes.append(list(x.shape))
    case["output_shapes"] = shapes
    case["parameters"] = sum(p.numel() for m in modules for p in m.parameters())
    # One multiplication per weight per output position (per input position for a transposed
    # layer, each input cell stamping its kernel), from torch's weights and shapes.
    inputs = [shape] + shapes[:-1]
    case["multiplications"] = sum(
        m.weight.numel() * (inp if "Transpose" in type(m).__name__ else out)[2:].numel()
        for m, inp, out in zip(modules, map(torch.Size, inputs), map(torch.Size, shapes)) if hasattr(m, "weight"))
    return case


def example_lab(name):
    """Torch's results for every exercise of examples/NAME, by id."""
    with open(os.path.join(HERE, "..", "examples", name), "rb") as f:
        lab = tomllib.load(f)
    return {e["id"]: run(e.get("layers") or [e["layer"]], e["input"]) for e in lab["exercise"]}


def running(make, tries=400):
    """A case PyTorch runs whole (random stacks rarely chain their channels), else the last tried."""
    for _ in range(tries):
        case = run(*make())
        if "error" not in case:
            return case
    return case


def main():
    cases = [run([t], s) for t, s in (family.random_layer(1) for _ in range(60))]
    cases += [run([t], s) for t, s in (family.random_layer(3) for _ in range(40))]
    cases += [run(*stack(1)) for _ in range(10)] + [run(*stack(3)) for _ in range(6)]
    cases += [running(lambda: stack(1)) for _ in range(20)] + [running(lambda: stack(3)) for _ in range(14)]
    cases += [run(*transposed2d()) for _ in range(50)]
    with open(OUT, "w") as f:
        f.write('{"torch": ' + json.dumps(torch.__version__) + ',\n"family_sizes_lab": '
                + json.dumps(example_lab("family-sizes.toml"), separators=(",", ":")) + ',\n"cases": [\n'
                + ",\n".join(json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in cases) + "\n]}\n")
    refused = sum(1 for c in cases if "error" in c)
    print(f"{len(cases)} cases ({refused} refused by PyTorch)")


if __name__ == "__main__":
    main()
