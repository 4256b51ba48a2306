/// A course screen opened over the model screen on one of its layers (`ModelProgram.lesson`):
/// while it is open it takes every action and paints the screen, the run loop computes its maps
/// (`teaching`), and Esc with nothing left to close in it comes back to the model.
extension ModelProgram {
    /// Opens `lesson` over the model screen, with this screen's terminal, device, theme and mouse.
    public mutating func open(_ lesson: AppState) -> [Effect] {
        var nested = lesson
        nested.terminalSize = terminalSize
        nested.environment = environment
        nested.theme = theme
        nested.mouseEnabled = mouseEnabled
        self.lesson = nested
        return nested.apply(.start(terminalSize))
    }

    /// The lesson's part of `update`: nil when no lesson is open (the model screen acts).
    mutating func delegateToLesson(_ action: Action) -> [Effect]? {
        guard var nested = lesson else { return nil }
        if case .key(let key) = action, nested.closesOnEscape && key == .escape
            || key == LayerLesson.key && nested.typing == nil && !nested.showHelp {
            return closeLesson(nested)
        }
        switch action {
        case .resize(let size), .resumed(let size), .start(let size): terminalSize = size
        default: break
        }
        // The model's own values still arrive while the lesson is open.
        if case .stackComputed = action { _ = handleOwn(action) }
        if case .graphComputed = action { _ = handleOwn(action) }
        let effects = nested.apply(action)
        lesson = nested
        return effects
    }
}

extension AppState {
    /// True when Esc would close nothing on this course screen (no typed value, help, panel or
    /// inspector is open): a lesson opened from the model screen closes instead.
    var closesOnEscape: Bool { typing == nil && !showHelp && panel == nil && focus == .parameters && !playing }
}
