import ConvCore

/// The words of `render --layers` and `--coverage`: the table's columns and totals, the
/// coverage legends and the U-Net size notes. PyTorch's names and messages stay as they are.
public enum StackWords {
    static let parameter = Noun("parameter", ru: ("параметр", "параметра", "параметров"))
    static let multiplication = Noun("multiplication", ru: ("умножение", "умножения", "умножений"))
    static let cell = Nouns.cell

    /// The table's column titles, in order.
    static func titles(_ l: Language) -> [String] {
        ["#", l.pick("module", "модуль"), l.pick("output", "выход"), "r", "j", l.pick("start", "начало"),
         l.pick("params", "парам."), l.pick("mults", "умнож.")]
    }

    static let broken = Phrase("✗ broken", "✗ ошибка")
    static let notRun = Phrase("· not run", "· не выполнен")

    /// "total: 1,234 parameters, 5,678 multiplications".
    static func total(_ l: Language, parameters: Int, multiplications: Int) -> String {
        l.pick("total: ", "итого: ") + NumberText.grouped(parameters, l) + " " + l.noun(parameters, parameter) + ", "
            + NumberText.grouped(multiplications, l) + " " + l.noun(multiplications, multiplication)
    }

    /// "; broken at (3), 2 layers not run".
    static func brokenAt(_ l: Language, name index: String, notRun: Int) -> String {
        l.pick("; broken at (\(index)), \(l.count(notRun, Nouns.layer)) not run",
               "; ошибка в (\(index)), не выполнено: \(l.count(notRun, Nouns.layer))")
    }

    static func output(_ l: Language, _ shape: String) -> String { l.pick("; output ", "; выход ") + shape }

    static let fieldLegend = Phrase(
        "r, j, start: receptive field, jump and first window's centre in input pixels (h×w when they differ)",
        "r, j, начало: рецептивное поле, шаг и центр первого окна в пикселях входа (h×w, если различаются)")

    // MARK: coverage

    static let noWindows = Phrase(
        "no layer with windows ran: coverage counts Conv2d, ConvTranspose2d and pooling windows",
        "не выполнен ни один слой с окнами: покрытие считают окна Conv2d, ConvTranspose2d и пулинга")

    /// A coverage grid's title after the layer.
    static func coverageTitle(_ l: Language, reads: Bool, size: String) -> String {
        reads ? l.pick("how many windows read each input cell (\(size))", "сколько окон читают каждую ячейку входа (\(size))")
            : l.pick("how many input cells write each output cell (\(size))",
                     "сколько ячеек входа пишут в каждую ячейку выхода (\(size))")
    }

    /// Under a coverage grid.
    static func coverageLegend(_ l: Language, reads: Bool, min: Int, max: Int, zeros: Int, cells: Int) -> String {
        let meaning = reads ? l.pick("0 = never read, n = read by n windows", "0 = не читается, n = читают n окон")
            : l.pick("0 = never written (bias only), n = written by n input cells",
                     "0 = не записывается (только смещение), n = пишут n ячеек входа")
        let never = reads ? l.pick("never read", "не читаются") : l.pick("never written", "не записываются")
        return meaning + "; " + l.pick("min", "мин") + " \(min), " + l.pick("max", "макс") + " \(max), "
            + l.pick("\(zeros) of \(l.count(cells, cell)) \(never)", "\(never) \(zeros) из \(cells)")
    }

    // MARK: U-Net notes

    /// Under a printed layer's row and on the model screen: what convscope assumed, first (the
    /// values decide the shapes), then why.
    static func assumed(_ l: Language, _ hidden: [HiddenArgument]) -> String {
        let settings = hidden.map { "\($0.name)=\($0.assumed)" }.joined(separator: ", ")
        let them = hidden.count == 1 ? "it" : "them"
        return l.pick("assumed \(settings), PyTorch's \(hidden.count == 1 ? "default" : "defaults"): its print does not show "
                      + "\(them) \u{2014} write \(them) in the line to change \(them)",
                      "принято \(settings), как по умолчанию в PyTorch: print(model) \(hidden.count == 1 ? "его" : "их") не "
                      + "показывает \u{2014} впишите в строку, чтобы изменить")
    }

    static func note(_ l: Language, _ index: String) -> String { l.pick("note (\(index)): ", "примечание (\(index)): ") }
}
