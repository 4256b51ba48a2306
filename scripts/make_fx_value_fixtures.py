#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/fx_values/<id>.json: what real PyTorch 2.13 computes for
every node of each fx_prints model (same sources as scripts/make_fx_fixtures.py) in eval mode with
the course notebook's weights, and each model's receptive field by gradient support.

Weights: every Conv2d, ConvTranspose2d and Linear weight 1 and bias 0; BatchNorm2d as built
(weight 1, bias 0, running mean 0, running var 1, its own eps); ConvNeXt's layer_scale 1 (a weight
like the others); every other parameter as built (LayerNorm: weight 1, bias 0).
Input: the course notebook's ramp, x[0, c, y, x] = x, at `input_shape` below (small, so the JSON
stays small).

Per node (graph order, tensor nodes only; tuples, sizes and integers are skipped):
  name, shape, sum (float64 sum of the float32 values), abs_sum, nonfinite (count of inf/nan),
  samples: [[flat index, value], ...] at 12 indices spread evenly over the tensor (value null
  for inf/nan, with "inf"/"-inf"/"nan" written instead as a string).

field: at the fx_prints input shape (224x224 for the image models), the last node whose output is
a square 4-D map larger than 1x1 (the last spatial node; a channels-last view is not square): its name and, for its centre cell and its
cell (0, 0), the first and last input row and column its gradient reaches, on an all-ones copy
with every max-pool (adaptive too) replaced by the average pool of the same window and every
activation by the identity (so no path is cut by a zero gradient).

paths (models in PATHS only): the effective receptive field at the values' input: for the centre
cell (every channel) of the last 4-D node larger than 1x1, the gradient reaching each input cell
(summed over input channels) on an all-ones copy whose activations and BatchNorms are the identity,
whose max and average pools sum their windows (AvgPool2d with divisor_override=1; adaptive max
pools as adaptive averages) and whose `*` is `+`: the number of paths from each input cell.

    python3 scripts/make_fx_value_fixtures.py [ids...]
