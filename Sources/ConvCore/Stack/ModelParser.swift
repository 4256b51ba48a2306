/// Reads what `print(model)` prints for an `nn.Sequential`, flattening nested containers in the
/// order printed:
///
///     Sequential(
///       (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))
///       (1): ReLU(inplace=True)
///       # cat 0
///     )
///
/// A `# cat k` line (or `# cat k crop`) adds convscope's Cat layer at that point: k is the
/// 0-based index in the flattened layer list, Cat layers counted, so it equals print(model)'s
/// `(k)` until the first Cat. Other `#` lines are comments. A line may also be a bare layer
/// string such as `Conv2d(3, 8, 3)`.
public enum ModelParser {
    /// The layers of `text`, or the first problem with its line number.
    public static func parse(_ text: String) throws(LayerParseError) -> [StackLayer] {
        var layers: [StackLayer] = []
        var containers: [String?] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingSpaces
            if line.isEmpty { continue }
            do throws(LayerParseError) {
                if line.hasPrefix("#") {
                    if let cat = try catComment(line) { layers.append(.cat(cat)) }
                    continue
                }
                if line == ")" {
                    guard !containers.isEmpty else {
                        throw LayerParseError.syntax(text: line, column: 1, problem: "a ')' that closes nothing")
                    }
                    containers.removeLast()
                    continue
                }
                let (label, body) = splitLabel(line)
                if body.hasSuffix("("), !body.dropLast().contains("(") {
                    containers.append(label)
                    continue
                }
                let path = (containers + [label]).compactMap { $0 }.joined(separator: ".")
                do throws(LayerParseError) {
                    layers.append(try LayerParser.parse(body))
                } catch .unsupported(let name, _) {
                    throw LayerParseError.unsupported(name: name, label: path.isEmpty ? nil : path)
                }
            } catch {
                throw .line(offset + 1, error)
            }
        }
        if layers.isEmpty { throw .noLayers }
        return layers
    }

    /// `(12): Conv2d(…)` → ("12", "Conv2d(…)"); a line without a label keeps it nil.
    static func splitLabel(_ line: String) -> (String?, String) {
        guard line.hasPrefix("("), let close = line.firstIndex(of: ")"),
              line[line.index(after: close)...].hasPrefix(":") else { return (nil, line) }
        let label = String(line[line.index(after: line.startIndex)..<close])
        let body = String(line[line.index(close, offsetBy: 2)...]).trimmingSpaces
        return (label, body)
    }

    /// `# cat 3` / `# cat 3 crop` → a Cat layer; any other comment → nil.
    static func catComment(_ line: String) throws(LayerParseError) -> CatLayer? {
        let words = line.dropFirst().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.first?.lowercased() == "cat" else { return nil }
        guard words.count >= 2, words.count <= 3, let skip = Int(words[1]), skip >= 0,
              words.count == 2 || words[2] == "crop" else {
            throw .syntax(text: line, column: 1, problem: "write '# cat K' or '# cat K crop', K the 0-based index "
                          + "of an earlier layer")
        }
        return CatLayer(skip: skip, crop: words.count == 3)
    }
}
