import ConvCore

/// The model program as the run loop drives it: its frame, its layout on screen, its key map.
extension ModelProgram: LoopProgram {
    /// The course state whose maps the loop computes and whose animation clock it runs: the open
    /// lesson; else a course screen with the same settings that asks for none (the model screen
    /// computes its own values).
    public var teaching: AppState { lesson ?? AppState(settings: settings) }
    /// The open lesson holds the maps it draws; the model screen draws its own values.
    public var mapsState: AppState? { lesson }

    public mutating func apply(_ action: Action) -> [Effect] { update(action) }

    public func paint(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Canvas {
        frame(maps: maps, environment: environment, spinner: spinner).canvas
    }

    public func frame(maps: ComputedMaps?, environment env: RenderEnvironment, spinner: Int) -> Frame {
        frame(maps: maps, environment: env, spinner: spinner, laidOut: nil)
    }

    /// An open lesson's frame may be painted from the layout made for its region in view.
    public func frame(maps: ComputedMaps?, environment env: RenderEnvironment, spinner: Int, laidOut: ScreenLayout?) -> Frame {
        if let lesson { return lesson.frame(maps: maps, environment: env, spinner: spinner, laidOut: laidOut) }
        let dark = darkFrame(environment: env)
        // Without colours there is no page to paint; exports still get the theme's page colour.
        return Frame(layout: dark.layout, canvas: env.colorDepth.hasColor ? dark.canvas.themed(theme) : dark.canvas)
    }

    /// Adopts the pages and offsets the frame on screen clamped, so paging and scrolling step
    /// from what was drawn and `update` never lays the screen out to clamp them.
    public mutating func showing(_ layout: Frame.Layout?) {
        onScreen = layout
        lesson?.adoptFrame(layout)
        // Only the run loop tells a state what is on screen: from then on its frames clamp.
        clampsToFrames = true
        switch layout {
        case .model(let drawn)? where lesson == nil:
            clampStackLayout(drawn)
            wordNotice(from: drawn)
        case .graph(let drawn)? where lesson == nil:
            clampGraphLayout(drawn)
        default: break
        }
    }

    /// The layout (laid out once) and the screen painted from it, before a theme.
    func darkFrame(environment env: RenderEnvironment) -> Frame {
        switch kind {
        case .graph:
            // The bands' tensors are scanned once for both the layout and the paint.
            let bands = GraphLayout.bands(self, environment: env)
            let layout = GraphLayout.compute(self, environment: env, bands: bands)
            return Frame(layout: .graph(layout), canvas: GraphScreenView.paint(self, layout: layout, bands: bands, environment: env))
        case .stack:
            let layout = StackLayout.compute(self, environment: env)
            // A notice left for this frame is worded from its layout.
            var shown = self
            shown.wordNotice(from: layout)
            return Frame(layout: .model(layout), canvas: StackScreenView.paint(shown, layout: layout, environment: env))
        }
    }

    /// The stack screen as drawn when this event arrived, else the layout this state would be
    /// drawn with (the state must show a stack).
    func modelLayout(drawn: Frame.Layout?) -> StackScreenLayout {
        if case .model(let layout)? = drawn { return layout }
        return StackLayout.compute(self, environment: environment)
    }

    /// The graph screen as drawn when this event arrived, else the layout this state would be
    /// drawn with (the state must show a graph).
    func graphLayout(drawn: Frame.Layout?) -> GraphScreenLayout {
        if case .graph(let layout)? = drawn { return layout }
        return GraphLayout.compute(self, environment: environment)
    }

    /// The help's page count on the screen drawn (or this state's).
    func helpPages(drawn: Frame.Layout?) -> Int {
        switch kind {
        case .graph: graphLayout(drawn: drawn).helpPageCount
        case .stack: modelLayout(drawn: drawn).helpPageCount
        }
    }

    /// How far one scroll step moves: the visible part of the cropped maps on the stack screen;
    /// one element on the graph screen.
    func scrollPage(drawn: Frame.Layout?) -> (columns: Int, rows: Int) {
        switch kind {
        case .graph: (1, 1)
        case .stack: modelLayout(drawn: drawn).scrollPage
        }
    }

    /// The ConvTranspose2d explanation on screen, if the selected layer or node has one.
    func transposedMapsArea() -> TransposedMapsArea? {
        let env = environment
        switch kind {
        case .graph(let graph):
            let area = graphLayout(drawn: onScreen).maps
            guard case .success(let view)? = graph.transposedExplanation(environment: env, width: area.width) else { return nil }
            return TransposedMapsArea(view: view, shown: graph.transposedView, area: area)
        case .stack(let stack):
            let area = modelLayout(drawn: onScreen).maps
            guard case .success(let view)? = stack.transposedExplanation(environment: env, width: area.width) else { return nil }
            return TransposedMapsArea(view: view, shown: stack.transposedView, area: area)
        }
    }
}

extension KeyMap {
    /// The action for a key on the model screen, or nil when the key does nothing.
    public static func action(for key: Key, in state: ModelProgram) -> Action? {
        if let decided = screenAction(for: key, state.settings, helpPages: state.helpPages(drawn: state.onScreen)) { return decided }
        switch state.kind {
        case .stack: return stackAction(for: key, in: state)
        case .graph: return graphAction(for: key, in: state)
        }
    }
}
