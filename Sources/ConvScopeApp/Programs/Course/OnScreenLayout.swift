/// The layout of the frame on screen, for what `update` reads of the screen the user acted on.
extension AppState {
    /// The course screen as drawn when this event arrived, else (a caller that draws no frame, or
    /// a frame of the other screen) the layout this state would be drawn with.
    func courseLayout(drawn: Frame.Layout?) -> ScreenLayout {
        if case .course(let layout)? = drawn { return layout }
        return Layout.compute(self, environment: environment)
    }

    /// The help's page count on the screen drawn (or this state's).
    func helpPages(drawn: Frame.Layout?) -> Int {
        courseLayout(drawn: drawn).helpPageCount
    }
}

/// Pages and scroll offsets as requests: the layout of the frame clamps them, and the state adopts
/// the clamps of the frame on screen when the next event arrives, so `update` does not lay out.
extension AppState {
    /// After a change that may leave a page or an offset past the end: in the run loop the next
    /// frame clamps it (adopted by `adoptFrame`); a caller that draws no frame clamps it now.
    mutating func clampWhenDrawn() {
        if !clampsToFrames { clampToLayout() }
    }

    /// Told the frame on screen before an event: paging and scrolling step from what was drawn.
    mutating func adoptFrame(_ layout: Frame.Layout?) {
        onScreen = layout
        // Only the run loop tells a state what is on screen: from then on its frames clamp.
        clampsToFrames = true
        guard case .course(let drawn)? = layout else { return }
        clampToLayout(drawn: layout)
        wordNotice(from: drawn)
    }
}
