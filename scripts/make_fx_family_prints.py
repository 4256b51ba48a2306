#!/usr/bin/env python3
"""Writes Tests/ConvCoreTests/Fixtures/fx_family/: what `print(torch.fx.symbolic_trace(model))`
prints (real PyTorch 2.13) for two small models of the convolution family beside Conv2d, a 1-D
head (Conv1d, BatchNorm1d, relu, MaxPool1d, AdaptiveAvgPool1d, flatten, Linear) and a 3-D one
(Conv3d, relu, MaxPool3d, flatten, Linear), with the module each node calls, so a test can
check convscope names the first node it does not trace.

    python3 scripts/make_fx_family_prints.py
"""
import json
import os

import torch
import torch.fx
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ConvCoreTests", "Fixtures", "fx_family")


class SequenceHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(2, 4, 3, padding=1)
        self.bn = nn.BatchNorm1d(4)
        self.pool = nn.MaxPool1d(2)
        self.gap = nn.AdaptiveAvgPool1d(1)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn(self.conv(x))))
        return self.fc(torch.flatten(self.gap(x), 1))


class VolumeHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(1, 2, 3, padding=1)
        self.pool = nn.MaxPool3d(2)
        self.fc = nn.Linear(2 * 2 * 2 * 2, 3)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        return self.fc(torch.flatten(x, 1))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, model, shape in [("sequence_head", SequenceHead(), (1, 2, 8)), ("volume_head", VolumeHead(), (1, 1, 4, 4, 4))]:
        gm = torch.fx.symbolic_trace(model.eval())
        assert gm(torch.randn(shape)).shape == model(torch.randn(shape)).shape
        with open(os.path.join(OUT, name + ".txt"), "w") as f:
            f.write(str(gm) + "\n")
        modules = dict(gm.named_modules())
        nodes = [{"name": n.name, "class": type(modules[n.target]).__name__ if n.op == "call_module" else None}
                 for n in gm.graph.nodes if n.op not in ("placeholder", "output")]
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump({"torch": torch.__version__, "input_shape": list(shape), "nodes": nodes}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
