/// What a key asks of an exercise session outside the answer line.
public enum ExerciseCommand: Equatable, Sendable {
    case retry, reveal, skip, next, previous, maps, working, answer, help, quit
}

/// The exercise session's key table: the hint row and the help list are printed from it.
public enum ExerciseKeys {
    /// Each command's key, in the order the help lists them.
    public static let bindings: [(key: Key, command: ExerciseCommand)] = [
        (.character("r"), .retry), (.character("v"), .reveal), (.character("s"), .skip),
        (.character(">"), .next), (.character("<"), .previous), (.character("m"), .maps),
        (.character("a"), .answer), (.character("?"), .help), (.character("q"), .quit),
    ]

    /// The command for a key outside the answer line, or nil (on the maps page the course screen's keys then act).
    static func command(for key: Key, page: ExercisePage) -> ExerciseCommand? {
        guard let command = bindings.first(where: { $0.key == key })?.command else { return nil }
        switch (command, page) {
        case (.maps, .maps): return .working
        // On the maps page only m, >, < and q are the exercise's; the others are the course screen's keys.
        case (.help, .maps), (.retry, .maps), (.answer, .maps), (.reveal, .maps), (.skip, .maps): return nil
        default: return command
        }
    }

    /// How the key is written.
    static func label(_ command: ExerciseCommand) -> String {
        let shown = command == .working ? .maps : command
        return bindings.first { $0.command == shown }.map { $0.key.label(.unicodeSet) } ?? ""
    }
}
