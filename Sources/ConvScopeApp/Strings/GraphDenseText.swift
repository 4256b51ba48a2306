import ConvCore

/// The graph screen's dense panel (key c), in English and Russian: the course notes' comparison
/// of the selected convolution with a dense layer mapping the same input to the same output, and
/// the dense layer the model really has — its cost, and its cost had it read the last feature map whole.
/// A table: one row per layer, its parameters and multiplications in two columns.
struct GraphDenseText {
    let lang: Language
    let g: Glyphs

    /// The panel's lines for the selected row at `width`.
    func lines(_ s: GraphScreenState, width: Int) -> [PanelLine] {
        let table = Table(width: width, lang: lang, ellipsis: g.ellipsis)
        var out = [table.header(lang.pick("parameters", "параметры"), lang.pick("multiplications", "умножения"))]
        let step = s.outputStep, single = s.selectedEntry.steps.count == 1
        if single, let c = DenseComparison.conv(step) {
            out += table.heading(c.node + " " + step.node.op + " " + shape(c.inputShape) + arrow + shape(c.outputShape))
            out += table.row(lang.pick("this convolution", "эта свёртка"), c.convParameters, c.convMultiplications)
            out += table.row(lang.pick("dense, same input and output", "полносвязный, те же вход и выход"),
                             c.dense.parameters, c.dense.multiplications)
            out += table.row(lang.pick("dense / conv", "полносвязный / свёртка"),
                             times(c.dense.parameters, c.convParameters), times(c.dense.multiplications, c.convMultiplications),
                             style: PanelStyle.plainWords)
        } else if !(single && isLinear(step)) {
            out += PanelLine.wrap(text: lang.pick("Select a convolution (Conv2d) to compare it with a dense layer.",
                                                  "Выберите свёртку (Conv2d), чтобы сравнить её с полносвязным слоем."),
                                  width: width, style: PanelStyle.note)
        }
        out += modelLinear(s, table: table)
        // The course notes' form: (C_in·H_in·W_in + 1)·K with the bias.
        let p = g.product
        out += PanelLine.wrap(text: lang.pick("dense: parameters (in + 1)\(p)out with the bias, multiplications in\(p)out",
                                              "полносвязный: параметров (вход + 1)\(p)выход со смещением, умножений вход\(p)выход"),
                              width: width, style: PanelStyle.note)
        return out
    }

    func isLinear(_ step: GraphStep) -> Bool {
        if case .linear = step.node.operation { return true }
        return false
    }

    /// The model's own Linear (the selected one, else the first), on what it reads and on the whole map.
    func modelLinear(_ s: GraphScreenState, table: Table) -> [PanelLine] {
        let linears = DenseComparison.linears(s.trace)
        let selected = s.selectedEntry.steps.count == 1 ? s.outputStep.node.target : nil
        guard let shown = linears.first(where: { $0.node == selected }) ?? linears.first else {
            return PanelLine.wrap(text: lang.pick("The model has no Linear: no dense layer of its own to compare.",
                                                  "В модели нет Linear: своего полносвязного слоя для сравнения нет."),
                                  width: table.width, style: PanelStyle.note)
        }
        let d = shown.dense
        let k = (linears.firstIndex(of: shown) ?? 0) + 1
        let which = linears.count > 1 ? lang.pick(", \(k) of \(linears.count) Linear", ", \(k) из \(linears.count) Linear") : ""
        var out = table.heading("\(shown.node) Linear \(d.inputs)\(arrow)\(d.outputs)\(which) "
                                + lang.pick("(the model's own dense layer)", "(полносвязный слой самой модели)"))
        guard let map = shown.map, let whole = shown.onWholeMap else {
            out += table.row(lang.pick("on the \(grouped(d.inputs)) values of a dense layer",
                                       "на \(grouped(d.inputs)) значениях полносвязного слоя"), d.parameters, d.multiplications)
            return out
        }
        if whole.inputs == d.inputs {
            out += table.row(lang.pick("on \(map.node)'s whole map \(shape(map.shape))",
                                       "на всей карте \(map.node) \(shape(map.shape))"), d.parameters, d.multiplications)
            out += PanelLine.wrap(text: lang.pick("It reads a feature map whole: as the course notes say, a dense layer on a map is huge.",
                                                  "Он читает карту признаков целиком: как сказано в конспекте курса, "
                                                  + "полносвязный слой на карте огромен."),
                                  lead: "  ", indent: "  ", width: table.width, style: PanelStyle.plainWords)
            return out
        }
        out += table.row(lang.pick("on the pooled \(grouped(d.inputs)) values", "на сжатых \(grouped(d.inputs)) значениях"),
                         d.parameters, d.multiplications)
        out += table.row(lang.pick("if on \(map.node)'s whole map \(shape(map.shape))",
                                   "если на всей карте \(map.node) \(shape(map.shape))"), whole.parameters, whole.multiplications)
        out += table.row(lang.pick("whole map / pooled", "вся карта / сжатые"), times(whole.parameters, d.parameters),
                         times(whole.multiplications, d.multiplications), style: PanelStyle.plainWords)
        return out
    }

    var arrow: String { g.unicode ? " → " : " -> " }
    func shape(_ shape: [Int]) -> String { shape.dropFirst().map(String.init).joined(separator: g.times) }
    func grouped(_ n: Int) -> String { NumberText.grouped(n, lang) }

