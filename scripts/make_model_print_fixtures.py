#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/model_prints/: what `print(model)` prints for real
PyTorch 2.13 models and sub-models (torchvision 0.28 definitions, weights=None), each with a JSON
file saying whether `convscope render --model FILE --layers` must trace it or refuse it.

Rule checked here: a print is traced only when every container in it prints as `Sequential(`
(its class is exactly nn.Sequential, whose forward runs the children in order). Any other
container line (`BasicBlock(`, `Fire(`, `ModuleList(`, `_DenseBlock(`, a user's class, also a
subclass of nn.Sequential such as torchvision's `Conv2dNormActivation(`, whose name is not
`Sequential`) is refused, naming the first such line top to bottom.

<id>.txt   str(module) + "\\n", i.e. exactly what print(module) writes.
<id>.json  id, source (the Python expression; names not in torch.nn / torchvision.models are
           defined in this script), torch, torchvision, input_shape, expect ("trace"/"refuse"),
           for "refuse": container, container_line (1-based, in the .txt), container_name
           (qualified name from named_modules(); "" for the root), output_shape when the module
           runs on input_shape (a ModuleList has no forward: no output_shape);
           for "trace": nodes = every leaf module in execution order with name, module (its
           one-line repr), line (1-based line in the .txt), input_shape, output_shape, params
           (its own parameters), print_hides (only when set: constructor arguments with a
           non-default value that the print does not show); output_shape; params (whole module).

Trace models are checked three ways: forward hooks see every leaf exactly once and in print
order; nn.Sequential(*leaves) gives torch.equal output to the model's own on a seeded random
input; every leaf is one of the layer kinds convscope draws.

Note (PyTorch 2.13): nn.Sequential never collapses repeated children in its print; only
nn.ModuleList.__repr__ writes `(a-b): n x Module(`. So the `n x` form only appears inside a
ModuleList (which is refused); the repeated_* trace fixtures show the uncollapsed Sequential form.

    python3 scripts/make_model_print_fixtures.py
"""
import json

import os
import re
import sys
import warnings

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))  # torchvision_models
sys.path.insert(0, HERE)
from fixture_json import dump  # noqa: E402
from torchvision_models import models  # noqa: E402

warnings.filterwarnings("ignore")
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "model_prints")
TORCHVISION = "0.28.0"

SUPPORTED = (nn.Conv2d, nn.ConvTranspose2d, nn.MaxPool2d, nn.AvgPool2d, nn.ReLU, nn.LeakyReLU,
             nn.Sigmoid, nn.Tanh, nn.GELU, nn.BatchNorm2d, nn.Dropout, nn.Dropout2d, nn.Identity)


# --- user classes used by some fixtures ------------------------------------------------------------

class ResidualBlock(nn.Module):
    """A user's block: its print shows conv1, bn1, relu, conv2, bn2 but forward adds the input."""

    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(y)) + x)


class Stage(nn.Sequential):
    """A subclass of nn.Sequential: it chains like one, but prints as `Stage(`."""


# --- the fixtures ----------------------------------------------------------------------------------

DCGAN_G = ("nn.Sequential("
           "nn.ConvTranspose2d(100, 512, 4, 1, 0, bias=False), nn.BatchNorm2d(512), nn.ReLU(True), "
           "nn.ConvTranspose2d(512, 256, 4, 2, 1, bias=False), nn.BatchNorm2d(256), nn.ReLU(True), "
           "nn.ConvTranspose2d(256, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(True), "
           "nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(True), "
           "nn.ConvTranspose2d(64, 3, 4, 2, 1, bias=False), nn.Tanh())")
DCGAN_D = ("nn.Sequential("
           "nn.Conv2d(3, 64, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True), "
           "nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2, inplace=True), "
           "nn.Conv2d(128, 256, 4, 2, 1, bias=False), nn.BatchNorm2d(256), nn.LeakyReLU(0.2, inplace=True), "
           "nn.Conv2d(256, 512, 4, 2, 1, bias=False), nn.BatchNorm2d(512), nn.LeakyReLU(0.2, inplace=True), "
           "nn.Conv2d(512, 1, 4, 1, 0, bias=False), nn.Sigmoid())")
ENC_DEC = ("nn.Sequential("
           "nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), "
           "nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), "
           "nn.ConvTranspose2d(32, 16, 2, stride=2), nn.ReLU(), "
           "nn.ConvTranspose2d(16, 3, 2, stride=2), nn.Sigmoid())")
NESTED = ("nn.Sequential("
          "nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU()), "
          "nn.Sequential(nn.Sequential(nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.ReLU()), "
          "nn.MaxPool2d(2)), "
          "nn.Conv2d(16, 4, 1))")
ALL_KINDS = ("nn.Sequential("
             "nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True), "
             "nn.MaxPool2d(3, stride=2, padding=1), nn.Conv2d(8, 8, 3, groups=2, dilation=2), "
             "nn.LeakyReLU(0.1), nn.Dropout2d(0.2), nn.AvgPool2d(2), nn.GELU(), nn.Identity(), "
             "nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1), nn.Tanh(), "
             "nn.Dropout(0.5), nn.Conv2d(4, 1, 1), nn.Sigmoid())")
