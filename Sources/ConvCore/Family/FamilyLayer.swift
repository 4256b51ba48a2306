/// A layer of the convolution family beside Conv2d: Conv1d, ConvTranspose1d, MaxPool1d,
/// AvgPool1d, Conv3d, MaxPool3d, AvgPool3d.
public enum FamilyLayer: Equatable, Hashable, Sendable {
    case conv(ConvNdLayer)
    case convTranspose(ConvTransposeNdLayer)
    case pool(PoolNdLayer)

    /// The module's class name.
    public var name: String {
        switch self {
        case let .conv(layer): layer.name
        case let .convTranspose(layer): layer.name
        case let .pool(layer): layer.name
        }
    }

    /// The number of spatial axes (1 or 3).
    public var dims: Int {
        switch self {
        case let .conv(layer): layer.dims
        case let .convTranspose(layer): layer.dims
        case let .pool(layer): layer.dims
        }
    }

    /// What `print(model)` prints for the module.
    public var pytorchRepr: String {
        switch self {
        case let .conv(layer): layer.pytorchRepr
        case let .convTranspose(layer): layer.pytorchRepr
        case let .pool(layer): layer.pytorchRepr
        }
    }

    /// The weight shape of a convolution, else nil.
    public var weightShape: [Int]? {
        switch self {
        case let .conv(layer): layer.weightShape
        case let .convTranspose(layer): layer.weightShape
        case .pool: nil
        }
    }

    /// The bias length of a convolution with a bias, else nil.
    public var biasCount: Int? {
        switch self {
        case let .conv(layer): layer.bias ? layer.outChannels : nil
        case let .convTranspose(layer): layer.bias ? layer.outChannels : nil
        case .pool: nil
        }
    }

    /// Learnable parameters: weights plus biases.
    public var parameterCount: Int {
        .saturatingSum(weightShape.map { Int.saturatingProduct(of: $0) } ?? 0, biasCount ?? 0)
    }

    /// Weight multiplications for an output of `outputShape` from an input of `inputShape`, as the
    /// 2-D table counts them: a convolution's weights per output position (a transposed one's per
    /// input position, each input cell stamping its kernel); pools multiply nothing.
    public func multiplications(input inputShape: [Int], output outputShape: [Int]) -> Int {
        switch self {
        case let .conv(layer):
            .saturatingProduct(of: [layer.inChannels / max(layer.groups, 1)] + layer.kernelSize + [outputShape[1]]
                               + Array(outputShape.dropFirst(2)))
        case let .convTranspose(layer):
            .saturatingProduct(of: [layer.outChannels / max(layer.groups, 1)] + layer.kernelSize + [inputShape[1]]
                               + Array(inputShape.dropFirst(2)))
        case .pool: 0
        }
    }

    /// The ValueError PyTorch raises building the module, or nil.
    public var constructionError: FamilyError? {
        let (inChannels, outChannels, groups): (Int, Int, Int)
        switch self {
        case let .conv(layer): (inChannels, outChannels, groups) = (layer.inChannels, layer.outChannels, layer.groups)
        case let .convTranspose(layer): (inChannels, outChannels, groups) = (layer.inChannels, layer.outChannels, layer.groups)
        case .pool: return nil
        }
        if groups <= 0 { return .value("groups must be a positive integer") }
        if inChannels % groups != 0 { return .value("in_channels must be divisible by groups") }
        if outChannels % groups != 0 { return .value("out_channels must be divisible by groups") }
        if case let .conv(layer) = self, layer.padding == .same, layer.stride.contains(where: { $0 != 1 }) {
            return .value("padding='same' is not supported for strided convolutions")
        }
        return nil
    }
}

/// PyTorch's exception for a family layer, word for word: its Python type and first line.
public struct FamilyError: Error, Equatable, Sendable {
    /// "ValueError" or "RuntimeError".
    public let pythonType: String
    /// The message.
    public let message: String

    /// A ValueError (raised by the module's constructor).
    static func value(_ message: String) -> FamilyError { FamilyError(pythonType: "ValueError", message: message) }
    /// A RuntimeError (raised running the module).
    static func runtime(_ message: String) -> FamilyError { FamilyError(pythonType: "RuntimeError", message: message) }
}

/// `[1, 3, 10]`, as PyTorch prints a size.
func sizeList(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
