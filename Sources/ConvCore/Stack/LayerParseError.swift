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
    /// A container other than nn.Sequential (`BasicBlock`, `ModuleList`, a user's class): its
    /// forward is not in the print; `label` is its qualified name, nil for the printed model itself.
    case container(name: String, label: String?)

    /// The layers convscope draws, for the messages.
    static let supported = "convscope draws " + LayerKind.all.map(\.name).joined(separator: ", ")

    /// The one-line message.
    public var message: String {
        switch self {
        case let .syntax(text, column, problem): "\(Self.excerpt(text)): at column \(column): \(problem)"
        case let .unsupported(name, label):
            "\(name)\(label.map { " at (\($0))" } ?? "") is not supported: \(Self.supported)"
        case let .construction(text, error): "\(Self.excerpt(text)): \(error.pythonType): \(error.message)"
        case let .line(number, error): "line \(number): \(error.message)"
        case .noLayers: "the model has no layers: paste what print(model) prints, one module per line"
        case let .container(name, label): Self.containerMessage(name, label)
        }
    }

    /// The text a message quotes, at most 80 characters, so the problem after it stays on the line.
    static func excerpt(_ text: String) -> String { text.count > 80 ? String(text.prefix(79)) + "\u{2026}" : text }

    /// Why a container is refused and what to paste instead.
    static func containerMessage(_ name: String, _ label: String?) -> String {
        let place = label.map { "\(name) at (\($0))" } ?? name
        let why = ["ModuleList", "ModuleDict"].contains(name)
            ? "a \(name) only holds modules, and the forward that runs them is not in print(model)"
            : "print(model) does not show its forward, so the order of its children and any addition or "
              + "concatenation are unknown (only nn.Sequential itself runs its children as printed)"
        return "\(place): \(why); paste an nn.Sequential of its layers in the order they run, "
            + "with '# cat k' lines for torch.cat"
    }
}
