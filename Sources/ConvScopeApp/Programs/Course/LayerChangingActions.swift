/// Which actions change the layer or the model on screen: the one list an exercise's locked maps
/// page refuses (the single-layer screen's parameter keys and the stack screen's layer edits).
extension Action {
    /// True when the action would change the layer (single-layer screen) or the model (stack).
    func changesLayer(in state: AppState) -> Bool { changesLayer(digitsTypeK: state.panel == .cost) }

    /// True when the action would change the layer or the model; `digitsTypeK` when digits type
    /// the cost panel's K (the course screen's cost panel), which is not a parameter of the layer.
    func changesLayer(digitsTypeK: Bool) -> Bool {
        switch self {
        case .increment, .decrement, .bigIncrement, .bigDecrement, .setMinimum, .setMaximum,
             .toggleLink, .reset, .set, .depthwise, .cycleKernel, .separable:
            return true
        case .typeDigit, .commitTyping:
            // Digits type K in the single-layer cost panel, which is not a parameter of the layer
            // (the stack's cost panel has no K: there digits type the selected row's value).
            return !digitsTypeK
        case .stack(let action):
            switch action {
            case .duplicate, .openPrompt, .promptType, .promptBackspace, .commitPrompt, .insert, .remove, .move,
                 .setRowValue:
                return true
            default:
                return false
            }
        default:
            return false
        }
    }
}

extension KeyMap {
    /// Whether `key` is bound to an action that would change the layer, whether or not it acts
    /// now: on a locked layer such a key says it is locked rather than nothing.
    static func editsLayer(_ key: Key, in state: AppState) -> Bool {
        if case .character(let c) = key, c.isASCII, let d = c.wholeNumberValue { return Action.typeDigit(d).changesLayer(in: state) }
        return table[key]?.changesLayer(in: state) ?? false
    }
}
