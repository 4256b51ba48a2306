/// An exercise's model on the stack screen: its keys act as on the model screen, except those
/// that would change the model, which say it is locked.
extension ExerciseState {
    /// The model screen's action on the revealed model, refused when it would change the model.
    mutating func teachModel(_ shown: ModelProgram, _ action: Action) -> [Effect] {
        if action.changesLayer(digitsTypeK: false) {
            notice = ExerciseText.locked(language)
            return []
        }
        var next = shown
        let effects = next.apply(action)
        // Whatever slipped past the list above still cannot change the model.
        guard next.stack?.model == shown.stack?.model else {
            notice = ExerciseText.locked(language)
            return []
        }
        model = next
        return effects.filter { if case .quit = $0 { false } else { true } }
    }
}

extension KeyMap {
    /// Whether `key` is bound on the model screen to an action that would change the model,
    /// whether or not it acts now: on a locked model such a key says it is locked rather than nothing.
    static func editsLayer(_ key: Key, in state: ModelProgram) -> Bool {
        if case .character(let c) = key, c.isASCII, c.wholeNumberValue != nil { return true }
        let bound = stackTable[key] ?? table[key].flatMap { keptOnStack($0) ? $0 : nil }
        return bound?.changesLayer(digitsTypeK: false) ?? false
    }
}
