/// Reads a layer as you would write it in PyTorch: `Conv2d(3, 8, 3, stride=2, padding=1)`,
/// `nn.MaxPool2d(2)`, what `print(model)` prints for one module, or convscope's `Cat(k)`.
public enum LayerParser {
    /// The layer `text` describes, or one line saying what is wrong and what is allowed.
    public static func parse(_ text: String) throws(LayerParseError) -> StackLayer {
        let trimmed = text.trimmingSpaces
        let call = try LayerSyntaxReader.read(trimmed)
        guard let kind = LayerKind.named(call.name) else {
            throw .unsupported(name: call.name, label: nil)
        }
        let layer = try kind.build(try BoundArguments(call, text: trimmed, signature: kind.signature))
        if let error = layer.constructionError { throw .construction(text: trimmed, error: error) }
        return layer
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Only the ends are looked at: reversing the whole string cost most of a 175-node print's reading.
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