CEIL = ("nn.Sequential("
        "nn.Conv2d(3, 8, 3), nn.AvgPool2d(2, ceil_mode=True), nn.ReLU(), "
        "nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False), "
        "nn.MaxPool2d(2, ceil_mode=True), nn.Conv2d(8, 4, 1))")

FIXTURES = [
    # id, source, input_shape
    ("resnet18_layer1", "models.resnet18(weights=None).layer1", [1, 64, 56, 56]),
    ("resnet18_trunk", "nn.Sequential(*list(models.resnet18(weights=None).children())[:-2])",
     [1, 3, 224, 224]),
    ("resnet18", "models.resnet18(weights=None)", [1, 3, 224, 224]),
    ("squeezenet1_0_features", "models.squeezenet1_0(weights=None).features", [1, 3, 224, 224]),
    ("densenet121_features", "models.densenet121(weights=None).features", [1, 3, 64, 64]),
    ("googlenet", "models.googlenet(weights=None)", [1, 3, 224, 224]),
    ("mobilenet_v2_features", "models.mobilenet_v2(weights=None).features", [1, 3, 224, 224]),
    ("efficientnet_b0_features", "models.efficientnet_b0(weights=None).features", [1, 3, 224, 224]),
    ("shufflenet_v2_x0_5", "models.shufflenet_v2_x0_5(weights=None)", [1, 3, 224, 224]),
    ("shufflenet_v2_x0_5_stage2", "models.shufflenet_v2_x0_5(weights=None).stage2", [1, 24, 56, 56]),
    ("vgg16_features", "models.vgg16(weights=None).features", [1, 3, 64, 64]),
    ("vgg11_bn_features", "models.vgg11_bn(weights=None).features", [1, 3, 64, 64]),
    ("alexnet_features", "models.alexnet(weights=None).features", [1, 3, 224, 224]),
    ("resnet18_stem",
     "(lambda m: nn.Sequential(m.conv1, m.bn1, m.relu, m.maxpool))(models.resnet18(weights=None))",
     [1, 3, 224, 224]),
    ("dcgan_generator", DCGAN_G, [1, 100, 1, 1]),
    ("dcgan_discriminator", DCGAN_D, [1, 3, 64, 64]),
    ("encoder_decoder", ENC_DEC, [1, 3, 32, 32]),
    ("nested_sequential", NESTED, [1, 3, 32, 32]),
    ("all_kinds", ALL_KINDS, [1, 3, 33, 33]),
    ("repeated_sequentials",
     "nn.Sequential(*[nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.ReLU()) for _ in range(3)])",
     [1, 8, 16, 16]),
    ("repeated_leaves",
     "nn.Sequential(nn.Conv2d(3, 8, 1), *[nn.Conv2d(8, 8, 3, padding=1) for _ in range(3)])",
     [1, 3, 16, 16]),
    ("avgpool_ceil_mode", CEIL, [1, 3, 16, 19]),
    ("modulelist_repeat_leaves",
     "nn.Sequential(nn.ModuleList([nn.Conv2d(3, 8, 1)] + [nn.Conv2d(8, 8, 3, padding=1) for _ in range(3)]))",
     [1, 3, 16, 16]),
    ("modulelist_repeat_sequentials",
     "nn.Sequential(nn.Conv2d(3, 8, 1), "
     "nn.ModuleList([nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.ReLU()) for _ in range(3)]))",
     [1, 3, 16, 16]),
    ("custom_module_child", "nn.Sequential(nn.Conv2d(3, 8, 3), ResidualBlock(8), nn.ReLU())",
     [1, 3, 16, 16]),
    ("sequential_subclass",
     "nn.Sequential(nn.Conv2d(3, 8, 3), Stage(nn.Conv2d(8, 8, 3), nn.ReLU()), nn.MaxPool2d(2))",
     [1, 3, 16, 16]),
]


# --- reading the print back ------------------------------------------------------------------------

ROOT = re.compile(r"^(\w+)\((.*)$")
CHILD = re.compile(r"^( *)\(([^)]+)\): (?:(\d+) x )?(\w+)\((.*)$")


def parse_print(text):
    """Every module line of a print: (line number, qualified name, class, opens a container,
    repeat count). A repeat line `(a-b): n x` is named by its first index a."""
    lines = text.split("\n")
    out = []
    stack = []  # (indent of the container's children, qualified name)
    m = ROOT.match(lines[0])
    assert m, lines[0]
    if lines[0].endswith("("):
        stack.append((2, ""))
    out.append((1, "", m.group(1), lines[0].endswith("("), 1))
    for number, line in enumerate(lines[1:], 2):
        if line.strip() == ")":
            stack.pop()
            continue
        m = CHILD.match(line)
        assert m, f"line {number}: {line!r}"
        indent, key, count, cls, _ = m.groups()
        assert stack and len(indent) == stack[-1][0], f"line {number}: indent"
        first = key.split("-")[0]
        if count:
            a, b = map(int, key.split("-"))
            assert b - a + 1 == int(count)
        parent = stack[-1][1]
        name = f"{parent}.{first}" if parent else first
        opens = line.endswith("(")
        out.append((number, name, cls, opens, int(count) if count else 1))
        if opens:
            stack.append((len(indent) + 2, name))
    assert not stack, "unclosed container"
    return out


