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

/// A plural category, as CLDR names them.
public enum PluralCategory: Sendable {
    case one, few, many, other
}

/// A language's rule choosing the plural form that goes with a number.
public struct PluralRule: Sendable {
    public let category: @Sendable (Int) -> PluralCategory

    /// English: one for 1, other otherwise.
    public static let english = PluralRule { abs($0) == 1 ? .one : .other }
    /// Russian: one if n % 10 == 1 and n % 100 != 11 (1, 21 канал); few if n % 10 in 2…4 and
    /// n % 100 not in 12…14 (2, 3, 4 канала); many otherwise (5, 11, 12 каналов).
    public static let russian = PluralRule { n in
        let n = abs(n), last = n % 10, lastTwo = n % 100
        if last == 1 && lastTwo != 11 { return .one }
        if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
        return .many
    }
}
