"""Writes Tests/ConvScopeAppTests/Fixtures/transposed_animation_torch.json: the ConvTranspose2d
whose animation (render --view direct|scatter --animate) the tests play, with its input, its
weight and the output PyTorch computes; integers, so every sum is exact in float32.
Run with torch installed: python3 scripts/make_transposed_animation_fixture.py"""
import json
import os

import torch

LAYER = dict(in_channels=2, out_channels=1, kernel_size=3, stride=2, padding=1, output_padding=1, bias=False)
INPUT_SHAPE = [1, 2, 4, 4]


def main():
    layer = torch.nn.ConvTranspose2d(**LAYER)
    n, c, h, w = INPUT_SHAPE
    x = torch.tensor([[[[(3 * y + col + ch) % 5 for col in range(w)] for y in range(h)] for ch in range(c)]],
                     dtype=torch.float32)
    # An asymmetric kernel, so the direct form's flip shows: (ky + 2·kx + c) mod 4 − 1.
    weight = torch.tensor([[[[(ky + 2 * kx + ch) % 4 - 1 for kx in range(3)] for ky in range(3)]] for ch in range(c)],
                          dtype=torch.float32)
    with torch.no_grad():
        layer.weight.copy_(weight)
        y = layer(x)
    record = {"torch": torch.__version__, "layer": repr(layer), **LAYER, "input_shape": INPUT_SHAPE,
              "input": [int(v) for v in x.flatten().tolist()], "weight_shape": list(weight.shape),
              "weight": [int(v) for v in weight.flatten().tolist()], "output_shape": list(y.shape),
              "output": [int(v) for v in y.flatten().tolist()]}
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "ConvScopeAppTests", "Fixtures",
                        "transposed_animation_torch.json")
    with open(path, "w") as f:
        json.dump(record, f)
        f.write("\n")


if __name__ == "__main__":
    main()
