import ConvCore

extension StackJSONWriter {
    /// `render --layers --format json`: the table as JSON, without tensor values —
    /// `{"input_shape", "nodes": [{"name", "target", "op", "module", "inputs", "input_shape",
    /// "output_shape", "params", "mults", "rf", "jump", "start"}], "output_shape", "params",
    /// "mults"}`, then `"error"`, `"layer"` and `"name"` where a layer breaks (its nodes up to
    /// there). A node whose print hid arguments carries `"assumed"`: {argument: PyTorch's default}.
    @discardableResult
    public mutating func writeTable(_ trace: StackTrace, assumed: [[HiddenArgument]] = []) -> Bool {
        var out = "{\"input_shape\": " + Self.list(trace.inputShape) + ", \"nodes\": ["
        var previous = "input"
        for (index, step) in trace.layers.enumerated() where step.status == .ran {
            let name = trace.names[index]
            var inputs = [previous]
            if case let .cat(cat) = step.layer { inputs = [trace.names[cat.skip], previous] }
            out += (index > 0 ? ", " : "") + "{\"name\": " + Self.quoted(name) + ", \"target\": " + Self.quoted(name)
                + ", \"op\": " + Self.quoted(step.layer.name) + ", \"module\": " + Self.quoted(trace.repr(index))
                + ", \"inputs\": [" + inputs.map(Self.quoted).joined(separator: ", ") + "]"
                + ", \"input_shape\": " + Self.list(step.inputShape ?? []) + ", \"output_shape\": " + Self.list(step.outputShape ?? [])
                + Self.counts(params: step.parameterCount, mults: step.multiplications)
            out += Self.fieldKeys(step.field)
            if assumed.indices.contains(index), !assumed[index].isEmpty {
                out += ", \"assumed\": {" + assumed[index].map { Self.quoted($0.name) + ": " + Self.quoted($0.assumed) }
                    .joined(separator: ", ") + "}"
            }
            out += "}"
            previous = name
        }
        // The trace's saturating totals: 130 large layers' multiplications pass Int.
        out += "], \"output_shape\": " + (trace.outputShape.map(Self.list) ?? "null")
            + Self.counts(params: trace.totalParameters, mults: trace.totalMultiplications)
        if let failure = trace.failure {
            out += ", \"error\": " + Self.quoted(failure.error.message) + ", \"layer\": \(failure.index)"
                + ", \"name\": " + Self.quoted(trace.names[failure.index])
        }
        json.append(out + "}\n")
        json.flush()
        return trace.failure == nil
    }

    /// `, "params": n, "mults": n`; a count past what convscope can state exactly is `null` with
    /// `"params_exceeds"`/`"mults_exceeds"` giving the bound it is over, so no reader takes the bound for the count.
    static func counts(params: Int, mults: Int) -> String {
        [("params", params), ("mults", mults)].map { key, n in
            n.isSaturated ? ", \"\(key)\": null, \"\(key)_exceeds\": \(Int.max)" : ", \"\(key)\": \(n)"
        }.joined()
    }

    /// `, "rf": [h, w], "jump": [h, w], "start": [h, w]`, or nulls where the field is not traced.
    static func fieldKeys(_ field: Field?) -> String {
        guard let f = field else { return ", \"rf\": null, \"jump\": null, \"start\": null" }
        return ", \"rf\": " + pair(f.h.size, f.w.size) + ", \"jump\": " + pair(f.h.jump, f.w.jump)
            + ", \"start\": " + pair(f.h.start, f.w.start)
    }

    static func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

    /// An exact fraction as a JSON number (halves and quarters are exact in decimal).
    static func number(_ f: Fraction) -> String {
        f.isInteger ? "\(f.numerator)" : "\(f.doubleValue)"
    }

    static func pair(_ h: Fraction, _ w: Fraction) -> String { "[" + number(h) + ", " + number(w) + "]" }

    /// `s` as a JSON string, escaped as every string convscope writes.
    static func quoted(_ s: String) -> String {
        var bytes: [UInt8] = []
        var writer = TensorJSONWriter { bytes += $0 }
        writer.appendString(s)
        writer.flush()
        return String(decoding: bytes, as: UTF8.self)
    }
}
