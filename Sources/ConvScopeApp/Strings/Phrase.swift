import ConvCore
/// One sentence in English and Russian, kept side by side where a table row needs its words
/// (the key table's help and hints).
public struct Phrase: Sendable, Equatable {
    public let en: String
    public let ru: String

    /// The sentence in both languages.
    public init(_ en: String, _ ru: String) {
        self.en = en
        self.ru = ru
    }

    /// The sentence in `lang`.
    public func callAsFunction(_ lang: Language) -> String { lang.pick(en, ru) }
}
