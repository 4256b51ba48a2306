"""Writes Tests/ConvScopeAppTests/Fixtures/course_layer_line_torch.json: what real torch prints
for the course screen's layer as its rows ask for it, for every layer kind of the kind row and
every padding form and mode the course-layer-line test sets (2 -> 2 channels, kernel 5, no bias,
an 8x8 input, a length-8 sequence for Conv1d): the module's repr, or the constructor's refusal,
and the forward's refusal.
"""
import json
import pathlib
import torch
import torch.nn as nn

forms = {"zero": (0, 0), "square": (1, 1), "perAxis": (1, 3), "same": "same", "valid": "valid"}
kinds = {"Conv2d": nn.Conv2d, "ConvTranspose2d": nn.ConvTranspose2d, "Conv1d": nn.Conv1d}
cases = []
for kind, cls in kinds.items():
    for form, padding in forms.items():
        for mode in ["zeros", "reflect"]:
            # Conv1d reads the width rows: the width amount.
            given = padding if isinstance(padding, str) else (padding[1] if kind == "Conv1d" else padding)
            case = {"kind": kind, "form": form, "mode": mode}
            try:
                module = cls(2, 2, 5, padding=given, padding_mode=mode, bias=False)
                case["repr"] = repr(module)
                x = torch.ones(1, 2, 8) if kind == "Conv1d" else torch.ones(1, 2, 8, 8)
                try:
                    module(x)
                except Exception as e:  # noqa: BLE001 - the message is the fixture
                    case["error"] = {"type": type(e).__name__, "message": str(e)}
            except Exception as e:  # noqa: BLE001
                case["error"] = {"type": type(e).__name__, "message": str(e)}
            cases.append(case)
out = {"torch": torch.__version__, "cases": cases}
path = pathlib.Path(__file__).resolve().parent.parent / "Tests/ConvScopeAppTests/Fixtures/course_layer_line_torch.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}")
