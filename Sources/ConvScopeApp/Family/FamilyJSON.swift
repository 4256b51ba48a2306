import ConvCore

/// The JSON of `render --flip` and of 1-D/3-D stacks, written with the tensor writer's number
/// and string spelling (integers without a point, Python's float repr otherwise).
extension TensorJSONWriter {
    /// `--flip`: the note, the output shape, PyTorch's cross-correlation and the true convolution, flat.
    public mutating func writeFlip(note: String, correlation: Tensor4, convolution: Tensor4) {
        append("{\"note\": ")
        appendString(note)
        append(", \"output_shape\": [\(correlation.shape.map(String.init).joined(separator: ", "))]")
        append(", \"cross_correlation\": ")
        appendFlat(correlation.storage)
        append(", \"convolution\": ")
        appendFlat(convolution.storage)
        append("}\n")
        flush()
    }

    /// A 1-D or 3-D stack: its input, then each layer's repr with its output (flat) or PyTorch's error.
    public mutating func writeFamilyStack(input: TensorN, causal: Bool, layers: [FamilyLayer],
                                          outputs: [Result<TensorN, FamilyError>]) {
        append("{\"input_shape\": [\(input.shape.map(String.init).joined(separator: ", "))], \"causal\": \(causal), \"input\": ")
        appendFlat(input.storage)
        append(",\n\"layers\": [")
        for (index, (layer, result)) in zip(layers, outputs).enumerated() {
            append(index == 0 ? "\n{\"layer\": " : ",\n{\"layer\": ")
            appendString(layer.pytorchRepr)
            switch result {
            case let .success(tensor):
                append(", \"output_shape\": [\(tensor.shape.map(String.init).joined(separator: ", "))], \"output\": ")
                appendFlat(tensor.storage)
            case let .failure(error):
                append(", \"error\": ")
                appendString(error.message)
                append(", \"type\": ")
                appendString(error.pythonType)
            }
            append("}")
        }
        append("\n]}\n")
        flush()
    }

    /// The course screen's Conv1d: the same JSON as `render --layer "Conv1d(…)" --input-shape 1,C,L`
    /// (with `--causal` when the causal key is on) for the layer its rows describe.
    public mutating func writeCourseSequence(_ sequence: CourseSequence) {
        writeFamilyStack(input: sequence.input, causal: sequence.causal, layers: [.conv(sequence.layer)], outputs: [sequence.output])
    }

    /// The course screen's ConvTranspose2d: its input (the input row's pattern), the layer's repr
    /// and its output (the kernel row's preset as the transposed weight), or PyTorch's refusal.
    public mutating func writeCourseTransposed(_ p: Conv2dSettings) {
        let input = p.makeInput(), size = p.transposedInputSize
        append("{\"input_shape\": [\(input.shape.map(String.init).joined(separator: ", "))], \"input\": ")
        appendFlat(input.storage)
        append(",\n\"layers\": [\n{\"layer\": ")
        appendString(p.transposedRepr)
        var refusal = p.transposedRefusal.map { (type: $0.pythonType, message: $0.message) }
        if refusal == nil {
            do {
                let output = try TransposedAsDirect(p.transposedLayer, inputHeight: size.h, inputWidth: size.w)
                    .run(input: input, weight: p.transposedWeight(), bias: p.transposedBias)
                append(", \"output_shape\": [\(output.shape.map(String.init).joined(separator: ", "))], \"output\": ")
                appendFlat(output.storage)
            } catch {
                refusal = ("convscope", "\(error)")
            }
        }
        if let refusal {
            append(", \"error\": ")
            appendString(refusal.message)
            append(", \"type\": ")
            appendString(refusal.type)
        }
        append("}\n]}\n")
        flush()
    }

    /// Values as one flat JSON list.
    mutating func appendFlat(_ values: [Float]) {
        append("[")
        for (i, v) in values.enumerated() {
            if i > 0 { append(", ") }
            appendNumber(v)
        }
        append("]")
    }
}
