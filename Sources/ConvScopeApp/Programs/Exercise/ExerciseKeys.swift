import ConvCore
import ConvExercises

/// What a key asks of an exercise session outside the answer line.
public enum ExerciseCommand: Equatable, Sendable {
    case retry, reveal, skip, next, previous, maps, working, answer, help, quit
    /// Scroll the working page when it is taller than the screen.
    case scrollDown, scrollUp
}

/// The exercise session's key table: the hint row and the help list are printed from it.
public enum ExerciseKeys {
    /// Each command's key, in the order the help lists them.
    public static let bindings: [(keys: [Key], command: ExerciseCommand)] = [
        ([.character("r")], .retry), ([.character("v")], .reveal), ([.character("s")], .skip),
        ([.character(">")], .next), ([.character("<")], .previous), ([.character("m")], .maps),
        ([.down, .character("j"), .character("d"), .pageDown, .character(" "), .end], .scrollDown),
        ([.up, .character("k"), .character("u"), .pageUp, .home], .scrollUp),
        ([.character("a")], .answer), ([.character("?")], .help), ([.character("q")], .quit),
    ]

    /// Keys that scroll the working page while the answer line is open (they type nothing).
    static let answerLineScrolling: [Key: ExerciseCommand] = [.down: .scrollDown, .pageDown: .scrollDown, .up: .scrollUp, .pageUp: .scrollUp]

    /// Lines one key scrolls: Home and End to the top and the end, a page key a screenful, the others three lines.
    static func scrollStep(_ key: Key, page: Int) -> Int {
        if key == Key.home || key == Key.end { return 1 << 20 }
        return key == .pageDown || key == .pageUp || key == .character(" ") ? max(1, page - 1) : 3
    }

    /// The command for a key outside the answer line, or nil (on the maps page the course screen's keys then act).
    static func command(for key: Key, page: ExercisePage) -> ExerciseCommand? {
        guard let command = bindings.first(where: { $0.keys.contains(key) })?.command else { return nil }
        switch (command, page) {
        case (.maps, .maps): return .working
        // On the maps page only m, >, < and q are the exercise's; the others are the course screen's keys.
        case (.help, .maps), (.retry, .maps), (.answer, .maps), (.reveal, .maps), (.skip, .maps),
             (.scrollDown, .maps), (.scrollUp, .maps): return nil
        default: return command
        }
    }

    /// How the key is written (every key of the command, for the help).
    static func label(_ command: ExerciseCommand, _ lang: Language, all: Bool = false) -> String {
        let shown = command == .working ? .maps : command
        guard let keys = bindings.first(where: { $0.command == shown })?.keys else { return "" }
        return (all ? keys : Array(keys.prefix(1))).map { $0.label(.unicodeSet, lang) }.joined(separator: " ")
    }
}
