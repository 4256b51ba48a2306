"""Writes Tests/ConvScopeAppTests/Fixtures/transposed_node_torch.json: what the model screen's
direct and scatter views of a ConvTranspose2d must show, computed by real torch.

The model Conv2d(1, 8, 3, padding=1) -> ConvTranspose2d(8, 4, 3, stride=2, padding=1,
output_padding=1) on the ramp input (x[c, y, x] = x, 1x1x6x6), all-ones weights and zero biases
(convscope's weights for a model): the ConvTranspose2d's input and output, and the output again
computed as the direct convolution (zeros inserted, padded, kernel flipped, in/out swapped).
Also the parameter counts and output shapes of the course screen's cost and formula panels' layers.
"""
import json
import pathlib
import torch
import torch.nn.functional as F

x = torch.arange(6, dtype=torch.float32).expand(1, 1, 6, 6).contiguous()
conv = torch.nn.Conv2d(1, 8, 3, padding=1)
up = torch.nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)
with torch.no_grad():
    for layer in (conv, up):
        layer.weight.fill_(1)
        layer.bias.zero_()
    h = conv(x)
    y = up(h)
    s, p, k, op = 2, 1, 3, 1
    inserted = torch.zeros(1, 8, (6 - 1) * s + 1, (6 - 1) * s + 1)
    inserted[:, :, ::s, ::s] = h
    pad = k - 1 - p
    direct_input = F.pad(inserted, (pad, pad + op, pad, pad + op))
    direct = F.conv2d(direct_input, up.weight.flip(-1, -2).transpose(0, 1))
out = {"torch": torch.__version__, "input_shape": list(h.shape), "input": h.flatten().tolist(),
       "output_shape": list(y.shape), "output": y.flatten().tolist(), "direct": direct.flatten().tolist()}
panels = []
for args, kwargs, shape in [((8, 4, 3), dict(stride=2, padding=1, output_padding=1, bias=False), (1, 8, 4, 4)),
                            ((4, 6, 3), dict(stride=2, groups=2, bias=True, dilation=2), (1, 4, 5, 5))]:
    layer = torch.nn.ConvTranspose2d(*args, **kwargs)
    panels.append({"repr": repr(layer), "parameters": sum(t.numel() for t in layer.parameters()),
                   "output_shape": list(layer(torch.zeros(shape)).shape)})
out["panels"] = panels
# The course screen's depthwise-separable pair: Conv2d(3, 3, 3, padding=1, groups=3) then Conv2d(3, 6, 1), all-ones
# weights, no bias, on the 1x3x8x8 ramp.
ramp = torch.arange(8, dtype=torch.float32).expand(1, 3, 8, 8).contiguous()
depthwise = torch.nn.Conv2d(3, 3, 3, padding=1, groups=3, bias=False)
pointwise = torch.nn.Conv2d(3, 6, 1, bias=False)
with torch.no_grad():
    depthwise.weight.fill_(1)
    pointwise.weight.fill_(1)
    z = pointwise(depthwise(ramp))
out["pointwise"] = {"output_shape": list(z.shape), "output": z.flatten().tolist()}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/ConvScopeAppTests/Fixtures/transposed_node_torch.json"
path.write_text(json.dumps(out) + "\n")
print("wrote", path)
