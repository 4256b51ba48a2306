"""Writes Tests/ConvScopeAppTests/Fixtures/arith_torch.json: for each of the 15 figures of
Dumoulin & Visin's convolution arithmetic guide, the output PyTorch computes for the input and
kernel the figures draw ((3y + x) mod 4; the guide's 3x3 kernel, else (y + 2x) mod 3).
Run with torch installed: python3 scripts/make_arith_fixture.py"""
import json
import os

import torch
import torch.nn.functional as F

# name, i, k, s, p, d, transposed, output_padding: the same table as ArithConfig.all.
CONFIGS = [
    ("no_padding_no_strides", 4, 3, 1, 0, 1, False, 0),
    ("arbitrary_padding_no_strides", 5, 4, 1, 2, 1, False, 0),
    ("same_padding_no_strides", 5, 3, 1, 1, 1, False, 0),
    ("full_padding_no_strides", 5, 3, 1, 2, 1, False, 0),
    ("no_padding_strides", 5, 3, 2, 0, 1, False, 0),
    ("padding_strides", 5, 3, 2, 1, 1, False, 0),
    ("padding_strides_odd", 6, 3, 2, 1, 1, False, 0),
    ("no_padding_no_strides_transposed", 2, 3, 1, 0, 1, True, 0),
    ("arbitrary_padding_no_strides_transposed", 6, 4, 1, 2, 1, True, 0),
    ("same_padding_no_strides_transposed", 5, 3, 1, 1, 1, True, 0),
    ("full_padding_no_strides_transposed", 7, 3, 1, 2, 1, True, 0),
    ("no_padding_strides_transposed", 2, 3, 2, 0, 1, True, 0),
    ("padding_strides_transposed", 3, 3, 2, 1, 1, True, 0),
    ("padding_strides_odd_transposed", 3, 3, 2, 1, 1, True, 1),
    ("dilation", 7, 3, 1, 0, 2, False, 0),
]


def kernel(k):
    if k == 3:
        return [[0, 1, 2], [2, 2, 0], [0, 1, 2]]
    return [[(y + 2 * x) % 3 for x in range(k)] for y in range(k)]


def main():
    records = []
    for name, i, k, s, p, d, transposed, op in CONFIGS:
        x = torch.tensor([[(3 * y + c) % 4 for c in range(i)] for y in range(i)], dtype=torch.float32)[None, None]
        w = torch.tensor(kernel(k), dtype=torch.float32)[None, None]
        if transposed:
            y = F.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op, dilation=d)
        else:
            y = F.conv2d(x, w, stride=s, padding=p, dilation=d)
        records.append({"name": name, "output_shape": list(y.shape),
                        "output": [[int(v) for v in row] for row in y[0, 0].tolist()]})
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "ConvScopeAppTests", "Fixtures", "arith_torch.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        # One figure per line, so a diff shows the figure that changed.
        rows = ",\n".join("  " + json.dumps(r, separators=(", ", ": ")) for r in records)
        f.write(f'{{"torch": {json.dumps(torch.__version__)},\n "figures": [\n{rows}\n]}}\n')


if __name__ == "__main__":
    main()
