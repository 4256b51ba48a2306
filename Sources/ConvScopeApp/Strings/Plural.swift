import ConvCore
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
