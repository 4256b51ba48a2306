import ConvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an experiment as the JSON object of `convscope render --format json`, streaming bytes
/// to `sink` in chunks so a 1024×1024×64 tensor never exists as one string.
public struct TensorJSONWriter {
    var buffer: [UInt8] = []
    let rows = RowFormatter()
    let sink: ([UInt8]) -> Void
    let chunkSize = 1 << 16

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
            append(", \"input\": "); appendMaps(experiment.input)
            append(", \"output\": "); appendMaps(output)
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
        let planeSize = t.shape[2] * t.shape[3]
        appendNested(t.shape, values: t.storage) { n, c in (n * t.shape[1] + c) * planeSize }
    }

    /// Feature maps as the tensor they stand for; channels sharing a plane are formatted once
    /// per row (the row's bytes are reused).
    mutating func appendMaps(_ maps: FeatureMaps) {
        let planeSize = maps.shape[2] * maps.shape[3]
        appendNested(maps.shape, values: maps.storage) { _, c in maps.planeOfChannel[c] * planeSize }
    }

    /// The nested lists of a [N, C, H, W] shape whose (n, c) plane starts at `planeStart(n, c)`
    /// in `values`. Each row is formatted into `rows` and copied to the buffer; a row holding the
    /// same values as the previous one copies the previous bytes again.
    private mutating func appendNested(_ shape: [Int], values: [Float], planeStart: (Int, Int) -> Int) {
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        rows.reserve(w)
        var previousRow: Int?
        buffer.append(UInt8(ascii: "["))
        values.withUnsafeBufferPointer { values in
            for b in 0..<n {
                if b > 0 { append(", ") }
                buffer.append(UInt8(ascii: "["))
                for ch in 0..<c {
                    if ch > 0 { append(", ") }
                    buffer.append(UInt8(ascii: "["))
                    let plane = planeStart(b, ch)
                    for y in 0..<h {
                        if y > 0 { append(", ") }
                        let start = plane + y * w
                        if previousRow.map({ memcmp(values.baseAddress! + $0, values.baseAddress! + start, w * 4) != 0 }) ?? true {
                            rows.format(values.baseAddress! + start, count: w)
                            previousRow = start
                        }
                        buffer.append(contentsOf: rows.bytes)
                        if buffer.count >= chunkSize { flush() }
                    }
                    buffer.append(UInt8(ascii: "]"))
                }
                buffer.append(UInt8(ascii: "]"))
            }
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Nested lists like `tensor.tolist()` for a tensor of any rank (a Linear's [1, 10], a 5-D view).
    mutating func appendNested(shape: [Int], values: [Float]) {
        guard let width = shape.last else { if let v = values.first { appendNumber(v) }; return }
        rows.reserve(width)
        let outer = Array(shape.dropLast())
        let count = outer.reduce(1, *)
        values.withUnsafeBufferPointer { values in
            for _ in outer { buffer.append(UInt8(ascii: "[")) }
            for row in 0..<count {
                if row > 0 {
                    // Close and reopen every bracket whose index wrapped at this row.
                    var depth = 0, stride = 1
                    for size in outer.reversed() { stride *= size; if row % stride == 0 { depth += 1 } else { break } }
                    for _ in 0..<depth { buffer.append(UInt8(ascii: "]")) }
                    append(", ")
                    for _ in 0..<depth { buffer.append(UInt8(ascii: "[")) }
                }
                if width > 0 {
                    // A row equal to the one before (a saturated map's rows) copies its bytes again.
                    let start = values.baseAddress! + row * width
                    if row == 0 || memcmp(start - width, start, width * 4) != 0 { rows.format(start, count: width) }
                    buffer.append(contentsOf: rows.bytes)
                } else {
                    append("[]")
                }
                if buffer.count >= chunkSize { flush() }
            }
            for _ in outer { buffer.append(UInt8(ascii: "]")) }
        }
    }

    /// Integral values without a fraction (as the issue allows); others as Python's float repr.
    mutating func appendNumber(_ v: Float) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberFormat.maxBytes) { bytes in
            let count = NumberFormat.write(v, to: bytes.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<count]))
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
