import ConvCore

/// The stack screen's sentences in English and Russian. Module reprs, shapes, parameter names
/// and PyTorch's messages stay as PyTorch writes them.
struct StackText {
    let lang: Language
    let g: Glyphs
    /// The model whose layers are named (print(model)'s names, or positions); none: positions.
    var model: Model? = nil

    /// Layer `index` as the model names it: `features.3`, or `3` (asked per name shown, so a
    /// frame of a 5,000-layer model names only what it draws).
    func n(_ index: Int) -> String {
        guard let model, model.layers.indices.contains(index) else { return "\(index)" }
        return model.name(index)
    }

    /// "1×8×32×32".
    func shape(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: g.times) }

    /// The title bar's wordings, longest first; while the selected layer's maps are drawn and
    /// the later layers' are still computed, the longer ones say so.
    func titles(layers: Int, computingTheRest: Bool) -> [String] {
        let count = lang.count(layers, en: ("layer", "layers"), ru: ("слоя", "слоёв", "слоёв"))
        let titles = [lang.pick(" convscope \(g.dot) a stack of \(count)", " convscope \(g.dot) стек из \(count)"),
                      " convscope \(g.dot) \(count)", " convscope"]
        guard computingTheRest else { return titles }
        let rest = lang.pick("computing the rest\(g.ellipsis)", "вычисляется остальное\(g.ellipsis)")
        return [titles[0] + " \(g.dot) " + ScreenText.computingTheRest(lang, g), titles[0] + " \(g.dot) " + rest,
                titles[1] + " \(g.dot) " + rest] + titles
    }

    var helpAndQuit: String { ScreenText.titleKeys(lang, g) }

    /// The layer list's column titles.
    var listTitles: (module: String, output: String) { (lang.pick("module", "модуль"), lang.pick("output", "выход")) }
    /// The field's third number: the centre of the first window.
    var start: String { lang.pick("start", "начало") }
    var notRun: String { lang.pick("not run", "не выполнен") }
    var broken: String { lang.pick("broken", "ошибка") }

    /// "(2) Conv2d: RuntimeError: …" — where the chain broke and PyTorch's words.
    func failure(index: Int, layer: StackLayer, error: StackLayerError) -> String {
        "\(g.unicode ? "✗" : "X") (\(n(index))) \(layer.name): \(error.pythonType): \(error.message)"
    }

    /// The line between the two map sections.
    func middleLine(index: Int, layer: StackLayer, width: Int) -> String {
        if case let .cat(cat) = layer {
            return lang.pick("torch.cat([(\(n(cat.skip))), (\(n(index - 1)))], dim=1): H and W must match",
                             "torch.cat([(\(n(cat.skip))), (\(n(index - 1)))], dim=1): H и W должны совпадать")
        }
        let weights = layer.weightShape == nil ? "" : " \(g.dot) " + LayerLessonText.weights(model?.weightSource(index), lang)
        let lead = "\(g.arrowDown) (\(n(index))) ", room = width - lead.count
        // The layer whole (compacted) comes first; where the weights' source does not fit beside it, it goes.
        let fitsWithWeights = LayerListView.compacted(layer.pytorchRepr).count + weights.count <= room
        return lead + LayerListView.shortened(layer.pytorchRepr, to: max(4, fitsWithWeights ? room - weights.count : room), glyphs: g)
            + (fitsWithWeights ? weights : "")
    }

    /// Section titles ("input 1×8×4×4"); the first word stays longest in the header.
    func inputTitle(shape: [Int]) -> String { ScreenText.sectionTitle(.input, shape: shape, lang, g) }
    func outputTitle(shape: [Int]) -> String { ScreenText.sectionTitle(.output, shape: shape, lang, g) }

    /// Subtitles, dropped first when the header is short of room: where the map comes from.
    func outputOf(_ index: Int) -> String { lang.pick("output of (\(n(index)))", "выход слоя (\(n(index)))") }
    var ofTheModel: String { lang.pick("the model's input", "вход модели") }
    var skipMap: String { lang.pick("skip", "пропуск") }

    /// The coverage map's title ("coverage 8×8") and where its counts come from.
    func coverageTitle(rows: Int, columns: Int) -> String {
        lang.pick("coverage ", "покрытие ") + "\(rows)\(g.times)\(columns)"
    }

    /// The coverage map's header note: its counts are never averaged into blocks.
    var oneCountPerCell: String { lang.pick("1 cell = 1 count", "1 клетка = 1 значение") }

    func coverageSubtitle(index: Int, transposed: Bool) -> String {
        transposed ? lang.pick("input cells of (\(n(index))) writing each output cell",
                               "сколько ячеек входа (\(n(index))) пишут в каждую ячейку выхода")
            : lang.pick("windows of (\(n(index))) reading each input cell", "сколько окон (\(n(index))) читают каждую ячейку входа")
    }

    func scale(_ top: String) -> String { lang.pick("scale 0\(g.dash)\(top)", "шкала 0\(g.dash)\(top)") }
    var scaleEachMap: String { lang.pick("scale 0\(g.dash)max of each map", "шкала 0\(g.dash)максимум каждой карты") }

    func notRunMaps(index: Int, failure: Int) -> String {
        lang.pick("(\(n(index))) did not run: the model breaks at (\(n(failure)))",
                  "(\(n(index))) не выполнен: модель ломается на (\(n(failure)))")
    }

    func tooLarge(values: Int) -> String {
        let values = NumberText.grouped(values, lang)
        return lang.pick("values not computed: more than \(values) values, or too many weights or multiplications; shapes and fields above",
                  "значения не вычислены: больше \(values) значений, или слишком много весов или умножений; формы и поля — выше")
    }

    /// While the values are computed off the input loop (shapes and fields are already shown).
    var computing: String {
        lang.pick("computing the maps of every layer \(g.ellipsis) shapes and fields above are ready",
                  "вычисляются карты всех слоёв \(g.ellipsis) формы и поля выше уже готовы")
    }

    /// The box of a layer without parameters (ReLU, BatchNorm2d, …); a table kind that resizes
    /// (Upsample) shows its size rule in numbers instead.
    func readOnly(_ step: LayerTrace) -> String {
        guard let module = step.layer.module, let input = step.inputShape, let output = step.outputShape else {
            return lang.pick("nothing to edit: the layer keeps its input's shape", "менять нечего: слой сохраняет форму входа")
        }
        return lang.pick("nothing to edit here (change the layer's line): ", "здесь менять нечего (измените строку слоя): ")
            + module.sizeRule(axis: .height, input: input[2], output: output[2]) + "; "
            + module.sizeRule(axis: .width, input: input[3], output: output[3])
    }

    /// Facts under the panel: parameters, multiplications, field.
    func facts(_ trace: LayerTrace, width: Int = .max) -> [String] {
        var lines = [lang.pick("parameters ", "параметров ") + NumberText.grouped(trace.parameterCount, lang),
                     lang.pick("multiplications ", "умножений ") + NumberText.grouped(trace.multiplications, lang)]
        if let f = trace.field {
            // r, j and start on one line where they fit (closer, then), else start on its own.
            let r = "r \(StackTable.pairText(f.h.size, f.w.size))", j = "j \(StackTable.pairText(f.h.jump, f.w.jump))"
            let start = "\(self.start) \(StackTable.pairText(f.h.start, f.w.start))"
            let one = [[r, j, start].joined(separator: "  "), [r, j, start].joined(separator: " ")].first { $0.count <= width }
            lines += one.map { [$0] } ?? [r + "  " + j, start]
        }
        return lines
    }

    func note(_ note: StackNote) -> String {
        switch note {
        case let .parseError(text): lang.pick("not a layer: ", "не слой: ") + text
        case let .added(index): lang.pick("added layer (\(n(index)))", "добавлен слой (\(n(index)))")
        case let .removed(name): lang.pick("removed layer (\(name))", "удалён слой (\(name))")
        case .lastLayer: lang.pick("a model keeps at least one layer", "в модели остаётся хотя бы один слой")
        case let .joinedByCat(index, cat):
            lang.pick("Cat at (\(n(cat))) joins layer (\(n(index))): change or remove the Cat first",
                      "Cat в (\(n(cat))) склеивает слой (\(n(index))): сначала измените или удалите Cat")
        case let .sizeFromPrevious(index):
            lang.pick("h_in and w_in of (\(n(index))) come from the layer before; change them on layer (\(n(0)))",
                      "h_in и w_in слоя (\(n(index))) задаёт предыдущий слой; меняйте их на слое (\(n(0)))")
        case let .readOnly(name):
            lang.pick("\(name) has no parameters to edit on the panel",
                      "у слоя \(name) нет параметров, которые меняются на панели")
        case .nothingToClose: ScreenText.nothingToClose(lang, g)
        case .noMapsToInspect:
            lang.pick("nothing to inspect: this layer has no computed output", "нечего исследовать: у слоя нет вычисленного выхода")
        case .catShowsPair:
            lang.pick("Cat shows the pair of maps it joins; inspect the layer after it",
                      "Cat показывает пару склеиваемых карт; исследуйте следующий слой")
        case .fieldNeedsInspector:
            fieldNeedsInspectorWords
        case let .transposedView(view, coverage):
            coverage ? lang.pick("coverage map", "карта покрытия") : FamilyScreenText.viewNotice(view, lang)
        case let .lesson(note): LayerLessonText.note(note, lang, g)
        case let .noWindows(name):
            lang.pick("\(name) has no windows: coverage counts Conv2d, ConvTranspose2d and pooling",
                      "у \(name) нет окон: покрытие считается для Conv2d, ConvTranspose2d и пулинга")
        }
    }

    /// The prompt at the bottom while a layer is typed.
    func prompt(_ text: String) -> [String] {
        [lang.pick(" layer: \(text)_", " слой: \(text)_"), KeyWords.keys([.enter], g, lang) + " " + lang.pick("add", "добавить"),
         KeyWords.keys([.escape], g, lang) + " " + lang.pick("cancel", "отмена"), lang.pick("e.g. Conv2d(8, 8, 3, padding=1)", "например Conv2d(8, 8, 3, padding=1)")]
    }

    /// Hints while the inspector is on.
    func inspectHints(field fieldInInput: Bool) -> [String] {
        let field = KeyWords.model(.stack(.toggleField), g, lang) + " "
            + (fieldInInput ? lang.pick("taps only", "только отводы") : lang.pick("field in the input", "поле во входе"))
        let layer = KeyWords.model(.stack(.selectLayer(-1)), g, lang) + " " + KeyWords.model(.stack(.selectLayer(1)), g, lang)
        return [lang.pick(" arrows move the cell", " стрелки — ячейка"),
                KeyWords.keys([.pageUp, .pageDown], g, lang, joiner: "/") + " " + lang.pick("channel", "канал"),
                field, layer + " " + lang.pick("layer", "слой"), KeyWords.model(.stack(.back), g, lang) + " " + lang.pick("back", "назад")]
    }

    /// "output[0, 2, 3, 4] of (3) = 36 · reads input rows 2–4, columns 3–5".
    func inspected(index: Int, cell: CellCursor, value: Float?, rows: ClosedRange<Int>?, columns: ClosedRange<Int>?) -> String {
        var text = "output[0, \(cell.channel), \(cell.y), \(cell.x)] " + lang.pick("of", "слоя") + " (\(n(index)))"
        if let value { text += " = \(NumberText.cell(value))" }
        if let rows, let columns {
            text += " \(g.dot) " + lang.pick("reads input \(lines(rows, "row", "rows")), \(lines(columns, "column", "columns"))",
                                             "читает на входе \(lines(rows, "строку", "строки")), \(lines(columns, "столбец", "столбцы"))")
        }
        return text
    }

    /// "rows 2–4" or "row 2".
    func lines(_ r: ClosedRange<Int>, _ one: String, _ many: String) -> String {
        "\(r.count == 1 ? one : many) \(range(r))"
    }

    /// The whole receptive field in the model's input.
    func field(rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> String {
        let size = "\(rows.count)\(g.times)\(columns.count)"
        return lang.pick("field in the model's input: rows \(range(rows)), columns \(range(columns)), "
                         + "r\(g.times)r = \(size) (padding included)",
                         "поле во входе модели: строки \(range(rows)), столбцы \(range(columns)), "
                         + "r\(g.times)r = \(size) (с расширением)")
    }

    func range(_ r: ClosedRange<Int>) -> String { r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound)\(g.dash)\(r.upperBound)" }
}

