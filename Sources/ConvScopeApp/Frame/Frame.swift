/// One drawn frame: the layout computed once for the state on screen, and the canvas painted
/// from it. The run loop keeps the last one and gives its layout to the mouse, so a click is
/// hit-tested against exactly what was drawn, without laying the screen out again.
public struct Frame: Sendable {
    /// The layout a canvas was painted from: the course screen's, the model screen's (a stack or
    /// a graph), or none (the exercise's working page, which the mouse does not reach).
    public enum Layout: Equatable, Sendable {
        case course(ScreenLayout)
        case model(StackScreenLayout)
        case graph(GraphScreenLayout)
        case none
    }

    /// Where everything on the canvas is.
    public let layout: Layout
    /// The painted screen.
    public let canvas: Canvas

    /// A frame of `canvas`, painted from `layout`.
    public init(layout: Layout, canvas: Canvas) {
        self.layout = layout
        self.canvas = canvas
    }
}
