import ConvCore

extension StackJSONWriter {
    /// `render --format json` of a torch.fx print: `{"input_shape", "input", "nodes": [...]}`, each
    /// node with its name, target, op, inputs and its value — `output` as nested lists like
    /// `tensor.tolist()` for a tensor, `outputs` for chunk's tensors, `value` for sizes or an
    /// integer — written as it is computed and then freed; `"error"`, `"layer"` and `"name"` follow
    /// when a node broke. Returns false when one broke.
    @discardableResult
    public mutating func writeGraphValues(_ trace: GraphTrace, inputName: String, input: GraphTensor) -> Bool {
        json.append("{\"input_shape\": "); json.appendShape(input.shape)
        json.append(", \"input\": "); json.appendNested(shape: input.shape, values: input.storage)
        json.append(", \"nodes\": [")
        GraphForward.streamShared(trace, inputName: inputName, input: input, sharingPlanes: true) { index, shared in
            let node = trace.steps[index].node
            if index > 0 { json.append(", ") }
            json.append("{\"name\": "); json.appendString(node.name)
            json.append(", \"target\": "); json.appendString(node.target)
            json.append(", \"op\": "); json.appendString(node.op)
            json.append(", \"inputs\": [" + node.inputs.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
            if case let .maps(maps) = shared {
                // Channels sharing a plane repeat its text: formatted once, copied.
                json.append(", \"output_shape\": "); json.appendShape(maps.shape)
                json.append(", \"output\": "); json.appendSharedMaps(maps)
                json.append("}")
                return
            }
            switch shared.expanded {
            case let .tensor(t):
                json.append(", \"output_shape\": "); json.appendShape(t.shape)
                json.append(", \"output\": "); json.appendNested(shape: t.shape, values: t.storage)
            case let .tensors(parts):
                json.append(", \"outputs\": [")
                for (i, t) in parts.enumerated() {
                    if i > 0 { json.append(", ") }
                    json.appendNested(shape: t.shape, values: t.storage)
                }
                json.append("]")
            case let .integers(sizes): json.append(", \"value\": "); json.appendShape(sizes)
            case let .integer(n): json.append(", \"value\": \(n)")
            }
            json.append("}")
        }
        json.append("]")
        if let failure = trace.failure {
            json.append(", \"error\": "); json.appendString(failure.error.message)
            json.append(", \"layer\": \(failure.index)")
            json.append(", \"name\": "); json.appendString(trace.steps[failure.index].node.name)
        }
        json.append("}\n")
        json.flush()
        return trace.failure == nil
    }
}
