/// Reads what `print(model)` prints for an `nn.Sequential`:
///
///     Sequential(
///       (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))
///       (1): ReLU(inplace=True)
///       # cat 0
///     )
///
/// Only `Sequential(` containers are read, nested or not: print(model) shows a module's children
/// but never its forward, and only nn.Sequential promises to run its children in the order
/// printed. Any other container (`BasicBlock(`, `Fire(`, `ModuleList(`, a user's class) is
/// refused by name, since a trace of it would describe another network. A repeat
/// `(a-b): n x Module(` inside a Sequential stands for n copies named a…b.
///
/// A `# cat k` line (or `# cat k crop`) adds convscope's Cat layer at that point, joining the
/// output of the layer print(model) labels k (`3`, `features.3`; a container's label means its
/// last layer). Other `#` lines are comments. A line may also be a bare layer string such as
/// `Conv2d(3, 8, 3)`, named by its position.
public enum ModelParser {
    /// The layers of `text`, or the first problem with its line number.
    public static func parse(_ text: String) throws(LayerParseError) -> [StackLayer] {
        try read(text).layers
    }

    /// The layers of `text` with the print's names and the defaults its print made convscope
    /// assume, or the first problem with its line number.
    public static func read(_ text: String) throws(LayerParseError) -> PrintedModel {
        let tree = try PrintTree(text)
        var walker = Walker()
        try walker.walk(tree.lines, path: [])
        if walker.model.layers.isEmpty { throw .noLayers }
        return walker.model
    }

    /// `# cat 3` / `# cat features.3 crop` → (the label, crop); any other comment → nil.
    static func catComment(_ line: String) throws(LayerParseError) -> (target: String, crop: Bool)? {
        let words = line.dropFirst().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.first?.lowercased() == "cat" else { return nil }
        guard words.count >= 2, words.count <= 3, words.count == 2 || words[2] == "crop" else {
            throw .syntax(text: line, column: 1, problem: "write '# cat K' or '# cat K crop', K print(model)'s label of "
                          + "an earlier layer, e.g. 3 or features.3")
        }
        return (words[1], words.count == 3)
    }

    /// Builds the model line by line, depth first, in the order the layers run.
    private struct Walker {
        var model = PrintedModel(layers: [], names: [], assumed: [])
        /// Layers from lines of the print (not `# cat` lines), which name unlabelled lines.
        var printedLayers = 0

        mutating func walk(_ lines: [PrintTree.Line], path: [String]) throws(LayerParseError) {
            for line in lines {
                do throws(LayerParseError) {
                    try visit(line, path: path)
                } catch let .line(number, error) {
                    throw .line(number, error)
                } catch {
                    throw .line(line.number, error)
                }
            }
        }

        private mutating func visit(_ line: PrintTree.Line, path: [String]) throws(LayerParseError) {
            if line.isComment {
                guard let cat = try catComment(line.body) else { return }
                let skip = try index(named: cat.target, line: line.body)
                append(.cat(CatLayer(skip: skip, crop: cat.crop)), name: unique("cat"), assumed: [])
                return
            }
            let labels = line.repeated.map { $0.map(String.init) } ?? [line.label].compactMap { $0 }
            if let container = line.containerClass {
                let qualified = (path + [labels.first].compactMap { $0 }).joined(separator: ".")
                guard container == "Sequential" else {
                    throw .container(name: container, label: qualified.isEmpty ? nil : qualified)
                }
                guard labels.count <= PrintedModel.layerLimit else {
                    throw .syntax(text: line.body, column: 1, problem: "a model holds at most \(PrintedModel.layerLimit) layers")
                }
                if labels.isEmpty { try walk(line.children ?? [], path: path) }
                for label in labels { try walk(line.children ?? [], path: path + [label]) }
                return
            }
            // An empty container prints on one line: `Sequential()` passes its input on, a
            // `ModuleList()` is still a container whose forward the print does not show.
            let empty = line.body.hasSuffix("()") ? String(line.body.dropLast(2)) : nil
            if let empty, ["Sequential", "nn.Sequential"].contains(empty) { return }
            if let empty, ["ModuleList", "ModuleDict", "nn.ModuleList", "nn.ModuleDict"].contains(empty) {
                let qualified = (path + [labels.first].compactMap { $0 }).joined(separator: ".")
                throw .container(name: empty.hasPrefix("nn.") ? String(empty.dropFirst(3)) : empty, label: qualified.isEmpty ? nil : qualified)
            }
            guard model.layers.count + labels.count <= PrintedModel.layerLimit else {
                throw .syntax(text: line.body, column: 1, problem: "a model holds at most \(PrintedModel.layerLimit) layers")
            }
            for label in labels.isEmpty ? [nil] : labels.map(Optional.some) {
                let name = label.map { (path + [$0]).joined(separator: ".") }
                try leaf(line.body, name: name)
            }
        }

        private mutating func leaf(_ text: String, name: String?) throws(LayerParseError) {
            var layer: StackLayer
            do throws(LayerParseError) {
                layer = try LayerParser.parse(text)
            } catch .unsupported(let module, _) {
                throw LayerParseError.unsupported(name: module, label: name)
            }
            // A bare `Cat(k)` line names k as the print does: by label.
            if case let .cat(cat) = layer { layer = .cat(CatLayer(skip: try index(named: "\(cat.skip)", line: text), crop: cat.crop)) }
            append(layer, name: unique(name ?? "\(printedLayers)"), assumed: PrintedDefaults.hidden(in: text))
            printedLayers += 1
        }

        private mutating func append(_ layer: StackLayer, name: String, assumed: [HiddenArgument]) {
            model.layers.append(layer)
            model.names.append(name)
            model.assumed.append(assumed)
        }

        /// The earlier layer print(model) labels `target`; a container's label names its last layer.
        private func index(named target: String, line: String) throws(LayerParseError) -> Int {
            if let exact = model.names.lastIndex(of: target) { return exact }
            if let last = model.names.lastIndex(where: { $0.hasPrefix(target + ".") }) { return last }
            throw .syntax(text: line, column: 1, problem: "no layer labelled (\(target)) before this line; a Cat names an "
                          + "earlier layer by print(model)'s label, e.g. 3 or features.3")
        }

        /// `base`, or `base_1`, `base_2`… when taken (as torch.fx names repeated calls).
        private func unique(_ base: String) -> String {
            guard model.names.contains(base) else { return base }
            var n = 1
            while model.names.contains("\(base)_\(n)") { n += 1 }
            return "\(base)_\(n)"
        }
    }
}

/// A model read from print(model): its layers in the order they run, each with the print's name.
public struct PrintedModel: Equatable, Sendable {
    /// The layers, in the order they run.
    public var layers: [StackLayer]
    /// The qualified name `named_modules()` gives each layer (`features.3`, `0.1`); `cat`,
    /// `cat_1`… for the `# cat` lines, which the print does not number.
    public var names: [String]
    /// Per layer, the arguments its print does not show, whose PyTorch defaults were assumed.
    public var assumed: [[HiddenArgument]]
    /// The most layers a model may hold (a repeat `(0-99999): 100000 x …` is refused, not built).
    public static let layerLimit = 10_000

    /// Layers with their names and assumptions, one of each per layer.
    public init(layers: [StackLayer], names: [String], assumed: [[HiddenArgument]]) {
        self.layers = layers; self.names = names; self.assumed = assumed
    }

    /// `--layer` strings: named by their position, nothing assumed.
    public init(positional layers: [StackLayer]) {
        self.init(layers: layers, names: layers.indices.map { "\($0)" }, assumed: layers.map { _ in [] })
    }
}
