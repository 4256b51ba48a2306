"""The JSON layout of the model fixtures (model_prints/, fx_prints/): one key per line, one node
per line, so a diff of a regenerated fixture shows the node that changed."""
import json


def dump(record):
    """Compact JSON, one key per line, one node per line."""
    parts = []
    for key, value in record.items():
        if key == "nodes":
            rows = ",\n".join("  " + json.dumps(node, separators=(", ", ": ")) for node in value)
            parts.append(f'"nodes": [\n{rows}\n]')
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, separators=(', ', ': '))}")
    text = "{\n" + ",\n".join(parts) + "\n}\n"
    assert json.loads(text) == record
    return text
