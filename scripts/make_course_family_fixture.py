"""Writes Tests/ConvScopeAppTests/Fixtures/course_family_torch.json: what the course screen's
ConvTranspose2d and true-convolution views must show, computed by real torch.

- ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) on the screen's ramp input
  (x[c, y, x] = x, 1x8x4x4) with all-ones weights: the whole output.
- The same layer with output_padding=2: PyTorch's refusal, type and message.
- The default screen (1x3x8x8 ramp, Conv2d(3, 1, 3)) with a sobel-x kernel on in-channel 0 and
  zeros elsewhere: cross-correlation and the true convolution (weight.flip(-1, -2)).
"""
import json
import pathlib
import torch
import torch.nn.functional as F

out = {"torch": torch.__version__}
x = torch.arange(4, dtype=torch.float32).expand(1, 8, 4, 4).contiguous()
layer = torch.nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1, bias=False)
with torch.no_grad():
    layer.weight.fill_(1)
    y = layer(x)
out["transposed"] = {"output_shape": list(y.shape), "output": y.flatten().tolist()}
try:
    torch.nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=2, bias=False)(x)
    out["refusal"] = None
except Exception as e:  # noqa: BLE001 - the message is the fixture
    out["refusal"] = {"type": type(e).__name__, "message": str(e)}
ramp = torch.arange(8, dtype=torch.float32).expand(1, 1, 8, 8).contiguous()
sobel = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]).view(1, 1, 3, 3)
corr = F.conv2d(ramp, sobel)
conv = F.conv2d(ramp, sobel.flip(-1, -2))
out["flip"] = {"output_shape": list(corr.shape), "correlation": corr.flatten().tolist(),
               "convolution": conv.flatten().tolist()}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/ConvScopeAppTests/Fixtures/course_family_torch.json"
path.write_text(json.dumps(out) + "\n")
print("wrote", path)
