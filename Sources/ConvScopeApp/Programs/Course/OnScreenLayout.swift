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