"""
import json
import math
import os
import sys
import warnings

import torch
import torch.fx
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fx_fixtures as fx  # noqa: E402  (models, sources, torchvision import)
from fixture_json import dump  # noqa: E402

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "fx_values")
SMALL = {"unet_small": [1, 1, 16, 16], "toy_residual": [1, 3, 8, 8], "unet_paper": [1, 1, 28, 28],
         "ops_zoo": [1, 2, 5, 6], "alexnet": [1, 3, 64, 64]}
IMAGE = [1, 3, 32, 32]
ACTIVATIONS = (nn.ReLU, nn.ReLU6, nn.SiLU, nn.GELU, nn.Hardswish, nn.Hardsigmoid, nn.Sigmoid, nn.Tanh,
               nn.Mish, nn.ELU, nn.LeakyReLU, nn.Hardtanh)


def notebook_weights(model):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
                m.weight.fill_(1)
                if m.bias is not None:
                    m.bias.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.reset_parameters()
            if isinstance(getattr(m, "layer_scale", None), nn.Parameter):
                m.layer_scale.fill_(1)
    return model


def ramp(shape):
    n, c, h, w = shape
    return torch.arange(w, dtype=torch.float32).expand(n, c, h, w).contiguous()


def sample(t):
    flat = t.detach().reshape(-1)
    n = flat.numel()
    picks = sorted({min(n - 1, (i * n) // 12) for i in range(12)}) if n else []
    out = []
    for i in picks:
        v = float(flat[i])
        out.append([i, v if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))])
    return out


def node_values(gm, x):
    """Every node's value by running the GraphModule's nodes one by one (torch.fx.Interpreter)."""
    records = []

    class Recorder(torch.fx.Interpreter):
        def run_node(self, n):
            result = super().run_node(n)
            if n.op not in ("placeholder", "output") and isinstance(result, torch.Tensor):
                d = result.detach().double()
                finite = torch.isfinite(d)
                records.append({"name": n.name, "shape": list(result.shape),
                                "sum": float(d[finite].sum()), "abs_sum": float(d[finite].abs().sum()),
                                "nonfinite": int((~finite).sum()), "samples": sample(result)})
            return result

    with torch.no_grad():
        Recorder(gm).run(x)
    return records


def linear_copy(source, paths):
    """An all-ones copy of the model with every activation the identity (and, for `paths`, every
    BatchNorm too), max pools as average pools (for `paths`, every pool summing its window), adaptive
    max pools as adaptive averages, and (for `paths`) `*` as `+`: no path is cut by a zero gradient."""
    import operator
    copy = torch.fx.symbolic_trace(notebook_weights(eval(source, vars(fx)).eval()))
    for name, m in list(copy.named_modules()):
        if not name:
            continue
        parent = copy.get_submodule(name.rsplit(".", 1)[0]) if "." in name else copy
        leaf = name.rsplit(".", 1)[-1]
        if isinstance(m, nn.MaxPool2d) or (paths and isinstance(m, nn.AvgPool2d)):
            setattr(parent, leaf, nn.AvgPool2d(m.kernel_size, m.stride, m.padding, m.ceil_mode,
                                               divisor_override=1 if paths else None))
        elif isinstance(m, nn.AdaptiveMaxPool2d):
            setattr(parent, leaf, nn.AdaptiveAvgPool2d(m.output_size))
        elif isinstance(m, ACTIVATIONS + ((nn.BatchNorm2d,) if paths else ())):
            setattr(parent, leaf, nn.Identity())
    for node in copy.graph.nodes:  # functional activations of the forward code
        if node.op == "call_function" and getattr(node.target, "__name__", "") in ("relu", "relu6", "hardtanh", "silu"):
            node.target = torch.nn.functional.dropout  # identity with training=False
            node.args, node.kwargs = (node.args[0],), {"training": False}
        elif node.op == "call_method" and node.target in ("relu", "sigmoid"):
            node.target = "contiguous"
            node.args, node.kwargs = (node.args[0],), {}
        elif paths and node.op == "call_function" and node.target is operator.mul:
            node.target = operator.add
    copy.recompile()
    return copy


def tensor_outputs(gm, x):
    """Every node's tensor output by name, the input's included."""
    outs = {}

    class Keep(torch.fx.Interpreter):
        def run_node(self, n):
            r = super().run_node(n)
            if n.op != "output" and isinstance(r, torch.Tensor):
                outs[n.name] = r
            return r

    Keep(gm).run(x)
    return outs


def gradient_field(source, x):
    """Rows and columns of the input that reach the centre and corner cells of the last 4-D node."""
    copy = linear_copy(source, paths=False)
    last = None
    xin = torch.ones_like(x).requires_grad_(True)
    shapes = tensor_outputs(copy, xin)
    for name, t in shapes.items():
        # A square map larger than 1x1 at a square input: NCHW, not a channels-last view (ConvNeXt's
        # blocks); at a non-square input, the last map larger than 1x1.
        square = x.shape[2] != x.shape[3] or t.dim() == 4 and t.shape[2] == t.shape[3]
        if t.dim() == 4 and t is not xin and t.shape[2] * t.shape[3] > 1 and square:
            last = name
    t = shapes[last]
    cells = []
    for cy, cx in [((t.shape[2] - 1) // 2, (t.shape[3] - 1) // 2), (0, 0)]:
        grad, = torch.autograd.grad(t[0, :, cy, cx].sum(), xin, retain_graph=True)
        support = grad[0].abs().sum(0) != 0
        rows = support.any(1).nonzero().flatten().tolist()
        cols = support.any(0).nonzero().flatten().tolist()
        cells.append({"cell": [cy, cx], "rows": [rows[0], rows[-1]] if rows else None,
                      "cols": [cols[0], cols[-1]] if cols else None})
    return {"node": last, "shape": list(t.shape), "cells": cells}


PATHS = {"toy_residual", "unet_small", "unet_paper", "resnet18", "densenet121", "googlenet", "squeezenet1_0",
         "shufflenet_v2_x0_5"}


def path_counts(source, x):
    copy = linear_copy(source, paths=True)
    xin = torch.ones_like(x, dtype=torch.float64).requires_grad_(True)
    outs = tensor_outputs(copy.double(), xin)
    last = [k for k, t in outs.items() if t.dim() == 4 and t is not xin and t.shape[2] * t.shape[3] > 1][-1]
    t = outs[last]
    cy, cx = (t.shape[2] - 1) // 2, (t.shape[3] - 1) // 2
    grad, = torch.autograd.grad(t[0, :, cy, cx].sum(), xin)
    return {"node": last, "cell": [cy, cx], "counts": grad[0].sum(0).tolist()}


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    for fixture_id, source, field_shape in fx.FIXTURES:
        if only and fixture_id not in only:
            continue
        shape = SMALL.get(fixture_id, IMAGE)
        torch.manual_seed(0)
        model = notebook_weights(eval(source, vars(fx)).eval())
        gm = torch.fx.symbolic_trace(model)
        x = ramp(shape)
        nodes = node_values(gm, x)
        field = gradient_field(source, ramp(field_shape))
        record = {"id": fixture_id, "torch": torch.__version__, "input_shape": shape, "field": field}
        if fixture_id in PATHS:
            record["paths"] = path_counts(source, x)
        record["nodes"] = nodes
        with open(os.path.join(OUT, f"{fixture_id}.json"), "w") as f:
            f.write(dump(record))
        print(f"{fixture_id:20s} {len(nodes)} tensor nodes, field {field}")


if __name__ == "__main__":
    main()
