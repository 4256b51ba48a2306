/// Reads an input tensor from a file's bytes; the caller does the I/O.
public enum InputFile {
    /// "64 channels of 1024×1024".
    static let limitsText = "\(Conv2dLimits.maxChannels) channels of \(Conv2dLimits.maxHeight)×\(Conv2dLimits.maxWidth)"

    /// The input (1, C, H, W) the file holds; its shape sets h_in, w_in and in_channels.
    public static func load(bytes: [UInt8], name: String) throws(InputFileError) -> Tensor4 {
        guard let format = InputFileFormat(fileName: name) else {
            throw InputFileError(file: name, problem: .unknownExtension, accepted: InputFileFormat.acceptedFiles)
        }
        do {
            switch format {
            case .npy: return try NPYReader.input(NPYReader.read(bytes))
            case .csv: return try CSVReader.read(bytes)
            case .netpbm: return try NetpbmReader.read(bytes)
            }
        } catch {
            throw InputFileError(file: name, problem: error, accepted: format.accepted)
        }
    }

    /// Refuses planes beyond the limits before any data is read.
    static func checkSize(channels: Int, height: Int, width: Int) throws(InputFileError.Problem) {
        if channels > Conv2dLimits.maxChannels || height > Conv2dLimits.maxHeight || width > Conv2dLimits.maxWidth {
            throw .tooLarge(channels: channels, height: height, width: width)
        }
    }
}
