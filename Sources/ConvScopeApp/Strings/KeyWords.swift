import ConvCore

/// Keys as hints and sentences write them: each taken from the key table (or, for keys read
/// before any table — typing, the answer line — from the `Key` itself) and written by
/// `Key.label`, never a letter typed into the text.
enum KeyWords {
    /// The keys' labels joined: "Esc", "n/N", "{ }".
    static func keys(_ keys: [Key], _ g: Glyphs, _ l: Language, joiner: String = " ") -> String {
        keys.map { $0.label(g, l) }.joined(separator: joiner)
    }

    /// The course screen's key for `action`, as written.
    static func course(_ action: Action, _ g: Glyphs, _ l: Language) -> String {
        // The first match only: a frame writes a dozen keys, and listing every match of each was
        // a sixth of a frame's time.
        let key = KeyMap.bindings.lazy.flatMap(\.pairs).first { $0.action == action }?.key
        return keys(key.map { [$0] } ?? [], g, l)
    }

    /// The model screen's own key for `action`, as written.
    static func model(_ action: Action, _ g: Glyphs, _ l: Language) -> String {
        let key = KeyMap.stackBindings(l).lazy.flatMap(\.pairs).first { $0.action == action }?.key
        return keys(key.map { [$0] } ?? [], g, l)
    }

    /// The exercise screen's key for `command`, as written.
    static func exercise(_ command: ExerciseCommand, _ l: Language) -> String { ExerciseKeys.label(command, l) }
}
