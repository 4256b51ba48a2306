#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/fx_prints/: what `print(torch.fx.symbolic_trace(model))`
prints for real PyTorch 2.13 models (torchvision 0.28 definitions, weights=None, eval mode), each
with a JSON file listing the fx graph nodes and their shapes from ShapeProp.

<id>.txt   str(torch.fx.symbolic_trace(model)) + "\\n", i.e. exactly what print(gm) writes: the
           module tree, then the generated `def forward(self, x ...)` code, then PyTorch's
           `# To see more debug info, ...` reminder line.
<id>.json  id, source (the Python expression; names not in torch.nn / torchvision.models are
           defined in this script), torch, torchvision, input_shape,
           nodes = every graph node except the placeholder and the output, in graph order, with
             name (node.name), op (call_module / call_function / call_method / get_attr),
             target (qualified module name for call_module; the function's __name__ for
             call_function, e.g. "add" for operator.add, "cat" for torch.cat, "getitem" for
             operator.getitem; the method name for call_method; the attribute path for get_attr),
             module (one-line repr of the called module, else null),
             class (type(module).__name__, else null),
             inputs (names of node.all_input_nodes in order; the placeholder by its node.name),
             shape (ShapeProp output shape, or null when the value is not a single tensor:
             a tuple from chunk, a torch.Size from size(), an int from getitem on it),
             params (the called module's parameters, recursive, for call_module; else 0);
           output_shape, params (whole model), placeholder (the placeholder node's name).

Checks: the GraphModule's output is torch.equal to the model's own on a seeded random input;
ShapeProp's output shape is the model's; in the printed forward code, the lines that assign a node
name (`name = ...`) are exactly the nodes, in order.

    python3 scripts/make_fx_fixtures.py
"""
import json

import os
import re
import sys
import warnings

import torch
import torch.fx
import torch.nn as nn
from torch.fx.passes.shape_prop import ShapeProp, TensorMetadata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))  # torchvision_models
sys.path.insert(0, HERE)
from fixture_json import dump  # noqa: E402
from torchvision_models import models  # noqa: E402,F401  (used by eval() of the sources)

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "fx_prints")
TORCHVISION = "0.28.0"


# --- user models used by some fixtures ----------------------------------------------------------

class UNet(nn.Module):
    """A small U-Net: two encoder levels (Conv2d+ReLU, MaxPool2d), a bottleneck, two decoder
    levels (ConvTranspose2d stride 2, torch.cat([skip, up], dim=1), Conv2d+ReLU), a 1x1 head."""

    def __init__(self, in_channels=1, out_channels=2):
        super().__init__()
        self.enc1 = nn.Sequential(nn.Conv2d(in_channels, 16, 3, padding=1), nn.ReLU(inplace=True))
        self.pool1 = nn.MaxPool2d(2)
        self.enc2 = nn.Sequential(nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(inplace=True))
        self.pool2 = nn.MaxPool2d(2)
        self.bottleneck = nn.Sequential(nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(inplace=True))
        self.up2 = nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.dec2 = nn.Sequential(nn.Conv2d(64, 32, 3, padding=1), nn.ReLU(inplace=True))
        self.up1 = nn.ConvTranspose2d(32, 16, 2, stride=2)
        self.dec1 = nn.Sequential(nn.Conv2d(32, 16, 3, padding=1), nn.ReLU(inplace=True))
        self.head = nn.Conv2d(16, out_channels, 1)

    def forward(self, x):
        skip1 = self.enc1(x)
        skip2 = self.enc2(self.pool1(skip1))
        y = self.bottleneck(self.pool2(skip2))
        y = self.dec2(torch.cat([skip2, self.up2(y)], dim=1))
        y = self.dec1(torch.cat([skip1, self.up1(y)], dim=1))
        return self.head(y)


class ToyResidual(nn.Module):
    """conv -> relu -> conv, out = a + b, global average pool, flatten, linear."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        a = self.relu(self.conv1(x))
        b = self.conv2(a)
        out = a + b
        out = self.pool(out)
        out = torch.flatten(out, 1)
        return self.fc(out)


class UNetPaper(nn.Module):
    """The U-Net paper's shape of skip: unpadded 3x3 convolutions shrink the encoder's map, so the
    skip is centre-cropped to the upsampled map before torch.cat; the crop reads the sizes from
    x.size() and x.shape (traced as getitem, sub, floordiv and a slice(...) tuple)."""

    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.Conv2d(8, 8, 3), nn.ReLU())
        self.pool = nn.MaxPool2d(2)
        self.mid = nn.Sequential(nn.Conv2d(8, 16, 3), nn.ReLU(), nn.Conv2d(16, 16, 3), nn.ReLU())
        self.up = nn.ConvTranspose2d(16, 8, 2, stride=2)
        self.dec = nn.Sequential(nn.Conv2d(16, 8, 3), nn.ReLU())
        self.head = nn.Conv2d(8, 2, 1)

    def forward(self, x):
        skip = self.enc(x)
        y = self.up(self.mid(self.pool(skip)))
        dh = skip.size()[2] - y.size()[2]
        dw = skip.shape[3] - y.shape[3]
        top, left = dh // 2, dw // 2
        crop = skip[:, :, top:top + y.shape[2], left:left + y.shape[3]]
        return self.head(self.dec(torch.cat([crop, y], dim=1)))


class OpsZoo(nn.Module):
    """The functions and reshapes a traced forward meets beyond plain layers: nearest and bilinear
    resizing (align_corners False and True), GELU, Mish, ELU, Hardtanh, a squeeze-excitation mul
    with broadcast, arithmetic with numbers, permute/reshape/transpose round trips, an adaptive
    max pool, a mean, and a Linear head on a flattened map."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(2, 4, 3, padding=1)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.act = nn.GELU()
        self.mish = nn.Mish()
        self.elu = nn.ELU(alpha=0.5)
        self.squeeze = nn.AdaptiveAvgPool2d(1)
        self.excite = nn.Sequential(nn.Conv2d(4, 2, 1), nn.SiLU(), nn.Conv2d(2, 4, 1), nn.Hardsigmoid())
        self.pool = nn.AdaptiveMaxPool2d((3, 2))
        self.head = nn.Linear(24, 5)

    def forward(self, x):
        y = self.stem(x) / 100.0 - 1.5
        y = self.up(y)
        y = torch.nn.functional.interpolate(y, size=(11, 7), mode="bilinear", align_corners=False)
        z = torch.nn.functional.interpolate(y, scale_factor=1.5, mode="bilinear", align_corners=True)
        z = self.mish(self.act(z)) + self.elu(z)
        z = torch.nn.functional.hardtanh(z, -1.0, 2.0) * self.excite(self.squeeze(z))
        n, c, h, w = z.shape
        z = z.permute(0, 2, 3, 1).reshape(n, h * w, c).transpose(1, 2).reshape(n, c, h, w).contiguous()
        z = 2 * self.pool(z) + z.mean([2, 3], keepdim=True)
        return self.head(torch.flatten(z, 1))


class SharedModules(nn.Module):
    """One module called twice in the forward (a shared 3×3 convolution, a shared Linear): torch's
    model.parameters() holds their weights once, while the traced graph has a node per call
    (`body`, `body_1`)."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 4, 3, padding=1)
        self.body = nn.Conv2d(4, 4, 3, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(2)
        self.head = nn.Linear(16, 16)

    def forward(self, x):
        y = self.stem(x)
        y = self.body(torch.relu(self.body(y)) + y)
        z = self.head(torch.flatten(self.pool(y), 1))
        return self.head(z)


# --- the fixtures ---------------------------------------------------------------------------------

IMAGE = [1, 3, 224, 224]
FIXTURES = [
    ("resnet18", "models.resnet18(weights=None)", IMAGE),
    ("resnet50", "models.resnet50(weights=None)", IMAGE),
    ("vgg16", "models.vgg16(weights=None)", IMAGE),
    ("alexnet", "models.alexnet(weights=None)", IMAGE),
    ("squeezenet1_0", "models.squeezenet1_0(weights=None)", IMAGE),
    ("densenet121", "models.densenet121(weights=None)", IMAGE),
    ("googlenet", "models.googlenet(weights=None, aux_logits=False, init_weights=False)", IMAGE),
    ("mobilenet_v2", "models.mobilenet_v2(weights=None)", IMAGE),
    ("mobilenet_v3_small", "models.mobilenet_v3_small(weights=None)", IMAGE),
    ("efficientnet_b0", "models.efficientnet_b0(weights=None)", IMAGE),
    ("shufflenet_v2_x0_5", "models.shufflenet_v2_x0_5(weights=None)", IMAGE),
    ("regnet_y_400mf", "models.regnet_y_400mf(weights=None)", IMAGE),
    ("convnext_tiny", "models.convnext_tiny(weights=None)", IMAGE),
    ("unet_small", "UNet(in_channels=1, out_channels=2)", [1, 1, 64, 64]),
    ("toy_residual", "ToyResidual()", [1, 3, 16, 16]),
    ("unet_paper", "UNetPaper()", [1, 1, 28, 28]),
    ("ops_zoo", "OpsZoo()", [1, 2, 5, 6]),
    ("shared_modules", "SharedModules()", [1, 3, 8, 8]),
]


def one_line(module):
    return " ".join(line.strip() for line in repr(module).splitlines())


def target_name(node):
    if node.op == "call_function":
        return getattr(node.target, "__name__", str(node.target))
    return str(node.target)  # call_module, call_method, get_attr: already a string


def forward_assignments(text):
    """Names assigned by the lines of the printed `def forward` body, in order."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("def forward(self"))
    names = []
    for line in lines[start + 1:]:
        if not line.startswith("    "):
            break
        m = re.match(r"    ([A-Za-z_][A-Za-z0-9_]*) = ", line)
        if m:
            names.append(m.group(1))
    return names


def make(fixture_id, source, input_shape):
    torch.manual_seed(0)
    model = eval(source).eval()
    gm = torch.fx.symbolic_trace(model)
    text = str(gm)

    torch.manual_seed(0)
    x = torch.randn(*input_shape)
    with torch.no_grad():
        expected = model(x)
        got = gm(x)
        assert torch.equal(expected, got), f"{fixture_id}: GraphModule output differs"
        ShapeProp(gm).propagate(x)

    modules = dict(gm.named_modules())
    placeholders = [n for n in gm.graph.nodes if n.op == "placeholder"]
    assert len(placeholders) == 1, f"{fixture_id}: {len(placeholders)} placeholders"
    nodes = []
    for node in gm.graph.nodes:
        if node.op in ("placeholder", "output"):
            continue
        meta = node.meta.get("tensor_meta")
        shape = list(meta.shape) if isinstance(meta, TensorMetadata) else None
        record = {"name": node.name, "op": node.op, "target": target_name(node),
                  "module": None, "class": None,
                  "inputs": [n.name for n in node.all_input_nodes],
                  "shape": shape, "params": 0}
        if node.op == "call_module":
            sub = modules[node.target]
            record.update(module=one_line(sub), **{"class": type(sub).__name__},
                          params=sum(p.numel() for p in sub.parameters(recurse=True)))
        nodes.append(record)

    output = next(n for n in gm.graph.nodes if n.op == "output")
    out_meta = output.args[0].meta.get("tensor_meta")
    assert list(out_meta.shape) == list(expected.shape)
    params = sum(p.numel() for p in model.parameters())
    record = {"id": fixture_id, "source": source, "torch": torch.__version__,
              "torchvision": TORCHVISION, "input_shape": list(input_shape), "nodes": nodes,
              "output_shape": list(expected.shape), "params": params,
              "placeholder": placeholders[0].name}

    assigned = forward_assignments(text)
    names = [n["name"] for n in nodes]
    if assigned == names:
        check = "ok"
    else:
        check = (f"MISMATCH: {len(assigned)} assignment lines, {len(names)} nodes; "
                 f"not assigned {sorted(set(names) - set(assigned))[:5]}")
    module_params = sum(n["params"] for n in nodes)
    ops = {}
    for n in nodes:
        ops[n["op"]] = ops.get(n["op"], 0) + 1
    summary = (f"{len(nodes):4d} nodes  {' '.join(f'{k}={v}' for k, v in ops.items())}  "
               f"{list(input_shape)} -> {list(expected.shape)}  {params} params"
               f"{'' if module_params == params else f' (call_module sum {module_params})'}"
               f"  lines: {check}")
    return text, record, summary


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    for fixture_id, source, input_shape in FIXTURES:
        if only and fixture_id not in only:
            continue
        try:
            text, record, summary = make(fixture_id, source, input_shape)
        except Exception as error:  # a model fx cannot trace: report it, write nothing
            print(f"{fixture_id:20s} SKIPPED: {type(error).__name__}: {str(error).splitlines()[0]}")
            continue
        with open(os.path.join(OUT, f"{fixture_id}.txt"), "w") as f:
            f.write(text + "\n")
        with open(os.path.join(OUT, f"{fixture_id}.json"), "w") as f:
            f.write(dump(record))
        print(f"{fixture_id:20s} {summary}")


if __name__ == "__main__":
    main()
