/// Why a layer string or a model file line could not become a layer: one line naming the text,
/// where, and what is allowed.
public enum LayerParseError: Error, Equatable, Sendable {
    /// The text is not a call convscope can read; `column` is 1-based.
    case syntax(text: String, column: Int, problem: String)
    /// A module convscope does not draw; `label` is its print(model) name, e.g. "5" or "2.0".
    case unsupported(name: String, label: String?)
    /// PyTorch refuses to build the module (its ValueError, word for word).
    case construction(text: String, error: StackLayerError)
    /// A problem in a model file, at a 1-based line.
    indirect case line(Int, LayerParseError)
    /// A model file without a single layer.
    case noLayers

    /// The layers convscope draws, for the messages.
    static let supported = "convscope draws Conv2d, ConvTranspose2d, MaxPool2d, AvgPool2d, Cat and shape-preserving "
        + "layers (ReLU, LeakyReLU, Sigmoid, Tanh, GELU, BatchNorm2d, Dropout, Dropout2d, Identity)"

    /// The one-line message.
    public var message: String {
        switch self {
        case let .syntax(text, column, problem): "\(text): at column \(column): \(problem)"
        case let .unsupported(name, label):
            "\(name)\(label.map { " at (\($0))" } ?? "") is not supported: \(Self.supported)"
        case let .construction(text, error): "\(text): \(error.pythonType): \(error.message)"
        case let .line(number, error): "line \(number): \(error.message)"
        case .noLayers: "the model has no layers: paste what print(model) prints, one module per line"
        }
    }
}
