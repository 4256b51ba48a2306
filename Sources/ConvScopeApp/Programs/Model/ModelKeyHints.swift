import ConvCore

/// The key table's hints and help rows as the model screen offers them: on a locked model (an
/// exercise's) without the keys that would change it; digits there always type a layer's row.
extension KeyMap {
    /// False for a binding whose keys would change a locked model.
    static func works(_ b: KeyBinding, in state: ModelProgram?) -> Bool {
        works(b, locked: state?.locked == true, digitsTypeK: false)
    }

    /// The hints of `list` on the model screen, most important first (the explanation key's
    /// hint is the course screen's; the lesson's is offered on a Conv2d, the one layer it opens).
    static func hints(of list: [KeyBinding], _ g: Glyphs, _ lang: Language, for state: ModelProgram?) -> [String] {
        ranked(list.filter {
            works($0, in: state) && $0.action != .cycleTransposedView
                && ($0.action != .stack(.openLesson) || state?.stack?.selectsConv2d == true)
        }, g, lang)
    }

    /// The parameter panel's hints on the model screen.
    static func hints(_ g: Glyphs, _ lang: Language, for state: ModelProgram?) -> [String] {
        hints(of: bindings, g, lang, for: state)
    }
}