    /// "1,093×": how many times `a` is `b`, whole past 10.
    func times(_ a: Int, _ b: Int) -> String {
        guard b > 0 else { return lang.pick("n/a", "н/д") }
        let r = Double(a) / Double(b)
        return (r >= 10 ? grouped(Int(min(r, 9e18).rounded())) : NumberText.ratio((r * 100).rounded() / 100, lang)) + g.times
    }

    /// Rows of a label and two right-aligned numbers; the label is cut to leave them room.
    struct Table {
        let width: Int
        let lang: Language
        let ellipsis: String
        static let column = 17

        func header(_ a: String, _ b: String) -> PanelLine {
            PanelLine(text: cells("", a, b), style: PanelStyle.note)
        }
        func heading(_ text: String) -> [PanelLine] { PanelLine.wrap(text: text, width: width, style: PanelStyle.heading) }
        func row(_ label: String, _ a: Int, _ b: Int, style: Style = .plain) -> [PanelLine] {
            row(label, NumberText.grouped(a, lang), NumberText.grouped(b, lang), style: style)
        }
        /// One line; in a narrow panel the label on a line of its own above its numbers.
        func row(_ label: String, _ a: String, _ b: String, style: Style = .plain) -> [PanelLine] {
            guard width - 2 * Self.column < Self.narrowestLabel else { return [PanelLine(text: cells("  " + label, a, b), style: style)] }
            return PanelLine.wrap(text: label, lead: "  ", indent: "    ", width: width, style: style)
                + [PanelLine(text: cells("", a, b), style: style)]
        }
        static let narrowestLabel = 24
        func cells(_ label: String, _ a: String, _ b: String) -> String {
            let labelWidth = max(4, width - 2 * Self.column)
            let cut = label.count > labelWidth ? String(label.prefix(labelWidth - ellipsis.count)) + ellipsis : label
            return cut.padded(to: labelWidth) + a.leftPadded(to: Self.column, with: " ") + b.leftPadded(to: Self.column, with: " ")
        }
    }
}

extension GraphDenseText {
    /// The line under `render --layers`: the model's first Linear fed from a feature map, what it
    /// costs, and what it would cost reading that map whole (nil when no Linear reads a map).
    func tableNote(_ trace: GraphTrace) -> String? {
        guard let linear = DenseComparison.linears(trace).first(where: { $0.map != nil }), let map = linear.map,
              let whole = linear.onWholeMap else { return nil }
        let d = linear.dense
        let head = lang.pick("dense: ", "полносвязный: ") + "\(linear.node) Linear \(d.inputs)\(arrow)\(d.outputs) "
        if whole.inputs == d.inputs {
            return head + lang.pick("reads \(map.node)'s map \(shape(map.shape)) whole: \(grouped(d.parameters)) parameters "
                                    + "(the course notes' point: a dense layer on a feature map is huge)",
                                    "читает карту \(map.node) \(shape(map.shape)) целиком: \(grouped(d.parameters)) параметров "
                                    + "(как сказано в конспекте курса, полносвязный слой на карте огромен)")
        }
        return head + lang.pick("reads \(map.node)'s map \(shape(map.shape)) pooled to \(grouped(d.inputs)) values: "
                                + "\(grouped(d.parameters)) parameters; reading it whole it would need \(grouped(whole.parameters)) "
                                + "(\(times(whole.parameters, d.parameters)))",
                                "читает карту \(map.node) \(shape(map.shape)), сжатую до \(grouped(d.inputs)) значений: "
                                + "\(grouped(d.parameters)) параметров; читая её целиком, потребовал бы \(grouped(whole.parameters)) "
                                + "(\(times(whole.parameters, d.parameters)))")
    }
}

extension GraphDenseText {
    /// The stack screen's cost panel: the selected convolution against a dense layer from its whole
    /// input to its whole output (the course notes' comparison; a print(model) stack has no Linear of its own).
    func stackLines(input: [Int], output: [Int], parameters: Int, multiplications: Int, width: Int) -> [PanelLine] {
        let values = { (shape: [Int]) in Int.saturatingProduct(of: shape.dropFirst()) }
        let d = DenseComparison.Dense(inputs: values(input), outputs: values(output), bias: true)
        let text = lang.pick("dense, same input and output (the course notes' comparison): ",
                             "полносвязный, те же вход и выход (сравнение из конспекта курса): ")
            + formula(d) + lang.pick("; \(times(d.parameters, parameters)) the parameters, "
                                     + "\(times(d.multiplications, multiplications)) the multiplications",
                                     "; параметров \(times(d.parameters, parameters)), умножений \(times(d.multiplications, multiplications))")
        return PanelLine.wrap(text: text, lead: "  ", indent: "      ", width: width, style: PanelStyle.plainWords)
    }

    /// (in + 1)·out = parameters, in·out = multiplications, with the numbers.
    func formula(_ d: DenseComparison.Dense) -> String {
        let p = g.product
        return "(\(grouped(d.inputs)) + 1)\(p)\(grouped(d.outputs)) = \(grouped(d.parameters)) "
            + lang.noun(d.parameters, en: ("parameter", "parameters"), ru: ("параметр", "параметра", "параметров"))
            + ", \(grouped(d.inputs))\(p)\(grouped(d.outputs)) = " + grouped(d.multiplications) + " "
            + lang.noun(d.multiplications, en: ("multiplication", "multiplications"), ru: ("умножение", "умножения", "умножений"))
    }
}
