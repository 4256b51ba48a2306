/// The file formats an input (or, for .npy, a kernel) can be read from.
public enum InputFileFormat: String, CaseIterable, Sendable {
    case npy, csv, netpbm

    /// The format a file name's extension names, or nil.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".npy") { self = .npy }
        else if lower.hasSuffix(".csv") { self = .csv }
        else if lower.hasSuffix(".pgm") || lower.hasSuffix(".ppm") { self = .netpbm }
        else { return nil }
    }

    /// What this format may hold, for error messages.
    public var accepted: String {
        switch self {
        case .npy:
            "\(NPYReader.acceptedData), shape (H, W), (C, H, W) or (1, C, H, W), at most \(InputFile.limitsText)"
        case .csv:
            ".csv of numbers separated by commas, one row per line, channels separated by a blank line, "
                + "at most \(InputFile.limitsText)"
        case .netpbm:
            ".pgm/.ppm (P2, P5, P3, P6) with maxval 1…65535, at most \(Conv2dLimits.maxHeight)×\(Conv2dLimits.maxWidth)"
        }
    }

    /// Every accepted file type, for a file whose extension is unknown.
    public static let acceptedFiles = ".npy, .csv, .pgm or .ppm"
}
