"""Writes Tests/ConvCoreTests/Fixtures/course_sequence_torch.json: what the course screen's Conv1d
(layer_kind Conv1d, the width rows) must compute, by real torch.

Each case is the rows (length, in/out channels, kernel, stride, padding amount or 'same'/'valid',
dilation, groups, bias value or none, padding_mode, causal) run on the screen's input (the ramp
x[c, t] = t) with all-ones weights: the output, or PyTorch's refusal (type and message). A causal
case is F.pad(x, (dilation*(k-1), 0)) then the layer with padding=0, as WaveNet/TCN build it.
"""
import json
import pathlib
import random
import torch
import torch.nn.functional as F

random.seed(31)
CASES = [
    dict(length=8, cin=3, cout=2, k=3),
    dict(length=8, cin=3, cout=2, k=3, causal=True),
    dict(length=16, cin=1, cout=1, k=2, dilation=4, causal=True),
    dict(length=12, cin=2, cout=4, k=3, stride=2, padding=2, bias=5),
    dict(length=9, cin=2, cout=2, k=4, padding="same", dilation=2),
    dict(length=9, cin=2, cout=2, k=3, padding="valid"),
    dict(length=7, cin=4, cout=2, k=3, groups=2, padding=1, mode="reflect"),
    dict(length=7, cin=2, cout=2, k=3, padding=2, mode="circular"),
    dict(length=7, cin=2, cout=2, k=3, padding=3, mode="replicate", stride=3),
    # PyTorch's refusals.
    dict(length=4, cin=1, cout=1, k=6),
    dict(length=4, cin=1, cout=1, k=3, padding=4, mode="reflect"),
    dict(length=4, cin=1, cout=1, k=3, padding=5, mode="circular"),
    dict(length=8, cin=3, cout=2, k=3, groups=2),
    dict(length=8, cin=2, cout=3, k=3, groups=2),
    dict(length=8, cin=2, cout=2, k=3, padding="same", stride=2),
    dict(length=3, cin=1, cout=1, k=3, dilation=3),
]
for _ in range(24):
    k = random.randint(1, 5)
    CASES.append(dict(length=random.randint(1, 20), cin=random.choice([1, 2, 4]), cout=random.choice([1, 2, 4]), k=k,
                      stride=random.randint(1, 3), padding=random.choice([0, 1, 2, "same", "valid"]),
                      dilation=random.randint(1, 3), groups=random.choice([1, 1, 2]),
                      bias=random.choice([None, 1, -3]), mode=random.choice(["zeros", "reflect", "replicate", "circular"]),
                      causal=random.random() < 0.3))


def run(case):
    c = dict(stride=1, padding=0, dilation=1, groups=1, bias=None, mode="zeros", causal=False)
    c.update(case)
    x = torch.arange(c["length"], dtype=torch.float32).expand(1, c["cin"], c["length"]).contiguous()
    result = {"case": c}
    try:
        if c["causal"]:
            layer = torch.nn.Conv1d(c["cin"], c["cout"], c["k"], stride=c["stride"], padding=0, dilation=c["dilation"],
                                    groups=c["groups"], bias=c["bias"] is not None)
            x = F.pad(x, (c["dilation"] * (c["k"] - 1), 0))
        else:
            layer = torch.nn.Conv1d(c["cin"], c["cout"], c["k"], stride=c["stride"], padding=c["padding"],
                                    dilation=c["dilation"], groups=c["groups"], bias=c["bias"] is not None,
                                    padding_mode=c["mode"])
        with torch.no_grad():
            layer.weight.fill_(1)
            if layer.bias is not None:
                layer.bias.fill_(c["bias"])
            y = layer(x)
        result.update(output_shape=list(y.shape), output=y.flatten().tolist())
    except Exception as e:  # noqa: BLE001 - the message is the fixture
        result.update(type=type(e).__name__, message=str(e))
    return result


out = {"torch": torch.__version__, "cases": [run(c) for c in CASES]}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/ConvCoreTests/Fixtures/course_sequence_torch.json"
path.write_text(json.dumps(out) + "\n")
print("wrote", path, len(out["cases"]), "cases,", sum("message" in c for c in out["cases"]), "refused")
