import ConvCore

extension StackJSONWriter {
    /// `render --layers --format json` of a torch.fx print, in the shape a Sequential's table has:
    /// `name` is the node's name in the forward, `target` the module's qualified name or the
    /// function, `op` the class or function, `inputs` every node it reads (the forward's argument
    /// for the model's input); `input_shapes` lists every input's shape where a join has several.
    @discardableResult
    public mutating func writeGraphTable(_ trace: GraphTrace) -> Bool {
        var out = "{\"input_shape\": " + Self.list(trace.inputShape) + ", \"nodes\": ["
        for (index, step) in trace.steps.enumerated() where step.status == .ran {
            let node = step.node
            out += (index > 0 ? ", " : "") + "{\"name\": " + Self.quoted(node.name) + ", \"target\": " + Self.quoted(node.target)
                + ", \"op\": " + Self.quoted(node.op) + ", \"module\": " + (node.module.map(Self.quoted) ?? "null")
                + ", \"inputs\": [" + node.inputs.map(Self.quoted).joined(separator: ", ") + "]"
                + ", \"input_shape\": " + Self.list(step.inputShapes.first ?? [])
                + ", \"input_shapes\": [" + step.inputShapes.map(Self.list).joined(separator: ", ") + "]"
                + ", \"output_shape\": " + Self.list(step.outputShape ?? [])
                + StackJSONWriter.counts(params: step.parameterCount, mults: step.multiplications)
            switch step.result {
            case let .integer(n)?: out += ", \"value\": \(n)"
            case let .integers(sizes)?: out += ", \"value\": " + Self.list(sizes)
            case let .tensors(shapes)?: out += ", \"output_shapes\": [" + shapes.map(Self.list).joined(separator: ", ") + "]"
            default: break
            }
            out += Self.fieldKeys(step.field)
            if let (h, w) = step.fieldRange {
                out += ", \"rf_range\": [[\(h.lowerBound), \(h.upperBound)], [\(w.lowerBound), \(w.upperBound)]]"
            }
            out += "}"
        }
        out += "], \"output_shape\": " + (trace.outputShape.map(Self.list) ?? "null")
            + StackJSONWriter.counts(params: trace.parameterCount, mults: trace.multiplications)
        if let failure = trace.failure {
            out += ", \"error\": " + Self.quoted(failure.error.message) + ", \"layer\": \(failure.index)"
                + ", \"name\": " + Self.quoted(trace.steps[failure.index].node.name)
        }
        json.append(out + "}\n")
        json.flush()
        return trace.failure == nil
    }
}
