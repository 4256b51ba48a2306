#!/usr/bin/env python3
"""Writes Tests/ConvCoreTests/Fixtures/fx_family/: what `print(torch.fx.symbolic_trace(model))`
prints (real PyTorch 2.13) for small models of the convolution family beside Conv2d, with the
module each node calls, every node's output shape and, for the models convscope traces, every
node's values with the course notebook's weights (Conv and Linear weights 1, biases 0) on the ramp
x[0, c, …, i] = i along the last axis.

sequence_head (Conv1d, BatchNorm1d, relu, MaxPool1d, AdaptiveAvgPool1d, flatten, Linear: its
BatchNorm1d is not traced), volume_head (Conv3d, relu, MaxPool3d, flatten, Linear) and
sequence_net (Conv1d, relu, MaxPool1d, dilated Conv1d, ConvTranspose1d, flatten, Linear).

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


class SequenceNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(2, 4, 3, padding=1)
        self.pool = nn.MaxPool1d(2)
        self.conv2 = nn.Conv1d(4, 4, 3, dilation=2, padding=2)
        self.up = nn.ConvTranspose1d(4, 2, 3, stride=2, padding=1, output_padding=1)
        self.fc = nn.Linear(2 * 8, 3)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.up(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


def ramp(shape):
    return torch.arange(shape[-1], dtype=torch.float32).expand(*shape).contiguous()


def notebook_weights(model):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv1d, nn.Conv3d, nn.ConvTranspose1d, nn.Linear)):
                m.weight.fill_(1)
                m.bias.zero_()


def main():
    os.makedirs(OUT, exist_ok=True)
    models = [("sequence_head", SequenceHead(), (1, 2, 8)), ("volume_head", VolumeHead(), (1, 1, 4, 4, 4)),
              ("sequence_net", SequenceNet(), (1, 2, 8))]
    for name, model, shape in models:
        notebook_weights(model)
        gm = torch.fx.symbolic_trace(model.eval())
        assert torch.equal(gm(ramp(shape)), model(ramp(shape)))
        with open(os.path.join(OUT, name + ".txt"), "w") as f:
            f.write(str(gm) + "\n")
        modules = dict(gm.named_modules())
        values = {}
        env = {}
        for n in gm.graph.nodes:
            if n.op == "placeholder":
                env[n.name] = ramp(shape)
            elif n.op != "output":
                args = torch.fx.node.map_arg(n.args, lambda a: env[a.name])
                kwargs = torch.fx.node.map_arg(n.kwargs, lambda a: env[a.name])
                if n.op == "call_module":
                    env[n.name] = modules[n.target](*args, **kwargs)
                elif n.op == "call_function":
                    env[n.name] = n.target(*args, **kwargs)
                else:
                    env[n.name] = getattr(args[0], n.target)(*args[1:], **kwargs)
                values[n.name] = env[n.name]
        nodes = [{"name": n.name, "class": type(modules[n.target]).__name__ if n.op == "call_module" else None,
                  "shape": list(values[n.name].shape), "values": values[n.name].reshape(-1).tolist()}
                 for n in gm.graph.nodes if n.op not in ("placeholder", "output")]
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump({"torch": torch.__version__, "input_shape": list(shape), "nodes": nodes}, f)
            f.write("\n")


if __name__ == "__main__":
    main()
