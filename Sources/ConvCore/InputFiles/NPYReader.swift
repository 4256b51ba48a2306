/// Reads NumPy's .npy format (versions 1–3): the header's dict, then the raw C-ordered data.
/// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
enum NPYReader {
    /// An array's shape and values (converted to float32 as `torch.from_numpy(a).float()` does).
    struct Array: Equatable {
        let shape: [Int]
        let values: [Float]
    }

    /// The data every .npy reader accepts, for error messages.
    static let acceptedData = ".npy of float32, float64, int8…int64 or uint8, little-endian, C order"

    /// The element types accepted, by their `descr`: (bytes per element, decoder).
    static let elementTypes: [String: (size: Int, decode: @Sendable (ArraySlice<UInt8>) -> Float)] = [
        "f4": (4, { Float(bitPattern: UInt32(littleEndianBytes: $0)) }),
        "f8": (8, { Float(Double(bitPattern: UInt64(littleEndianBytes: $0))) }),
        "i1": (1, { Float(Int8(bitPattern: $0.first!)) }),
        "u1": (1, { Float($0.first!) }),
        "i2": (2, { Float(Int16(bitPattern: UInt16(littleEndianBytes: $0))) }),
        "i4": (4, { Float(Int32(bitPattern: UInt32(littleEndianBytes: $0))) }),
        "i8": (8, { Float(Int64(bitPattern: UInt64(littleEndianBytes: $0))) }),
    ]

    /// Parses the header, lets `checkShape` refuse the shape before any data is read, then decodes.
    static func read(
        _ bytes: [UInt8], checkShape: ([Int]) throws(InputFileError.Problem) -> Void = inputShape
    ) throws(InputFileError.Problem) -> Array {
        let magic: [UInt8] = [0x93] + Swift.Array("NUMPY".utf8)
        guard bytes.count >= 10, Swift.Array(bytes[0..<6]) == magic else { throw .badHeader("no \\x93NUMPY magic") }
        let major = bytes[6]
        guard (1...3).contains(major) else { throw .badHeader("format version \(major)") }
        let lengthBytes = major == 1 ? 2 : 4
        guard bytes.count >= 8 + lengthBytes else { throw .badHeader("cut short") }
        let headerLength = bytes[8..<8 + lengthBytes].reversed().reduce(0) { $0 << 8 | Int($1) }
        let dataStart = 8 + lengthBytes + headerLength
        guard bytes.count >= dataStart else { throw .badHeader("cut short") }
        guard let header = String(validating: bytes[(8 + lengthBytes)..<dataStart], as: UTF8.self) else {
            throw .badHeader("not text: a NumPy header is an ASCII dict")
        }
        let (descr, fortran, shape) = try parseHeader(header)
        guard let type = elementTypes[String(descr.dropFirst())], ["<", "|"].contains(descr.first) else {
            if descr.first == ">" && elementTypes[String(descr.dropFirst())] != nil { throw .bigEndian }
            throw .unsupportedType(descr)
        }
        if fortran && shape.filter({ $0 > 1 }).count > 1 { throw .fortranOrder }
        try checkShape(shape)
        let count = shape.reduce(1, *)
        let expected = count * type.size
        guard bytes.count - dataStart >= expected else {
            throw .truncated(expectedBytes: expected, actualBytes: bytes.count - dataStart)
        }
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let start = dataStart + i * type.size
            values[i] = type.decode(bytes[start..<start + type.size])
            if !values[i].isFinite { throw .notFinite }
        }
        return Array(shape: shape, values: values)
    }

    /// The shapes an input may have: (H, W), (C, H, W) or (1, C, H, W), within the limits.
    static func inputShape(_ shape: [Int]) throws(InputFileError.Problem) {
        guard (2...4).contains(shape.count), shape.count < 4 || shape[0] == 1 else { throw .unsupportedShape(shape) }
        if shape.contains(0) { throw .emptyDimension(shape) }
        let (c, h, w) = planes(shape)
        try InputFile.checkSize(channels: c, height: h, width: w)
    }

    /// (C, H, W) of an accepted input shape.
    static func planes(_ shape: [Int]) -> (Int, Int, Int) {
        (shape.count == 2 ? 1 : shape[shape.count - 3], shape[shape.count - 2], shape[shape.count - 1])
    }

    /// The input tensor (1, C, H, W) of an array with an accepted input shape.
    static func input(_ array: Array) -> Tensor4 {
        let (c, h, w) = planes(array.shape)
        return Tensor4(shape: [1, c, h, w], storage: array.values)
    }

    /// The `descr`, `fortran_order` and `shape` entries of the header's Python dict literal.
    static func parseHeader(_ header: String) throws(InputFileError.Problem) -> (String, Bool, [Int]) {
        func value(of key: String) throws(InputFileError.Problem) -> Substring {
            let needle = "'\(key)':"
            guard let start = header.indices.first(where: { header[$0...].hasPrefix(needle) }) else {
                throw .badHeader("no '\(key)'")
            }
            return header[start...].dropFirst(needle.count).drop { $0 == " " }
        }
        let descrText = try value(of: "descr")
        guard let quote = descrText.first, quote == "'" || quote == "\"",
              let end = descrText.dropFirst().firstIndex(of: quote) else { throw .badHeader("bad 'descr'") }
        let descr = String(descrText[descrText.index(after: descrText.startIndex)..<end])
        let fortran = try value(of: "fortran_order").hasPrefix("True")
        let shapeText = try value(of: "shape")
        guard shapeText.first == "(", let close = shapeText.firstIndex(of: ")") else { throw .badHeader("bad 'shape'") }
        let parts = shapeText[shapeText.index(after: shapeText.startIndex)..<close]
            .split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        var shape: [Int] = []
        for part in parts {
            guard let n = Int(part), n >= 0 else { throw .badHeader("bad 'shape'") }
            shape.append(n)
        }
        return (descr, fortran, shape)
    }
}
