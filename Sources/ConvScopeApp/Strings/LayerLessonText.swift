import ConvCore

/// What the course screen says about a model's layer opened in it, and what the model screen says
/// about opening and closing it.
public enum LessonNote: Equatable, Sendable {
    /// Only a Conv2d opens in the course screen.
    case needsConv2d(name: String)
    /// The model's values are not computed (too large, or still running).
    case needsValues(name: String)
    /// The layer did not run: PyTorch refuses it (`refused`), or a layer before it broke.
    case didNotRun(name: String, refused: Bool)
    /// The layer is open; the same key or Esc goes back.
    case opened(name: String)
    /// A row the model decides (the input's size and channels, the input itself).
    case fixedByModel(row: String, name: String)
    /// The layer kind row: the model's layer stays a Conv2d.
    case staysConv2d(name: String)
    /// `r`: back to the layer as it was opened.
    case reset(name: String)
    /// Back on the model screen with the layer's edits written in: its arguments, its weights.
    case writtenBack(name: String, arguments: Bool, weights: Bool)
    /// A traced graph's Conv2d node is open; the same key or Esc goes back with the edits.
    case openedFromGraph(name: String)
    /// The layer kind row of a traced graph's node: it stays a Conv2d node of the graph.
    case keptByGraph(name: String)
    /// A row a traced graph's node takes from the graph (its input's size and channels, the input).
    case fixedByGraph(row: String, name: String)
}

/// The words of `LessonNote`, in English and Russian.
enum LayerLessonText {
    /// The key that opens a layer and goes back, as written.
    static func key(_ g: Glyphs, _ l: Language) -> String { KeyWords.model(.stack(.openLesson), g, l) }

    /// The name the layer's input goes by on the course screen.
    static func inputName(_ name: String, _ l: Language) -> String {
        l.pick("\(name)'s input", "вход \(name)")
    }

    static func note(_ note: LessonNote, _ l: Language, _ g: Glyphs) -> String {
        let o = key(g, l), esc = KeyWords.keys([.escape], g, l)
        switch note {
        case let .needsConv2d(name):
            return l.pick("\(name) is not a Conv2d: \(o) opens a Conv2d layer in the course screen",
                          "\(name) — не Conv2d: \(o) открывает в учебном экране слой Conv2d")
        case let .needsValues(name):
            return l.pick("\(name) has no computed input values: the course screen needs them",
                          "у \(name) нет вычисленных входных значений: они нужны учебному экрану")
        case let .didNotRun(name, refused):
            return refused
                ? l.pick("\(name) did not run: PyTorch refuses it (the model screen says why)",
                         "\(name) не выполнен: PyTorch отвергает этот слой (причина — на экране модели)")
                : l.pick("\(name) did not run: a layer before it is broken",
                         "\(name) не выполнен: сломан один из слоёв перед ним")
        case let .opened(name):
            return l.pick("\(name) of the model \(g.dot) \(o) or \(esc) back to the model with the edits",
                          "\(name) из модели \(g.dot) \(o) или \(esc) — назад к модели с изменениями")
        case let .fixedByModel(row, name):
            return l.pick("\(row) comes from the model (\(inputName(name, l))); change it on the model screen",
                          "\(row) задаёт модель (\(inputName(name, l))); меняйте его на экране модели")
        case let .staysConv2d(name):
            return l.pick("\(name) stays a Conv2d in the model; add other layers on the model screen",
                          "\(name) остаётся Conv2d в модели; другие слои добавляются на экране модели")
        case let .reset(name):
            return l.pick("back to \(name) as the model has it", "\(name) снова как в модели")
        case let .openedFromGraph(name):
            return l.pick("\(name) of the traced graph \(g.dot) \(o) or \(esc) back to the graph with the edits",
                          "\(name) из графа \(g.dot) \(o) или \(esc) — назад к графу с изменениями")
        case let .keptByGraph(name):
            return l.pick("\(name) stays a Conv2d node of the traced graph",
                          "\(name) остаётся узлом Conv2d трассированного графа")
        case let .fixedByGraph(row, name):
            return l.pick("\(row) comes from the traced graph (\(inputName(name, l))), not from this layer",
                          "\(row) задаёт граф (\(inputName(name, l))), а не этот слой")
        case let .writtenBack(name, arguments, weights):
            switch (arguments, weights) {
            case (true, true): return l.pick("\(name) changed in the model: its arguments and weights", "\(name) изменён в модели: аргументы и веса")
            case (true, false): return l.pick("\(name) changed in the model: its arguments", "\(name) изменён в модели: аргументы")
            case (false, true): return l.pick("\(name) changed in the model: its weights", "\(name) изменён в модели: веса")
            case (false, false): return l.pick("\(name) unchanged", "\(name) не изменён")
            }
        }
    }

    /// The course screen's title while a model's layer is open, longest first.
    static func titles(_ name: String, _ l: Language, _ g: Glyphs) -> [String] {
        [l.pick(" convscope \(g.dot) nn.Conv2d \(name) of the model", " convscope \(g.dot) nn.Conv2d \(name) из модели"),
         " convscope \(g.dot) \(name)", " convscope"]
    }

    /// "o model · ? help · q quit " at the right of the title bar.
    static func titleKeys(_ l: Language, _ g: Glyphs) -> String {
        "\(key(g, l)) " + l.pick("model", "модель") + " \(g.dot) " + ScreenText.titleKeys(l, g)
    }
}

extension LayerLessonText {
    /// The code panel's mark on the layer on screen.
    static func codeMark(_ l: Language) -> String { l.pick("◀ on screen", "◀ на экране") }
}

extension LayerLessonText {
    /// A model layer's weights on the model screen: "weights all ones" (the course notebook's), or
    /// the source a lesson gave it, with its bias when not zero.
    static func weights(_ source: LayerWeightSource?, _ l: Language) -> String {
        guard let source, source != .notebook else { return l.pick("weights all ones", "веса — все единицы") }
        let bias = source.bias == 0 ? "" : ", " + Conv2dText.biasLabel(source.bias, l)
        return l.pick("weights ", "веса ") + Conv2dText.kernelLabel(source.kernel, l) + bias
    }
}

extension LayerLessonText {
    /// The code panel's comment on a traced graph's node input: what it really is, and that the
    /// code runs on a random stand-in of its shape when it is too large to write out.
    static func graphInputComment(module: String, inputNode: String, standIn: Bool, _ l: Language) -> String {
        let what = l.pick("\(module)'s input is the traced model's value of node \(inputNode)",
                          "вход \(module) — значение узла \(inputNode) в трассированной модели")
        return what + (standIn ? l.pick("; here a random tensor of its shape (e.g. take the real one with a forward hook)",
                                        "; здесь случайный тензор той же формы (настоящий можно взять forward hook)") : "")
    }
}
