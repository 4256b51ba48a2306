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

/// A noun the screen counts, with its forms in both languages ("1 cell, 2 cells";
/// "1 ячейка, 2 ячейки, 5 ячеек"). The catalogue's nouns are in `Nouns`.
public struct Noun: Sendable {
    public let en: (one: String, other: String)
    public let ru: (one: String, few: String, many: String)

    /// A noun from its English singular and plural (default: singular + "s") and its three Russian forms.
    public init(_ singular: String, _ plural: String? = nil, ru: (one: String, few: String, many: String)) {
        en = (singular, plural ?? singular + "s")
        self.ru = ru
    }
}

extension Language {
    /// "1 канал", "2 канала", "5 каналов" / "1 channel", "2 channels".
    public func count(_ n: Int, _ noun: Noun) -> String { count(n, en: noun.en, ru: noun.ru) }

    /// The noun alone in the form that goes with `n`.
    public func noun(_ n: Int, _ noun: Noun) -> String { self.noun(n, en: noun.en, ru: noun.ru) }
}
