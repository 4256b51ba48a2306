/// Which actions change the layer or the model on screen: the one list an exercise's locked maps
/// page refuses (the single-layer screen's parameter keys and the stack screen's layer edits).
extension Action {
    /// True when the action would change the layer (single-layer screen) or the model (stack).
    func changesLayer(in state: AppState) -> Bool {
        switch self {
        case .increment, .decrement, .bigIncrement, .bigDecrement, .setMinimum, .setMaximum,
             .toggleLink, .reset, .set, .depthwise, .cycleKernel:
            return true
        case .typeDigit, .commitTyping:
            // Digits type K in the cost panel, which is not a parameter of the layer.
            return state.panel != .cost
        case .stack(let action):
            switch action {
            case .duplicate, .openPrompt, .promptType, .promptBackspace, .commitPrompt, .insert, .remove, .move:
                return true
            default:
                return false
            }
        default:
            return false
        }
    }
}
