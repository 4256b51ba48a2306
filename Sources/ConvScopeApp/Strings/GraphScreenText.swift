import ConvCore

/// The graph screen's words in English and Russian. Node names, module names, shapes and
/// PyTorch's messages stay as the traced forward and PyTorch write them.
struct GraphScreenText {
    let lang: Language
    let g: Glyphs

    func shape(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: g.times) }

    /// The title bar's wordings, longest first.
    func titles(nodes: Int) -> [String] {
        let count = lang.count(nodes, en: ("node", "nodes"), ru: ("узла", "узлов", "узлов"))
        return [lang.pick(" convscope \(g.dot) a traced graph of \(count)", " convscope \(g.dot) граф из \(count)"),
                " convscope \(g.dot) \(count)", " convscope"]
    }

    /// `1×3×8×8 → 1×1000 · 11,689,512 parameters`, or where it broke.
    func summary(_ trace: GraphTrace) -> String {
        let arrow = g.unicode ? " → " : " -> "
        let output = trace.outputShape.map(shape) ?? (g.unicode ? "✗ " : "X ") + (trace.failure.map { trace.steps[$0.index].node.name } ?? "")
        let n = trace.parameterCount
        let params = NumberText.grouped(n, lang) + " " + lang.noun(n, en: ("parameter", "parameters"), ru: ("параметр", "параметра", "параметров"))
        return shape(trace.inputShape) + arrow + output + " \(g.dot) " + params
    }

    var inputWord: String { ScreenText.sectionWord(.input, lang) }
    var modelInput: String { lang.pick("the model's input", "вход модели") }
    func inputTitle(_ s: [Int]) -> String { ScreenText.sectionTitle(.input, shape: s, lang, g) }
    func outputTitle(_ s: [Int]) -> String { ScreenText.sectionTitle(.output, shape: s, lang, g) }
    func weightsTitle(_ rows: Int, _ columns: Int) -> String {
        lang.pick("weights \(rows)\(g.times)\(columns)", "веса \(rows)\(g.times)\(columns)") + " " + lang.pick("(all ones)", "(все единицы)")
    }
    func fieldTitle(_ h: Int, _ w: Int) -> String {
        lang.pick("paths \(h)\(g.times)\(w)", "пути \(h)\(g.times)\(w)")
    }
    func scale(_ top: String) -> String { lang.pick("scale 0\(g.dash)\(top)", "шкала 0\(g.dash)\(top)") }
    var scaleEachMap: String { lang.pick("scale 0\(g.dash)max of each map", "шкала 0\(g.dash)максимум каждой карты") }
    var oneCountPerCell: String { lang.pick("paths from each input cell", "путей из каждой ячейки входа") }

    /// A row's words: a node's short name and class, a join's inputs, a block's name and size.
    func label(_ entry: GraphOutline.Entry, _ s: GraphScreenState, folded: Bool) -> String {
        switch entry {
        case let .block(name, _, steps):
            let mark = g.unicode ? (folded ? "⊞ " : "⊟ ") : (folded ? "+ " : "- ")
            return mark + name + (folded ? " (" + lang.count(steps.count, en: ("node", "nodes"), ru: ("узел", "узла", "узлов")) + ")" : "")
        case let .node(index, _):
            let node = s.trace.steps[index].node
            if node.module != nil { return (node.target.split(separator: ".").last.map(String.init) ?? node.name) + " " + node.op }
            guard !node.inputs.isEmpty else { return node.name + " " + node.op }
            let names = node.inputs.map { input -> String in
                guard input != s.model.inputName, let i = s.stepIndex[input] else { return input }
                let n = s.trace.steps[i].node
                return n.module != nil ? n.target : n.name
            }
            let joined = names.count > 1 ? names.joined(separator: GraphTable.symbol(node.op).map { " \($0) " } ?? ", ") : names[0]
            return node.name + (g.unicode ? " ← " : " <- ") + joined
        }
    }

    /// A row's right columns: the output shape (or what broke) and the parameters.
    func columns(_ entry: GraphOutline.Entry, _ s: GraphScreenState) -> (shape: String, params: String) {
        let steps = s.trace.steps[entry.steps]
        let last = steps.last!
        let params = steps.parameterCount
        let shown: String
        switch last.status {
        case .ran: shown = GraphTable.resultText(last.result)
        case .failed: shown = StackWords.broken(lang)
        case .notRun: shown = StackWords.notRun(lang)
        }
        return (shown, params == 0 ? "" : NumberText.grouped(params, lang))
    }

    /// The selected row in one line: what it is, reads and makes.
    func about(_ s: GraphScreenState) -> String {
        let step = s.outputStep, node = step.node
        switch s.selectedEntry {
        case let .block(name, _, steps):
            let params = s.trace.steps[steps].parameterCount
            return lang.pick("block \(name): \(steps.count) nodes, \(NumberText.grouped(params, lang)) parameters, output of \(node.name)",
                             "блок \(name): узлов \(steps.count), параметров \(NumberText.grouped(params, lang)), выход узла \(node.name)")
        case .node:
            let line = lang.pick("(line \(node.line))", "(строка \(node.line))")
            // A node a lesson weighed otherwise than the course notebook's all ones says so.
            let weighed = s.stepIndex[node.name].flatMap { s.model.weightSources?[$0] }
                .map { " \(g.dot) " + LayerLessonText.weights($0, lang) } ?? ""
            if let module = node.module { return "\(node.target): \(module) " + line + weighed }
            let reads = GraphTable.symbol(node.op).map { node.inputs.joined(separator: " \($0) ") }
                ?? node.op + "(" + node.inputs.joined(separator: ", ") + ")"
            return "\(node.name) = \(reads) " + line
        }
    }

    /// The receptive field of the selected output: r, jump and start per axis, or its range.
    func field(_ step: GraphStep) -> String? {
        guard let f = step.field else { return nil }
        var text = lang.pick("receptive field", "рецептивное поле") + ": r \(GraphTable.fieldText(step, f))"
            + ", j \(StackTable.pairText(f.h.jump, f.w.jump))" + lang.pick(", start ", ", начало ") + "\(f.h.start), \(f.w.start)"
        if step.fieldRange != nil {
            text += lang.pick(" (r depends on the cell)", " (r зависит от ячейки)")
        }
        return text
    }

    /// The inspected cell, its value and the input region that can change it.
    func inspected(_ s: GraphScreenState) -> String {
        let c = s.cursor
        let name = s.outputStep.node.name
        var text = lang.pick("cell", "ячейка") + " [\(c.channel), \(c.y), \(c.x)] " + lang.pick("of", "узла") + " \(name)"
        if let t = s.tensor(name) {
            let four = GraphMaps.four(t.shape)
            let i = (c.channel * four[2] + c.y) * four[3] + c.x
            if t.storage.indices.contains(i) { text += " = " + NumberText.cell(t.storage[i]) }
        }
        let input = s.trace.inputShape
        if let (rows, cols) = s.outputStep.inputSupport(y: c.y, x: c.x, height: input[2], width: input[3]) {
            text += lang.pick("; reads input rows \(rows.lowerBound)\(g.dash)\(rows.upperBound), columns \(cols.lowerBound)\(g.dash)\(cols.upperBound)",
                              "; читает строки входа \(rows.lowerBound)\(g.dash)\(rows.upperBound), столбцы \(cols.lowerBound)\(g.dash)\(cols.upperBound)")
        }
        return text
    }

    /// The effective field's key: the most paths, and how many input cells have any.
    func pathsLegend(_ counts: [[Double]]) -> String {
        let all = counts.flatMap { $0 }
        let most = all.max() ?? 0, reached = all.filter { $0 > 0 }.count
        let top = most < 1e15 ? NumberText.grouped(Int(most), lang) : String(format: "%.3g", most)
        return lang.pick("effective field: up to \(top) paths from one input cell; \(reached) of \(all.count) cells reach it; the box is r\(g.times)r",
                         "эффективное поле: до \(top) путей из одной ячейки входа; \(reached) из \(all.count) ячеек влияют; рамка — r\(g.times)r")
    }

    var computing: String { lang.pick("computing the maps (and the nodes before them)…", "вычисляются карты (и узлы перед ними)…") }

    func moreInputs(shown: Int, of count: Int) -> String {
        lang.pick("the first \(shown) of its \(count) inputs are shown", "показаны первые \(shown) из \(count) входов")
    }

    func note(_ note: GraphNote) -> String {
        switch note {
        case .noBlock: lang.pick("this row is in no block to fold", "эта строка не входит в блок, который можно свернуть")
        case .noMapsToInspect: lang.pick("the selected node has no output map to inspect", "у выбранного узла нет карты выхода для исследования")
        case .noField: lang.pick("the effective field is traced for a node with height and width from the input",
                                 "эффективное поле строится для узла с высотой и шириной из входа")
        case .notTransposed: lang.pick("the direct and scatter forms explain a ConvTranspose2d node; select one",
                                       "прямая форма и разброс объясняют узел ConvTranspose2d; выберите такой узел")
        case .lesson(let note): LayerLessonText.note(note, lang, g)
        }
    }

    /// Why the selected row has no maps: sizes worked out from shapes, a node after the break, or
    /// values convscope does not compute (a map over the screen's budget, or after a function it only follows).
    func noMaps(_ step: GraphStep, broken: GraphStep?) -> String? {
        switch step.status {
        case .failed: return nil  // PyTorch's message is in the notes
        case .notRun:
            let at = broken?.node.name ?? ""
            return lang.pick("\(step.node.name) did not run: the graph breaks at \(at)", "\(step.node.name) не выполнялся: граф ломается на \(at)")
        case .ran: break
        }
        switch step.result {
        case .integer?, .integers?:
            return lang.pick("\(step.node.name) works out sizes from shapes (\(GraphTable.resultText(step.result))): it has no maps",
                             "\(step.node.name) вычисляет размеры по формам (\(GraphTable.resultText(step.result))): карт у него нет")
        default:
            return lang.pick("values of \(step.node.name) are not computed here: render --layers shows its shape",
                             "значения \(step.node.name) здесь не вычисляются: render --layers покажет его форму")
        }
    }
}
