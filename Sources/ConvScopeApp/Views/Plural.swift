/// Counted nouns with English plural rules, so no string says "1 cells" or "K = 1 outputs".
enum Plural {
    /// "1 cell", "2 cells"; `plural` for irregular words (default: singular + "s").
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(word(n, singular, plural))"
    }

    /// The noun alone in the form that goes with `n`.
    static func word(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : plural ?? singular + "s"
    }
}