# --- one fixture -----------------------------------------------------------------------------------

def hidden_arguments(module):
    """Constructor arguments set to a non-default value that the module's print does not show."""
    hides = []
    if isinstance(module, nn.AvgPool2d):
        if module.ceil_mode:
            hides.append("ceil_mode")
        if not module.count_include_pad:
            hides.append("count_include_pad")
        if module.divisor_override is not None:
            hides.append("divisor_override")
    if isinstance(module, nn.MaxPool2d) and module.return_indices:
        hides.append("return_indices")
    return hides


def own_params(module):
    return sum(p.numel() for p in module.parameters(recurse=False))


def make(fixture_id, source, input_shape):
    torch.manual_seed(0)
    module = eval(source).eval()  # noqa: S307 - our own expressions
    text = str(module)
    parsed = parse_print(text)
    named = dict(module.named_modules())

    # The print and named_modules() agree on names and classes, in the same (pre-)order.
    for number, name, cls, opens, count in parsed:
        first, _, last = name.rpartition(".")
        for k in range(count):
            q = f"{first}.{int(last) + k}" if count > 1 and first else (str(int(last) + k) if count > 1 else name)
            assert q in named, (fixture_id, number, q)
            assert type(named[q]).__name__ == cls, (fixture_id, number, q, cls)
            assert bool(list(named[q].children())) == opens, (fixture_id, number, q)
    lines_of = {name: number for number, name, *_ in parsed}

    containers = [(n, m) for n, m in module.named_modules() if list(m.children())]
    foreign = [(n, m) for n, m in containers if type(m) is not nn.Sequential]
    first_line = next(((number, name, cls) for number, name, cls, opens, _ in parsed
                       if opens and cls != "Sequential"), None)
    assert (first_line is None) == (not foreign), fixture_id
    if first_line:
        assert first_line[1] == foreign[0][0], (fixture_id, first_line, foreign[0][0])

    record = {"id": fixture_id, "source": source, "torch": torch.__version__,
              "torchvision": TORCHVISION, "input_shape": input_shape}
    torch.manual_seed(0)
    x = torch.randn(*input_shape)

    if foreign:
        number, name, cls = first_line
        record.update(expect="refuse", container=cls, container_line=number, container_name=name)
        if type(module).forward is not nn.Module.forward and not isinstance(module, nn.ModuleList):
            try:
                with torch.no_grad():
                    y = module(x.clone())
                record["output_shape"] = list(y.shape)
            except NotImplementedError:  # a ModuleList inside: no forward
                pass
        summary = f"refuse  line {number:3d} {cls} ({name or '<root>'})"
        return text, record, summary

    # --- trace: every container is nn.Sequential -------------------------------------------------
    leaves = [(n, m) for n, m in module.named_modules() if not list(m.children())]
    for n, m in leaves:
        assert isinstance(m, SUPPORTED), (fixture_id, n, type(m).__name__)
        assert "\n" not in repr(m)
    calls = []
    handles = [m.register_forward_hook(
        lambda mod, inp, out, n=n: calls.append((n, list(inp[0].shape), list(out.shape))))
        for n, m in leaves]
    with torch.no_grad():
        y = module(x.clone())
    for h in handles:
        h.remove()
    assert [c[0] for c in calls] == [n for n, _ in leaves], (fixture_id, "each leaf once, in print order")
    with torch.no_grad():
        y_flat = nn.Sequential(*[m for _, m in leaves])(x.clone())
    assert torch.equal(y, y_flat), fixture_id

    nodes = []
    for (n, m), (cn, ins, outs) in zip(leaves, calls):
        node = {"name": n, "module": repr(m), "line": lines_of[n], "input_shape": ins,
                "output_shape": outs, "params": own_params(m)}
        hides = hidden_arguments(m)
        if hides:
            node["print_hides"] = hides
        nodes.append(node)
    params = sum(p.numel() for p in module.parameters())
    assert params == sum(node["params"] for node in nodes)
    record.update(expect="trace", nodes=nodes, output_shape=list(y.shape), params=params)
    summary = f"trace   {len(nodes):3d} leaves  {input_shape} -> {list(y.shape)}  {params} params"
    return text, record, summary


def main():
    os.makedirs(OUT, exist_ok=True)
    for fixture_id, source, input_shape in FIXTURES:
        text, record, summary = make(fixture_id, source, input_shape)
        with open(os.path.join(OUT, f"{fixture_id}.txt"), "w") as f:
            f.write(text + "\n")
        with open(os.path.join(OUT, f"{fixture_id}.json"), "w") as f:
            f.write(dump(record))
        print(f"{fixture_id:30s} {summary}")


if __name__ == "__main__":
    main()
