import ConvCore

/// Writes an experiment as the JSON object of `convscope render --format json`, streaming bytes
/// to `sink` in chunks so a 1024×1024×64 tensor never exists as one string.
public struct TensorJSONWriter {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void
    private let chunkSize = 1 << 16

    /// A writer that hands out chunks of UTF-8 bytes to `sink`.
    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 64)
    }

    /// Writes the whole document; returns false when PyTorch would have refused the parameters.
    @discardableResult
    public mutating func write(_ experiment: ConvExperiment) -> Bool {
        let p = experiment.parameters
        switch experiment.output {
        case .failure(let error):
            append("{\"error\": ")
            appendString(error.message)
            append("}\n")
            flush()
            return false
        case .success(let output):
            append("{\"input_shape\": "); appendShape(p.inputShape)
            append(", \"kernel_shape\": "); appendShape(p.kernelShape)
            append(", \"output_shape\": "); appendShape(output.shape)
            appendLayer(experiment)
            append(", \"input\": "); appendTensor(experiment.input)
            append(", \"output\": "); appendTensor(output)
            append("}\n")
            flush()
            return true
        }
    }

    /// What `nn.Conv2d` needs besides the input: padding as applied ([ph, pw], or for 'same'
    /// [[top, bottom], [left, right]]), padding_mode, groups, the bias list or null, the weight.
    mutating func appendLayer(_ experiment: ConvExperiment) {
        let spec = experiment.parameters.spec
        let h = spec.heightAxis.padding, w = spec.widthAxis.padding
        append(", \"padding\": ")
        if spec.padding == .same {
            append("[[\(h.before), \(h.after)], [\(w.before), \(w.after)]]")
        } else {
            append("[\(h.before), \(w.before)]")
        }
        append(", \"padding_mode\": "); appendString(spec.paddingMode.rawValue)
        append(", \"groups\": \(spec.groups)")
        append(", \"bias\": ")
        if let bias = spec.biasVector {
            append("[")
            for (i, b) in bias.enumerated() {
                if i > 0 { append(", ") }
                appendNumber(b)
            }
            append("]")
        } else {
            append("null")
        }
        append(", \"weight\": "); appendTensor(experiment.weights)
    }

    mutating func appendShape(_ shape: [Int]) {
        append("[" + shape.map(String.init).joined(separator: ", ") + "]")
    }

    /// Nested lists exactly like `tensor.tolist()`: batch, channel, row, column.
    mutating func appendTensor(_ t: Tensor4) {
        let (n, c, h, w) = (t.shape[0], t.shape[1], t.shape[2], t.shape[3])
        var index = 0
        buffer.append(UInt8(ascii: "["))
        for b in 0..<n {
            if b > 0 { append(", ") }
            buffer.append(UInt8(ascii: "["))
            for ch in 0..<c {
                if ch > 0 { append(", ") }
                buffer.append(UInt8(ascii: "["))
                for y in 0..<h {
                    if y > 0 { append(", ") }
                    buffer.append(UInt8(ascii: "["))
                    for x in 0..<w {
                        if x > 0 { append(", ") }
                        appendNumber(t.storage[index])
                        index += 1
                    }
                    buffer.append(UInt8(ascii: "]"))
                    if buffer.count >= chunkSize { flush() }
                }
                buffer.append(UInt8(ascii: "]"))
            }
            buffer.append(UInt8(ascii: "]"))
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Integral values without a fraction (as the issue allows); others as Python's float repr.
    mutating func appendNumber(_ v: Float) {
        if v == v.rounded(), abs(v) < 1e15 {
            var i = Int64(v)
            if i == 0 { buffer.append(UInt8(ascii: "0")); return }
            if i < 0 { buffer.append(UInt8(ascii: "-")); i = -i }
            let firstDigit = buffer.count
            while i > 0 { buffer.append(UInt8(ascii: "0") + UInt8(i % 10)); i /= 10 }
            buffer[firstDigit...].reverse()
        } else if v.isFinite {
            append(Double(v).description)
        } else {
            append(v.isNaN ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"))
        }
    }

    mutating func appendString(_ s: String) {
        buffer.append(UInt8(ascii: "\""))
        for u in s.unicodeScalars {
            switch u {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case _ where u.value < 0x20: append("\\u" + String(u.value, radix: 16).leftPadded(to: 4))
            default: buffer.append(contentsOf: Array(String(u).utf8))
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

    mutating func flush() {
        if !buffer.isEmpty { sink(buffer); buffer.removeAll(keepingCapacity: true) }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
