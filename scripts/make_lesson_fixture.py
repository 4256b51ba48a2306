#!/usr/bin/env python3
"""Generates Tests/ConvScopeAppTests/Fixtures/lesson_vgg_like_torch.json: the values PyTorch 2.13
computes for Tests/ConvScopeAppTests/Fixtures/lesson_vgg_like.txt (a VGG-like features list) on
convscope's ramp input x[c, y, x] = x of shape 1×3×16×16, eval mode, every Conv2d weighed as the
course notebook does (weight 1, bias 0) except features.3, weighed by a convscope kernel preset
(sobel-x: the 3×3 filter [1,2,1]ᵀ·[−1,0,1] on the (o, o mod C_in) pairs, zeros elsewhere).

The JSON holds, for both weighings ("ones" and "sobel-x"), each layer's output shape and values
(flattened, C order): the model screen's values after the layer is opened in the course screen,
given the preset, and written back.

    python3 scripts/make_lesson_fixture.py
"""
import json
import os

import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/ConvScopeAppTests/Fixtures/lesson_vgg_like_torch.json")


def model():
    return nn.Sequential(
        nn.Conv2d(3, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False),
        nn.Conv2d(4, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),
        nn.ReLU(inplace=True),
        nn.Conv2d(4, 2, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False),
    ).eval()


def run(preset):
    m = model()
    with torch.no_grad():
        for layer in m:
            if isinstance(layer, nn.Conv2d):
                layer.weight.fill_(1)
                layer.bias.zero_()
        if preset == "sobel-x":
            f = torch.outer(torch.tensor([1., 2., 1.]), torch.tensor([-1., 0., 1.]))
            conv = m[3]
            conv.weight.zero_()
            for o in range(conv.weight.shape[0]):
                conv.weight[o, o % conv.weight.shape[1]] = f
        x = torch.arange(16.).repeat(1, 3, 16, 1)
        layers = []
        for layer in m:
            x = layer(x)
            layers.append({"shape": list(x.shape), "values": x.flatten().tolist()})
    return layers


def main():
    data = {"torch": torch.__version__, "model": "lesson_vgg_like.txt", "input_shape": [1, 3, 16, 16],
            "input": "ramp x[c,y,x] = x", "ones": run("ones"), "sobel-x": run("sobel-x")}
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
