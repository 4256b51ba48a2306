/// What the run loop drives: a state that takes actions through one door and paints itself.
/// The course screen (`AppState`) is one; an exercise session wraps one.
public protocol LoopProgram: Sendable {
    /// The teaching state whose maps the loop computes and whose animation clock it runs.
    var teaching: AppState { get }
    /// The course state whose computed maps the screen draws (`AppState.shownMaps`), if any.
    var mapsState: AppState? { get }
    /// Applies an action; returns the side effects the loop must perform.
    mutating func apply(_ action: Action) -> [Effect]
    /// The screen for this state.
    func paint(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Canvas
    /// The screen for this state with the layout it was painted from, laid out once.
    func frame(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Frame
    /// Told, before each event, the layout of the frame on screen: the one the event acts on.
    mutating func showing(_ layout: Frame.Layout?)
    /// The frame for this state, painted from `laidOut` — the course layout of `teaching` made
    /// while its maps are computed, for the region in view — where the frame is laid out so.
    func frame(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int, laidOut: ScreenLayout?) -> Frame
}

extension LoopProgram {
    /// A program whose frame is not the teaching state's course screen lays itself out.
    public func frame(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int, laidOut: ScreenLayout?) -> Frame {
        frame(maps: maps, environment: environment, spinner: spinner)
    }
}

extension AppState: LoopProgram {
    public var teaching: AppState { self }
    public var mapsState: AppState? { self }

    public mutating func apply(_ action: Action) -> [Effect] { update(&self, action) }

    public func paint(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Canvas {
        view(self, maps: maps, environment: environment, spinner: spinner)
    }

    public func frame(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Frame {
        drawFrame(self, maps: maps, environment: environment, spinner: spinner)
    }

    public func frame(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int, laidOut: ScreenLayout?) -> Frame {
        drawFrame(self, maps: maps, environment: environment, spinner: spinner, laidOut: laidOut)
    }

    public mutating func showing(_ layout: Frame.Layout?) { adoptFrame(layout) }
}

extension LoopProgram {
    /// The screen for this state drawn from the maps it holds: no engine is needed to draw it.
    public func frame(environment: RenderEnvironment, spinner: Int) -> Frame {
        frame(maps: mapsState?.shownMaps, environment: environment, spinner: spinner)
    }

    /// The same, painted from `laidOut` where the frame is laid out so (see the requirement).
    public func frame(environment: RenderEnvironment, spinner: Int, laidOut: ScreenLayout?) -> Frame {
        frame(maps: mapsState?.shownMaps, environment: environment, spinner: spinner, laidOut: laidOut)
    }
}
