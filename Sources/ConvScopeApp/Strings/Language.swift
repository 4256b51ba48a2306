/// The language the screen, help and exports speak. PyTorch's own messages stay English.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, ru

    /// The plural rule of this language.
    public var plural: PluralRule { self == .ru ? .russian : .english }

    /// One sentence in both languages: the English text or the Russian one.
    public func pick(_ english: @autoclosure () -> String, _ russian: @autoclosure () -> String) -> String {
        self == .ru ? russian() : english()
    }

    /// "1 канал", "2 канала", "5 каналов" / "1 channel", "2 channels": `n` with its noun's form.
    public func count(_ n: Int, en: (one: String, other: String), ru: (one: String, few: String, many: String)) -> String {
        "\(n) \(noun(n, en: en, ru: ru))"
    }

    /// The noun alone in the form that goes with `n`.
    public func noun(_ n: Int, en: (one: String, other: String), ru: (one: String, few: String, many: String)) -> String {
        switch (self, plural.category(n)) {
        case (.en, .one): en.one
        case (.en, _): en.other
        case (.ru, .one): ru.one
        case (.ru, .few): ru.few
        case (.ru, _): ru.many
        }
    }
}
