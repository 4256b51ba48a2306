#!/usr/bin/env python3
"""Generates Tests/ConvCoreTests/Fixtures/fx_weight_sources/<id>.json: what real PyTorch 2.13
computes for every node of an fx_prints model (sources as in scripts/make_fx_fixtures.py) when
some of its convolutions take their weights from a weight source instead of the course
notebook's all ones: the `random:<start>` kernel preset, i.e. integers in -3..3 drawn by
SplitMix64 from `start` in [C_out, C_in/g, kH, kW] order (ConvTranspose2d: [C_in, C_out/g, kH,
kW]), and, for a layer with bias=True, one bias value in every channel. Every other weight is
the course notebook's (scripts/make_fx_value_fixtures.py). Input: the ramp x[0, c, y, x] = x.

Per model: id, torch, input_shape, sources = [{node, start, bias}], nodes as in fx_values
(name, shape, sum, abs_sum, nonfinite, samples).

    python3 scripts/make_weight_source_fixture.py
"""
import os
import sys
import warnings

import torch
import torch.fx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fx_fixtures as fx  # noqa: E402
from fixture_json import dump  # noqa: E402
from make_conv2d_fixtures import seeded_integers  # noqa: E402
from make_fx_value_fixtures import node_values, notebook_weights, ramp  # noqa: E402

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "fx_weight_sources")

# (id, input shape, [(fx node name, random start, bias value)])
CASES = [
    ("resnet18", [1, 3, 32, 32], [("conv1", 7, 0.0), ("layer1_0_conv1", 11, 0.0), ("layer2_0_downsample_0", 5, 0.0)]),
    ("unet_small", [1, 1, 16, 16], [("enc1_0", 3, 0.5), ("up1", 9, -1.0), ("head", 2, 0.25)]),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    sources = {fixture_id: source for fixture_id, source, _ in fx.FIXTURES}
    for fixture_id, shape, weighed in CASES:
        torch.manual_seed(0)
        model = notebook_weights(eval(sources[fixture_id], vars(fx)).eval())
        gm = torch.fx.symbolic_trace(model)
        targets = {n.name: n.target for n in gm.graph.nodes if n.op == "call_module"}
        with torch.no_grad():
            for node, start, bias in weighed:
                module = gm.get_submodule(targets[node])
                w = module.weight
                values = seeded_integers(start, w.numel(), -3, 3)
                w.copy_(torch.tensor(values, dtype=torch.float32).reshape(w.shape))
                if module.bias is not None:
                    module.bias.fill_(bias)
        nodes = node_values(gm, ramp(shape))
        record = {"id": fixture_id, "torch": torch.__version__, "input_shape": shape,
                  "sources": [{"node": n, "start": s, "bias": b} for n, s, b in weighed], "nodes": nodes}
        with open(os.path.join(OUT, f"{fixture_id}.json"), "w") as f:
            f.write(dump(record))
        print(f"{fixture_id:12s} {len(nodes)} tensor nodes, {len(weighed)} weighed by random sources")


if __name__ == "__main__":
    main()
