import ConvCore

/// `convscope render --layers` of a torch.fx print: every node of the forward, joins included,
/// as a table (like torchinfo's summary) or as JSON of the same shape as a Sequential's.
public enum GraphTable {
    /// The table's text; `unicode` false writes ASCII stand-ins; `depth` folds every module
    /// below that depth of its qualified name into one row with subtotals, as torchinfo's depth.
    public static func text(_ trace: GraphTrace, depth: Int? = nil, unicode: Bool = true, language l: Language) -> String {
        let titles = [l.pick("node", "узел"), l.pick("module or function", "модуль или функция"), l.pick("reads", "читает"),
                      l.pick("input", "вход"), l.pick("output", "выход"), "k/s", l.pick("params", "парам."),
                      l.pick("mults", "умнож."), "r", "j"]
        var rows: [[String]] = [titles]
        var messages: [Int: String] = [:]
        let blocks = depth.map { GraphBlocks.keys(trace, depth: $0) } ?? trace.steps.map { _ in nil }
        var index = 0
        while index < trace.steps.count {
            if let key = blocks[index] {
                var end = index
                while end + 1 < trace.steps.count && blocks[end + 1] == key { end += 1 }
                rows.append(GraphBlocks.row(trace.steps[index...end], name: key, l))
                index = end + 1
                continue
            }
            let step = trace.steps[index]
            index += 1
            let node = step.node
            let what = node.module == nil && node.op != "get_attr" ? node.op : "\(node.target) \(node.op)"
            let reads = node.inputs.count > 1 ? node.inputs.joined(separator: symbol(node.op).map { " \($0) " } ?? ", ")
                : node.inputs.first ?? ""
            var row = [node.name, what, "← " + reads, step.inputShapes.first.map(StackTable.shapeText) ?? ""]
            switch step.status {
            case .ran:
                row += [node.operation == .parameter(shape: nil) ? "?" : resultText(step.result), kernelAndStride(node.operation)]
                row += [NumberText.grouped(step.parameterCount, l), NumberText.grouped(step.multiplications, l)]
                row += step.field.map { [fieldText(step, $0), StackTable.pairText($0.h.jump, $0.w.jump)] } ?? ["-", "-"]
            case let .failed(error):
                row += [StackWords.broken(l), "", NumberText.grouped(step.parameterCount, l), "", "", ""]
                messages[rows.count] = "    ✗ \(error.pythonType): \(error.message)"
            case .notRun:
                row += [StackWords.notRun(l), "", NumberText.grouped(step.parameterCount, l), "", "", ""]
            }
            rows.append(row)
        }
        let output = trace.outputShape.map(StackTable.shapeText) ?? (unicode ? "✗" : "X")
        var lines = [StackTable.shapeText(trace.inputShape) + " → " + output, ""]
            + StackTable.aligned(rows, numbersFrom: 6, under: messages)
        lines.append("")
        var total = StackWords.total(l, parameters: trace.parameterCount, multiplications: trace.multiplications)
        if let failure = trace.failure {
            total += StackWords.brokenAt(l, name: trace.steps[failure.index].node.name,
                                         notRun: trace.steps.count - failure.index - 1)
        } else {
            total += StackWords.output(l, output)
        }
        lines += [total, l.pick("mults: multiplications by weights (Conv2d, ConvTranspose2d per input cell, Linear); "
                                + "torchinfo's MACs add bias and BatchNorm terms",
                                "умнож.: умножения на веса (Conv2d, ConvTranspose2d — на ячейку входа, Linear); "
                                + "MACs у torchinfo добавляют смещения и BatchNorm"),
                  StackWords.fieldLegend(l)]
        // The course notes' conv-vs-dense point on the model's own Linear.
        lines += GraphDenseText(lang: l, g: .unicodeSet).tableNote(trace).map { [$0] } ?? []
        let text = lines.joined(separator: "\n") + "\n"
        return unicode ? text : StackTable.asciiText(text).replacingOccurrences(of: "←", with: "<-")
    }

    /// r, or its range over the cells where it depends on the cell (`12–16`, per axis `12–16×14`).
    static func fieldText(_ step: GraphStep, _ field: Field) -> String {
        guard let (h, w) = step.fieldRange else { return StackTable.pairText(field.h.size, field.w.size) }
        func text(_ r: ClosedRange<Int>) -> String { r.count > 1 ? "\(r.lowerBound)–\(r.upperBound)" : "\(r.lowerBound)" }
        return h == w ? text(h) : text(h) + "×" + text(w)
    }

    /// The operator a binary node's row joins its inputs with; nil for a call (`cat`, `view`).
    static func symbol(_ op: String) -> String? {
        ["add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//"][op]
    }

    /// A tensor's shape, chunk's shapes, a shape's sizes `(1, 24, 56, 56)` or an integer `= 12`.
    static func resultText(_ result: GraphResult?) -> String {
        switch result {
        case let .tensor(shape)?: StackTable.shapeText(shape)
        case let .tensors(shapes)?: shapes.map(StackTable.shapeText).joined(separator: ", ")
        case let .integers(sizes)?: "(" + sizes.map(String.init).joined(separator: ", ") + ")"
        case let .integer(n)?: "= \(n)"
        case nil: ""
        }
    }

    /// `3/2` for a window of 3 moving by 2, empty for a node without windows.
    static func kernelAndStride(_ operation: GraphOperation) -> String {
        if case let .family(layer) = operation {
            // Per axis, written once when every axis agrees (3/1, or 3×5×5/1×2×2 for a volume).
            let (k, s): ([Int], [Int]) = switch layer {
            case let .conv(c): (c.kernelSize, c.stride)
            case let .convTranspose(c): (c.kernelSize, c.stride)
            case let .pool(p): (p.kernels, p.strides)
            }
            let axes = { (v: [Int]) in Set(v).count == 1 ? "\(v[0])" : v.map(String.init).joined(separator: "×") }
            return axes(k) + "/" + axes(s)
        }
        guard case let .layer(layer) = operation else { return "" }
        let pairs: (SpatialPair, SpatialPair)? = switch layer {
        case let .conv2d(c): (c.kernelSize, c.stride)
        case let .convTranspose2d(c): (c.kernelSize, c.stride)
        case let .maxPool2d(p): (p.kernelSize.pair, (p.stride ?? p.kernelSize).pair)
        case let .avgPool2d(p): (p.kernelSize.pair, (p.stride ?? p.kernelSize).pair)
        default: nil
        }
        guard let (k, s) = pairs else { return "" }
        return (k.h == k.w ? "\(k.h)" : "\(k.h)×\(k.w)") + "/" + (s.h == s.w ? "\(s.h)" : "\(s.h)×\(s.w)")
    }
}
