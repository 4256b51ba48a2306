/// An argument a module's print does not show, and the PyTorch default convscope assumed for it.
public struct HiddenArgument: Equatable, Hashable, Sendable {
    /// The constructor argument (`ceil_mode`).
    public let name: String
    /// PyTorch's default, as Python writes it (`False`).
    public let assumed: String
}

/// What each module's print omits (the table's `hiddenByPrint`), read from PyTorch 2.13's `extra_repr`s. Conv2d and
/// ConvTranspose2d omit only arguments at their defaults, and every shape-preserving layer shows
/// what changes its values, so only AvgPool2d and Upsample (align_corners) hide settings that change the trace.
/// MaxPool2d's print omits `return_indices`; True hands the next layer a tuple, which no module
/// of a Sequential takes, so False is the only value under which the printed chain runs.
public enum PrintedDefaults {
    /// The arguments of the module `text` that its print hides and the text does not write.
    static func hidden(in text: String) -> [HiddenArgument] {
        guard let call = try? LayerSyntaxReader.read(text.trimmingSpaces),
              let kind = LayerKind.named(call.name), !kind.hiddenByPrint.isEmpty else { return [] }
        let (hidden, signature) = (kind.hiddenByPrint, kind.signature)
        let limit = signature.positional ?? signature.parameters.count
        let written = Set(call.arguments.enumerated().compactMap { index, argument in
            argument.name ?? (index < limit ? signature.parameters[index] : nil)
        })
        return hidden.filter { !written.contains($0.name) }
    }

    /// `AvgPool2d at (3): its print does not show ceil_mode or count_include_pad; PyTorch's
    /// defaults (False, True) assumed — write them in the line to change them`.
    public static func note(module: String, name: String, _ hidden: [HiddenArgument]) -> String {
        "\(module) at (\(name)): " + sentence(hidden)
    }

    /// The note without its place, for a layer's own row or panel.
    public static func sentence(_ hidden: [HiddenArgument]) -> String {
        let names = hidden.map(\.name), values = hidden.map(\.assumed)
        let list = names.count <= 1 ? names.joined()
            : names.dropLast().joined(separator: ", ") + " or " + names.last!
        let plural = hidden.count == 1 ? "default" : "defaults"
        return "its print does not show \(list); PyTorch's \(plural) (\(values.joined(separator: ", "))) assumed "
            + "\u{2014} write \(hidden.count == 1 ? "it in the line to change it" : "them in the line to change them")"
    }
}