extension StackText {
    /// U-Net size hints for layer `index`: the output_padding that lets an up-convolution meet
    /// its skip (on the ConvTranspose2d and on its Cat), the pair a Cat joins, and the input sizes
    /// a windowed layer folds onto one output size.
    func unetHints(_ trace: StackTrace, index: Int) -> [String] {
        var hints: [String] = []
        let step = trace.layers[index]
        if let hint = outputPaddingHint(trace, index) {
            hints.append(hint)
        } else if index > 0, case .cat = step.layer, let hint = outputPaddingHint(trace, index - 1) {
            hints.append(hint)
        }
        if case let .cat(cat) = step.layer, cat.skip >= 0, cat.skip < index,
           let skip = trace.layers[cat.skip].outputShape, let current = step.inputShape {
            let a = "\(skip[2])\(g.times)\(skip[3])", b = "\(current[2])\(g.times)\(current[3])"
            let match = skip[2] == current[2] && skip[3] == current[3]
            hints.append(match
                ? lang.pick("Cat joins (\(n(cat.skip))) \(shape(skip)) and (\(n(index - 1))) \(shape(current)): \(a) = \(b) \(check)",
                            "Cat склеивает (\(n(cat.skip))) \(shape(skip)) и (\(n(index - 1))) \(shape(current)): \(a) = \(b) \(check)")
                : lang.pick("Cat joins (\(n(cat.skip))) \(shape(skip)) and (\(n(index - 1))) \(shape(current)): \(a) \(notEqual) \(b)"
                            + (cat.crop ? "" : "; crop=True crops the skip, as the U-Net paper does"),
                            "Cat склеивает (\(n(cat.skip))) \(shape(skip)) и (\(n(index - 1))) \(shape(current)): \(a) \(notEqual) \(b)"
                            + (cat.crop ? "" : "; crop=True обрезает пропуск, как в статье о U-Net")))
        }
        hints += foldingHints(step)
        return hints
    }

    func outputPaddingHint(_ trace: StackTrace, _ index: Int) -> String? {
        UNetSizing.outputPaddingFinding(trace, index: index).map { "(\(n(index))): " + UNetWords.outputPadding($0, lang, g, n: n) }
    }

    /// "heights 7 and 8 give 4 through Conv2d: …" for a windowed layer that ran.
    func foldingHints(_ step: LayerTrace) -> [String] {
        UNetSizing.foldings(step).map { UNetWords.folding($0, layer: step.layer.name, lang) }
    }
}

extension StackText {
    /// Why R does nothing before a cell is inspected.
    var fieldNeedsInspectorWords: String {
        let r = KeyWords.model(.stack(.toggleField), g, lang), tab = KeyWords.model(.stack(.toggleInspect), g, lang)
        return lang.pick("\(r) shows a cell's receptive field: press \(tab) to pick a cell first",
                         "\(r) показывает рецептивное поле ячейки: сначала выберите ячейку клавишей \(tab)")
    }

    var check: String { g.unicode ? "✓" : "ok" }
    var notEqual: String { g.unicode ? "≠" : "!=" }
}
