"""Random traced forwards against PyTorch 2.13 (`compare_with_torch.py --graphs N [--start S]`).

Each case is a random DAG on a small ramp input: chains of Conv2d (1x1, 3x3, stride 1 or 2),
BatchNorm2d, activations (ReLU, ReLU6, SiLU, Hardswish, GELU), pools, nearest or bilinear 2x
resizing, with additions, multiplications and torch.cat of earlier nodes of matching shapes,
sometimes a flatten and Linear head. It is traced with torch.fx, its print is piped to
`convscope render --model - --format json`, and every node's values are compared with torch's
(torch.fx.Interpreter) on the same all-ones module: shapes equal, inf/NaN at the same places,
finite values within 1e-4 relative (1e-6 absolute near zero).
"""
import json
import random
import subprocess

import torch
import torch.fx
import torch.nn as nn
import torch.nn.functional as F

ACTIVATIONS = [nn.ReLU, nn.ReLU6, nn.SiLU, nn.Hardswish, nn.GELU]


class RandomDAG(nn.Module):
    def __init__(self, steps):
        super().__init__()
        self.steps = [(kind, arg if not isinstance(arg, nn.Module) else None, ins) for kind, arg, ins in steps]
        self.mods = nn.ModuleDict({f"n{i}": arg for i, (_, arg, _) in enumerate(steps) if isinstance(arg, nn.Module)})

    def forward(self, x):
        values = [x]
        for i, (kind, arg, ins) in enumerate(self.steps):
            a = [values[j] for j in ins]
            if kind == "module":
                y = self.mods[f"n{i}"](a[0])
            elif kind == "add":
                y = a[0] + a[1]
            elif kind == "mul":
                y = a[0] * a[1]
            elif kind == "cat":
                y = torch.cat(a, dim=1)
            elif kind == "flatten":
                y = torch.flatten(a[0], 1)
            else:
                y = F.interpolate(a[0], scale_factor=2, mode=arg, align_corners=None if arg == "nearest" else False)
            values.append(y)
        return values[-1]


def draw(rng):
    c, h, w = rng.randint(1, 4), rng.randint(3, 10), rng.randint(3, 10)
    shapes = [(c, h, w)]
    steps = []
    for _ in range(rng.randint(2, 9)):
        i = rng.randrange(len(shapes)) if rng.random() < 0.4 else len(shapes) - 1
        ci, hi, wi = shapes[i]
        choice = rng.random()
        same = [j for j in range(len(shapes)) if shapes[j] == shapes[i] and j != i]
        cat = [j for j in range(len(shapes)) if shapes[j][1:] == shapes[i][1:] and j != i]
        if choice < 0.3:
            k, s = rng.choice([1, 3]), rng.choice([1, 1, 2])
            co = rng.randint(1, 6)
            m = nn.Conv2d(ci, co, k, stride=s, padding=rng.choice([0, k // 2]), bias=rng.random() < 0.5)
            ho, wo = (hi + 2 * m.padding[0] - k) // s + 1, (wi + 2 * m.padding[1] - k) // s + 1
            if ho < 1 or wo < 1:
                continue
            steps.append(("module", m, [i])); shapes.append((co, ho, wo))
        elif choice < 0.42:
            steps.append(("module", rng.choice(ACTIVATIONS)(), [i])); shapes.append((ci, hi, wi))
        elif choice < 0.5:
            steps.append(("module", nn.BatchNorm2d(ci, eps=rng.choice([1e-5, 1e-3])), [i])); shapes.append((ci, hi, wi))
        elif choice < 0.58 and hi >= 2 and wi >= 2:
            pool = rng.choice([nn.MaxPool2d(2), nn.AvgPool2d(2), nn.AdaptiveAvgPool2d((max(1, hi // 2), max(1, wi // 3)))])
            steps.append(("module", pool, [i]))
            ho, wo = (hi // 2, wi // 2) if not isinstance(pool, nn.AdaptiveAvgPool2d) else pool.output_size
            shapes.append((ci, ho, wo))
        elif choice < 0.66 and hi * wi <= 64:
            steps.append(("interp", rng.choice(["nearest", "bilinear"]), [i])); shapes.append((ci, 2 * hi, 2 * wi))
        elif choice < 0.8 and same:
            steps.append((rng.choice(["add", "add", "mul"]), None, [i, rng.choice(same)])); shapes.append((ci, hi, wi))
        elif cat:
            j = rng.choice(cat)
            steps.append(("cat", None, [i, j])); shapes.append((ci + shapes[j][0], hi, wi))
    if not steps:  # every draw was skipped: a graph needs one node
        steps.append(("module", nn.ReLU(), [0]))
        shapes.append((c, h, w))
    if rng.random() < 0.3:
        ci, hi, wi = shapes[-1]
        steps.append(("flatten", None, [len(shapes) - 1]))
        steps.append(("module", nn.Linear(ci * hi * wi, rng.randint(1, 5)), [len(shapes)]))
    return RandomDAG(steps), [1, c, h, w]


def notebook_weights(model):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                m.weight.fill_(1)
                if m.bias is not None:
                    m.bias.zero_()
    return model.eval()


def torch_nodes(gm, x):
    out = {}

    class Recorder(torch.fx.Interpreter):
        def run_node(self, n):
            r = super().run_node(n)
            if n.op not in ("placeholder", "output") and isinstance(r, torch.Tensor):
                out[n.name] = r.detach().double()
            return r

    with torch.no_grad():
        Recorder(gm).run(x)
    return out


def same(ours, theirs):
    if list(ours.shape) != list(theirs.shape):
        return f"shape {list(ours.shape)} vs {list(theirs.shape)}"
    fo, ft = torch.isfinite(ours), torch.isfinite(theirs)
    if not torch.equal(fo, ft) or not torch.equal(ours[~fo].isnan(), theirs[~ft].isnan()):
        return "inf/nan at other places"
    bad = (ours[fo] - theirs[ft]).abs() > 1e-4 * theirs[ft].abs() + 1e-6
    return f"{int(bad.sum())} values differ" if bad.any() else None


def compare_graphs(count, start, binary):
    failed = 0
    nodes = 0
    for case in range(start, start + count):
        rng = random.Random(case)
        model, shape = draw(rng)
        gm = torch.fx.symbolic_trace(notebook_weights(model))
        x = torch.arange(shape[3], dtype=torch.float32).expand(*shape).contiguous()
        theirs = torch_nodes(gm, x)
        run = subprocess.run([binary, "render", "--model", "-", "--format", "json", "--in-channels", str(shape[1]),
                              "--h-in", str(shape[2]), "--w-in", str(shape[3])],
                             input=str(gm) + "\n", capture_output=True, text=True)
        problem = None
        if run.returncode != 0:
            problem = f"exit {run.returncode}: {run.stderr.strip()[:200]}"
        else:
            ours = {n["name"]: n for n in json.loads(run.stdout)["nodes"]}
            for name, t in theirs.items():
                if name not in ours or "output" not in ours[name]:
                    problem = f"{name} missing"
                    break
                problem = same(torch.tensor(ours[name]["output"], dtype=torch.float64), t)
                if problem:
                    problem = f"{name}: {problem}"
                    break
                nodes += 1
        if problem:
            failed += 1
            print(f"MISMATCH case {case}: {problem}")
    print(f"start {start}: {count} random traced graphs, {nodes} nodes compared, {failed} mismatches")
    return failed
