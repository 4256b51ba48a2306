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

/// A noun the screen counts, with its forms in each category.
public struct CountedNoun: Sendable {
    let forms: [PluralCategory: String]

    /// An English noun: its singular and (default: singular + "s") plural.
    static func english(_ singular: String, _ plural: String? = nil) -> CountedNoun {
        CountedNoun(forms: [.one: singular, .other: plural ?? singular + "s"])
    }

    /// The form that goes with `n` under `rule` (the last listed form if the rule's is missing).
    func form(_ n: Int, _ rule: PluralRule) -> String {
        forms[rule.category(n)] ?? forms[.other] ?? forms[.many] ?? forms.values.first ?? ""
    }
}

/// Counted nouns with the catalogue's plural rule, so no string says "1 cells" or "K = 1 outputs".
enum Plural {
    /// "1 cell", "2 cells"; `plural` for irregular words (default: singular + "s").
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(word(n, singular, plural))"
    }

    /// The noun alone in the form that goes with `n`.
    static func word(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        CountedNoun.english(singular, plural).form(n, Strings.current.plural)
    }
}
