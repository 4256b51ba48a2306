/// One layer of a stack: every module convscope draws.
public enum StackLayer: Equatable, Hashable, Sendable {
    case conv2d(Conv2dLayer)
    case convTranspose2d(ConvTranspose2dLayer)
    case maxPool2d(MaxPool2dLayer)
    case avgPool2d(AvgPool2dLayer)
    case shapePreserving(ShapePreservingLayer)
    case cat(CatLayer)
    /// A kind from the table (`LayerKind.all`) whose maths is its `StackModule`.
    case module(ModuleLayer)

    /// The module's class name (`Cat` for convscope's skip connection).
    public var name: String {
        switch self {
        case .conv2d: "Conv2d"
        case .convTranspose2d: "ConvTranspose2d"
        case .maxPool2d: "MaxPool2d"
        case .avgPool2d: "AvgPool2d"
        case let .shapePreserving(layer): layer.name
        case .cat: "Cat"
        case let .module(layer): layer.module.name
        }
    }

    /// What `print(model)` prints for the module (for Cat, the layer string that builds it).
    public var pytorchRepr: String {
        switch self {
        case let .conv2d(layer): layer.pytorchRepr
        case let .convTranspose2d(layer): layer.pytorchRepr
        case let .maxPool2d(layer): layer.pytorchRepr
        case let .avgPool2d(layer): layer.pytorchRepr
        case let .shapePreserving(layer): layer.pytorchRepr
        case let .cat(layer): layer.pytorchRepr
        case let .module(layer): layer.module.pytorchRepr
        }
    }

    /// The weight shape of a layer that has weights (Conv2d, ConvTranspose2d), else nil.
    public var weightShape: [Int]? {
        switch self {
        case let .conv2d(layer): layer.weightShape
        case let .convTranspose2d(layer): layer.weightShape
        default: nil
        }
    }

    /// The bias length of a layer with a bias, else nil.
    public var biasCount: Int? {
        switch self {
        case let .conv2d(layer): layer.bias ? layer.outChannels : nil
        case let .convTranspose2d(layer): layer.bias ? layer.outChannels : nil
        default: nil
        }
    }

    /// Learnable parameters, as torchinfo counts them: weights plus biases.
    public var parameterCount: Int {
        let weights = weightShape.map { Int.saturatingProduct(of: $0) } ?? 0
        if case let .shapePreserving(.batchNorm2d(bn)) = self { return bn.parameterCount }
        return .saturatingSum(weights, biasCount ?? 0)
    }
}
