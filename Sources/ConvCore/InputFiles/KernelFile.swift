/// Weights read from a .npy file: one kH×kW filter, or the whole weight tensor.
public struct KernelFile: Equatable, Sendable {
    /// The array's shape: (kH, kW) or (C_out, C_in/groups, kH, kW).
    public let shape: [Int]
    /// The values, C order, as float32.
    public let values: [Float]

    /// What a kernel file may hold, for error messages.
    public static let accepted = "\(NPYReader.acceptedData), shape (kH, kW) or (C_out, C_in/groups, kH, kW), kernel at most "
        + "\(ParameterID.kernelSizeH.range.upperBound)×\(ParameterID.kernelSizeW.range.upperBound)"

    /// Reads the file's bytes; the shape is checked from the header before the data is read.
    public init(bytes: [UInt8], name: String) throws(InputFileError) {
        guard InputFileFormat(fileName: name) == .npy else {
            throw InputFileError(file: name, problem: .unknownExtension, accepted: Self.accepted)
        }
        do {
            let array = try NPYReader.read(bytes, checkShape: Self.checkShape)
            (shape, values) = (array.shape, array.values)
        } catch {
            throw InputFileError(file: name, problem: error, accepted: Self.accepted)
        }
    }

    /// The kernel size (kH, kW) the file sets.
    public var kernelSize: (height: Int, width: Int) { (shape[shape.count - 2], shape[shape.count - 1]) }

    /// The weights [C_out, C_in/g, kH, kW] for `spec`: a 2-D filter sits on the diagonal like the
    /// image presets (see `KernelPreset`); a 4-D array must have exactly the layer's shape.
    public func weights(for spec: Conv2dSpec, name: String) throws(InputFileError) -> Tensor4 {
        let layer = spec.kernelShape
        guard shape == layer || (shape.count == 2 && shape == Array(layer[2...])) else {
            throw InputFileError(file: name, problem: .kernelShapeMismatch(file: shape, layer: layer), accepted: Self.accepted)
        }
        if shape.count == 4 { return Tensor4(shape: layer, storage: values) }
        return KernelPreset.spreadOnDiagonal(values, shape: layer)
    }

    static func checkShape(_ shape: [Int]) throws(InputFileError.Problem) {
        guard shape.count == 2 || shape.count == 4 else { throw .unsupportedShape(shape) }
        if shape.contains(0) { throw .emptyDimension(shape) }
        let k = Array(shape.suffix(2))
        if k[0] > ParameterID.kernelSizeH.range.upperBound || k[1] > ParameterID.kernelSizeW.range.upperBound
            || (shape.count == 4 && (shape[0] > Conv2dLimits.maxChannels || shape[1] > Conv2dLimits.maxChannels)) {
            throw .tooLarge(channels: shape.count == 4 ? .saturatingProduct(shape[0], shape[1]) : 1, height: k[0], width: k[1])
        }
    }
}
