/// Why an input or kernel file cannot be used: which file, what is wrong, what is accepted.
public struct InputFileError: Error, Equatable, Sendable {
    /// The file's name as the user gave it.
    public let file: String
    /// What is wrong.
    public let problem: Problem
    /// What the file may hold instead (the format's rules, or the accepted file types).
    public let accepted: String

    /// What went wrong while reading.
    public enum Problem: Error, Equatable, Sendable {
        case unknownExtension
        case notText
        case badHeader(String)
        case unsupportedType(String)
        case fortranOrder
        case bigEndian
        case unsupportedShape([Int])
        case emptyDimension([Int])
        case tooLarge(channels: Int, height: Int, width: Int)
        case truncated(expectedBytes: Int, actualBytes: Int)
        case notANumber(line: Int, column: Int, text: String)
        case notFinite
        case raggedRow(line: Int, cells: Int, expected: Int)
        case raggedChannel(channel: Int, rows: Int, expected: Int)
        case sampleAboveMaxval(sample: Int, maxval: Int)
        case badSample(String)
        case empty
        case kernelShapeMismatch(file: [Int], layer: [Int])

        /// One phrase saying what is wrong.
        public var text: String {
            switch self {
            case .unknownExtension: "unknown file type"
            case .notText: "not UTF-8 text"
            case let .badHeader(detail): "bad header (\(detail))"
            case let .unsupportedType(type): "unsupported element type \(type)"
            case .fortranOrder: "Fortran-ordered array"
            case .bigEndian: "big-endian data"
            case let .unsupportedShape(shape): "unsupported shape \(shapeText(shape))"
            case let .emptyDimension(shape): "empty shape \(shapeText(shape))"
            case let .tooLarge(c, h, w): "too large: \(c) channel(s) of \(h)×\(w)"
            case let .truncated(expected, actual): "truncated: \(actual) data bytes, \(expected) needed"
            case let .notANumber(line, column, text): "line \(line), value \(column): '\(TerminalText.excerpt(text))' is not a number"
            case .notFinite: "holds NaN or infinity"
            case let .raggedRow(line, cells, expected): "line \(line) has \(cells) values, the first row \(expected)"
            case let .raggedChannel(channel, rows, expected):
                "channel \(channel + 1) has \(rows) rows, the first \(expected)"
            case let .sampleAboveMaxval(sample, maxval): "sample \(sample) above maxval \(maxval)"
            case let .badSample(text): "sample '\(TerminalText.excerpt(text))' is not a whole number"
            case .empty: "no values"
            case let .kernelShapeMismatch(file, layer):
                "kernel shape \(shapeText(file)) does not fit the layer's \(shapeText(layer))"
            }
        }
    }

    /// The one line shown to the user, e.g.
    /// `photo.npy: unsupported element type <c8; accepted: .npy of float32, float64, …`.
    public var message: String {
        "\(file): \(problem.text); accepted: \(accepted)"
    }
}

func shapeText(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
}
