import ConvCore
/// The words of the stack screen's formula and cost panels, in English and Russian. Formulas,
/// parameter names and module names stay as PyTorch writes them.
enum StackPanelWords {
    static func notReached(_ l: Language, index: Int) -> String {
        l.pick("layer (\(index)) is not reached: a layer before it broke, so it has no input size",
               "слой (\(index)) не выполнялся: сломался слой перед ним, поэтому размера входа нет")
    }
    static let catFormula = Phrase(
        "Cat joins along channels: C_out = C_skip + C_in; the heights and widths must be equal (with crop the skip is cut to the current size first)",
        "Cat склеивает по каналам: C_out = C_skip + C_in; высоты и ширины должны совпадать (с crop карта skip сначала обрезается до текущего размера)")
    static let keepsShape = Phrase("this layer keeps the shape: output = input", "этот слой сохраняет форму: выход = вход")
    static func lastWindowDropped(_ l: Language, name: String, output: Int) -> String {
        l.pick("ceil_mode: the last window would start in the right padding, so PyTorch drops it: \(name)_out = \(output)",
               "ceil_mode: последнее окно начиналось бы в расширении справа, поэтому PyTorch его отбрасывает: \(name)_out = \(output)")
    }
    /// The cost panel's title on the stack screen.
    static let costTitle = Phrase("cost", "стоимость")
    static let parameters = Phrase("parameters", "параметры")
    static let weight = Phrase("weight", "веса")
    static let bias = Phrase("bias", "смещение")
    static let multiplications = Phrase("multiplications", "умножения")
    static let perOutputCell = Phrase("output cells", "ячеек выхода")
    static let perInputCell = Phrase("input cells", "ячеек входа")
    static let notRun = Phrase("no multiplications: the layer did not run", "умножений нет: слой не выполнялся")
    static func noWeights(_ l: Language, parameters: Int) -> String {
        parameters == 0 ? l.pick("no weights: 0 parameters, 0 multiplications", "весов нет: 0 параметров, 0 умножений")
            : l.pick("\(NumberText.grouped(parameters, l)) parameters (its affine weight and bias), no multiplications counted",
                     "параметров: \(NumberText.grouped(parameters, l)) (аффинные вес и смещение), умножения не считаются")
    }
    static let wholeModel = Phrase("the whole model (torchinfo's totals):", "вся модель (итоги, как у torchinfo):")
}
