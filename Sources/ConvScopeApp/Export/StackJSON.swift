import ConvCore

/// Writes a stack as `convscope render --format json --layer …` prints it, streaming through
/// `TensorJSONWriter` so the numbers read exactly as a single layer's do.
public struct StackJSONWriter {
    var json: TensorJSONWriter

    /// A writer that hands out chunks of UTF-8 bytes to `sink`.
    public init(sink: @escaping ([UInt8]) -> Void) { json = TensorJSONWriter(sink: sink) }

    /// `{"input_shape", "input", "layers": [...]}` with every layer that ran, then `"error"` and
    /// `"layer"` when one broke; returns false when one broke.
    @discardableResult
    public mutating func write(input: Tensor4, run: StackRun, weights: [LayerWeights?]) -> Bool {
        write(input: input, trace: run.trace, outputs: { each in
            for (index, output) in run.outputs.enumerated() {
                guard let output else { break }
                each(index, output, weights[index])
            }
        })
    }

    /// The same JSON, written as `outputs` hands over each layer's output and weights (in layer
    /// order, stopping at the layer that broke), so none needs to be kept once written.
    @discardableResult
    public mutating func write(input: Tensor4, trace: StackTrace,
                               outputs: ((_ each: (Int, Tensor4, LayerWeights?) -> Void) -> Void)) -> Bool {
        json.append("{\"input_shape\": "); json.appendShape(input.shape)
        json.append(", \"input\": "); json.appendTensor(input)
        json.append(", \"layers\": [")
        outputs { index, output, weights in
            if index > 0 { json.append(", ") }
            beginLayer(trace.layers[index], name: trace.names[index], module: trace.repr(index))
            json.append(", \"weight\": ")
            if let weight = weights?.weight { json.appendTensor(weight) } else { json.append("null") }
            json.append(", \"bias\": ")
            if let bias = weights?.bias { appendList(bias) } else { json.append("null") }
            json.append(", \"output\": "); json.appendTensor(output)
            json.append("}")
        }
        return finish(trace)
    }

    /// `{"input_shape", "layers": [{"module", "input_shape", "output_shape", "coverage_of",
    /// "coverage"}]}`: for each layer that ran, how many windows read each input cell
    /// (`coverage_of` "input") or, for ConvTranspose2d, how many input cells write each output
    /// cell ("output"); both null for layers without windows.
    @discardableResult
    public mutating func writeCoverage(_ trace: StackTrace) -> Bool {
        json.append("{\"input_shape\": "); json.appendShape(trace.inputShape)
        json.append(", \"layers\": [")
        for (index, step) in trace.layers.enumerated() where step.status == .ran {
            if index > 0 { json.append(", ") }
            beginLayer(step, name: trace.names[index], module: trace.repr(index))
            let coverage = LayerCoverage(step)
            json.append(", \"coverage_of\": " + (coverage.map { "\"\($0.of)\"" } ?? "null"))
            json.append(", \"coverage\": ")
            if let counts = coverage?.counts {
                json.append("[")
                for (row, values) in counts.enumerated() {
                    if row > 0 { json.append(", ") }
                    appendList(values.map(Float.init))
                }
                json.append("]")
            } else {
                json.append("null")
            }
            json.append("}")
        }
        return finish(trace)
    }

    /// `{"error", "layer"}` (or `"line"` of a model file) for a layer PyTorch refuses to build:
    /// as with `nn.Sequential(...)`, nothing runs, so no layer comes before it.
    public mutating func writeConstructionError(_ error: StackLayerError, layer: Int?, line: Int?) {
        json.append("{\"error\": "); json.appendString(error.message)
        if let layer { json.append(", \"layer\": \(layer)") }
        if let line { json.append(", \"line\": \(line)") }
        json.append("}\n")
        json.flush()
    }

    private mutating func beginLayer(_ step: LayerTrace, name: String, module: String) {
        json.append("{\"name\": "); json.appendString(name)
        json.append(", \"module\": "); json.appendString(module)
        json.append(", \"input_shape\": "); json.appendShape(step.inputShape ?? [])
        json.append(", \"output_shape\": "); json.appendShape(step.outputShape ?? [])
    }

    private mutating func finish(_ trace: StackTrace) -> Bool {
        json.append("]")
        if let failure = trace.failure {
            json.append(", \"error\": "); json.appendString(failure.error.message)
            json.append(", \"layer\": \(failure.index)")
            json.append(", \"name\": "); json.appendString(trace.names[failure.index])
        }
        json.append("}\n")
        json.flush()
        return trace.failure == nil
    }

    private mutating func appendList(_ values: [Float]) {
        json.append("[")
        for (i, v) in values.enumerated() {
            if i > 0 { json.append(", ") }
            json.appendNumber(v)
        }
        json.append("]")
    }
}

/// A layer's coverage counts and what they count: `input` cells read, or `output` cells written.
public struct LayerCoverage: Equatable, Sendable {
    /// "input" (windows reading each input cell) or "output" (input cells writing each output cell).
    public let of: String
    /// Rows × columns of counts.
    public let counts: [[Int]]

    /// The coverage of a layer that ran, or nil for layers without windows.
    public init?(_ step: LayerTrace) {
        guard step.status == .ran, let shape = step.inputShape,
              let counts = Coverage.counts(layer: step.layer, input: SpatialPair(shape[2], shape[3])) else { return nil }
        if case .convTranspose2d = step.layer { of = "output" } else { of = "input" }
        self.counts = counts
    }
}
