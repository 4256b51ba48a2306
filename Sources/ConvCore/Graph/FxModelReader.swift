/// Reads `print(torch.fx.symbolic_trace(model))`: the module tree (each module's arguments) and
/// the generated `def forward`, whose lines say what runs on what, branches and joins included.
public enum FxModelReader {
    /// True when `text` holds a traced forward rather than a plain print(model).
    public static func isTracedPrint(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { String($0).trimmingSpaces.hasPrefix("def forward(") }
    }

    /// The graph, or the first line convscope cannot read, with its number. A traced print does
    /// not say the input's size, so the model's `inputShape` is empty until the caller sets it.
    public static func read(_ text: String) throws(LayerParseError) -> Model {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let def = lines.firstIndex(where: { $0.trimmingSpaces.hasPrefix("def forward(") }) else { throw .noLayers }
        let modules = try moduleTable(lines[..<def].joined(separator: "\n"))
        let input = try argumentName(lines[def], line: def + 1)
        var builder = FxGraphBuilder(modules: modules, input: input)
        for number in (def + 1)..<lines.count {
            let text = lines[number]
            // The forward ends where the indentation does (fx's closing comment, a blank tail).
            if !text.isEmpty, !text.hasPrefix(" "), !text.hasPrefix("\t") { break }
            let statement: FxStatement?
            do throws(FxCodeReader.Failure) {
                statement = try FxCodeReader.statement(text, line: number + 1)
            } catch {
                throw .line(number + 1, .syntax(text: text.trimmingSpaces, column: error.column, problem: error.problem))
            }
            guard let statement else { continue }
            do throws(LayerParseError) {
                if try builder.add(statement) { break }
            } catch .syntax(_, _, let problem) {
                // The code line itself, shortened: densenet's torch.cat lines run to 33 names.
                let code = text.trimmingSpaces.split(separator: ";").first.map(String.init) ?? text
                let shown = code.count > 80 ? String(code.prefix(77)) + "..." : code
                throw .line(number + 1, .syntax(text: shown, column: 1, problem: problem))
            } catch {
                throw .line(number + 1, error)
            }
        }
        guard let output = builder.output else { throw .line(def + 1, .syntax(text: lines[def].trimmingSpaces, column: 1,
                                                                             problem: "the forward has no return line")) }
        guard !builder.nodes.isEmpty else { throw .noLayers }
        return Model(inputName: input, inputShape: [], nodes: builder.nodes, outputName: output)
    }

    /// `def forward(self, x : torch.Tensor) -> torch.Tensor:` → "x".
    static func argumentName(_ line: String, line number: Int) throws(LayerParseError) -> String {
        let words = line.split(whereSeparator: { "(),:".contains($0) }).map { String($0).trimmingSpaces }
        guard words.count >= 3, words[1] == "self", !words[2].isEmpty, !words[2].contains(" ") else {
            throw .line(number, .syntax(text: line.trimmingSpaces, column: 1,
                                        problem: "convscope reads a forward of one tensor: def forward(self, x)"))
        }
        return words[2]
    }

    /// Every leaf module of the tree by its qualified name, with its line and repr.
    static func moduleTable(_ text: String) throws(LayerParseError) -> [String: (repr: String, line: Int)] {
        var table: [String: (String, Int)] = [:]
        func walk(_ lines: [PrintTree.Line], _ path: [String]) {
            for line in lines where !line.isComment {
                let name = (path + [line.label].compactMap { $0 })
                if let children = line.children { walk(children, name) } else {
                    table[name.joined(separator: ".")] = (line.body, line.number)
                }
            }
        }
        walk(try PrintTree(text).lines, [])
        return table
    }
}
