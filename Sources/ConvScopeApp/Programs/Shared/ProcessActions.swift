extension Action {
    /// What every screen does with the process's own actions: a signal or q quits (128 + the
    /// signal's number, as a shell reports it), Ctrl-Z suspends. nil for any other action.
    var processEffects: [Effect]? {
        switch self {
        case .signal(let number): [.quit(128 + number)]
        case .suspend: [.suspend]
        case .quit: [.quit(0)]
        default: nil
        }
    }
}
