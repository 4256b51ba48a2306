import ConvCore

/// The model screen's `update`: applies an action and returns the side effects the run loop must
/// perform (the stack's values, the graph's values behind it, export, suspend, quit).
extension ModelProgram {
    /// Applies an action; the frame on screen was drawn from the state before it.
    @discardableResult
    public mutating func update(_ action: Action) -> [Effect] {
        let effects = handle(action)
        onScreen = nil
        return effects
    }

    /// The state after an action, for callers that perform no effects (tests, `render`): the
    /// stack's and the graph's values are computed here at once instead of off the input loop.
    public func updated(_ action: Action) -> ModelProgram {
        var s = self
        for effect in s.update(action) {
            if case .computeStack(let model, _) = effect { s.update(.stackComputed(model, model.run())) }
            if case .computeGraph(let request) = effect { s.update(.graphComputed(request, request.run(), field: request.runField())) }
        }
        return s
    }

    /// `update` for one action, while `onScreen` is still the frame it was taken on: the open
    /// lesson's, else the model screen's.
    private mutating func handle(_ action: Action) -> [Effect] {
        if action == .stack(.openLesson) || action == .graph(.openLesson), lesson == nil { return openLesson() }
        return delegateToLesson(action) ?? handleOwn(action)
    }

    /// The model screen's own `update` for one action.
    mutating func handleOwn(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            // A key the current mode has no use for changes nothing, not even the message.
            guard let mapped = KeyMap.action(for: key, in: self) else { return [] }
            return update(mapped)
        case .start(let size):
            terminalSize = size
            // The stack screen asks for its own values; the graph screen computes its own on demand.
            clampToLayout()
            return kindEffects + [.mouseReporting(mouseEnabled)]
        case .resize(let size), .resumed(let size):
            terminalSize = size
            if !showHelp { clampToLayout() }
            return []
        case .computed:
            return []
        case .graphComputed(let request, let values, let field):
            graph?.receive(values, for: request, field: field)
            return []
        case .stackComputed(let model, let values):
            guard case .stack(var s) = kind else { return [] }
            s.receive(values, for: model)
            kind = .stack(s)
            clampToLayout()
            return []
        case .signal, .suspend, .quit:
            return action.processEffects ?? []
        case .mouse(let event):
            guard mouseEnabled else { return [] }
            switch kind {
            case .stack: return updateStackMouse(&self, event)  // its own regions (StackMouseUpdate)
            case .graph: return updateGraphMouse(&self, event)  // its list and maps (GraphMouseUpdate)
            }
        default:
            // A layer on the stack screen edits its own parameter table.
            if case .stack = kind, editStackRow(action) { return stackEffects }
            if case .graph = kind, !showHelp, case .scrollPanel(let delta) = action { scrollGraphPanel(delta); return [] }
            let before = self
            reduce(action)
            // With the help open, every key (e included) only closes it.
            if action == .export, !before.showHelp { return [.export] }
            if action == .toggleRecording, !before.showHelp { return [.toggleRecording] }
            return kindEffects + (mouseEnabled != before.mouseEnabled ? [.mouseReporting(mouseEnabled)] : [])
        }
    }

    /// The values this screen waits for: the stack's, or the graph's pending request.
    var kindEffects: [Effect] {
        switch kind {
        case .stack: stackEffects
        case .graph: graphEffects
        }
    }

    /// The user's actions on the model screen (its panel edits went through `editStackRow`).
    private mutating func reduce(_ action: Action) {
        // A help overlay or a pending message is dismissed by the next key.
        notice = nil
        switch kind {
        case .stack(var s): s.note = nil; kind = .stack(s)
        case .graph(var g): g.note = nil; kind = .graph(g)
        }
        if showHelp {
            switch action {
            case .helpPage(let delta):
                helpPage = min(max(0, helpPage + delta), max(0, helpPages(drawn: onScreen) - 1))
            default: showHelp = false; helpPage = 0
            }
            return
        }
        switch action {
        case .typeDigit(let d):
            // With the cost panel open ten digits, as the course screen's K takes.
            let text = (typing ?? "") + String(d)
            typing = String(text.drop { $0 == "0" && text.count > 1 }.prefix(panel == .cost ? 10 : 5))
            if typing!.isEmpty { typing = "0" }
        case .typeBackspace:
            if let t = typing { typing = t.count > 1 ? String(t.dropLast()) : nil }
        case .cancelTyping, .commitTyping:
            typing = nil
        case .back:
            if typing != nil { typing = nil } else if panel != nil { panel = nil } else { notice = .nothingToClose }
        case .toggleTheme:
            theme = theme == .dark ? .light : .dark
            notice = .theme(theme, shownInTerminal: environment.colorDepth.hasColor)
        case .toggleLink:
            linked.toggle()
            notice = .linked(linked)
        case .cycleZoom:
            // auto → whole map → numbers → large → auto; the status line says which is on.
            zoomOverride = Zoom.following(zoomOverride)
            scrollX = 0; scrollY = 0
            noticeWhenDrawn(.zoom)
        // Paging and scrolling move nothing but what is in view, so the frame on screen bounds them.
        case .previousPage:
            pages = pages.map { $0 - 1 }
            clampToLayout(drawn: onScreen)
        case .nextPage:
            pages = pages.map { $0 + 1 }
            clampToLayout(drawn: onScreen)
        case .scroll(let dx, let dy) where transposedMapsArea() != nil:
            scrollTransposed(dx: dx, dy: dy, transposedMapsArea()!)
        case .scroll(let dx, let dy):
            // dx, dy count pages: the visible width or height of the cropped maps on screen.
            let page = scrollPage(drawn: onScreen)
            scrollX = max(0, scrollX + dx * page.columns)
            scrollY = max(0, scrollY + dy * page.rows)
            clampToLayout(drawn: onScreen)
        case .toggleHelp:
            showHelp = true
            helpPage = 0
        case .report(let text):
            notice = .fileReport(text)
        case .toggleMouse:
            mouseEnabled.toggle()
            notice = .mouse(mouseEnabled)
        case .cycleColormap:
            environment.colormap = environment.colormap.next
            notice = .colormap(environment.colormap, shownInTerminal: environment.colorDepth.hasColor)
        case .togglePadded:
            paddedView.toggle()
            notice = .paddedView(paddedView, mode: selectedLayerSettings?.paddingMode ?? .zeros)
        case .togglePanel(let p):
            panel = panel == p ? nil : p
            panelScroll = 0
        case .stack(let stackAction):
            applyStack(stackAction)
        case .graph(let graphAction):
            applyGraph(graphAction)
        default:
            break  // the course screen's keys (AppState)
        }
    }

    /// Keeps channel pages and scroll offsets inside what the screen places, within the frame
    /// drawn when the event arrived if given; returns the stack screen's layout it clamped to.
    /// With no frame given, in the run loop the next frame clamps instead (adopted by `showing`).
    @discardableResult
    mutating func clampToLayout(drawn: Frame.Layout? = nil) -> StackScreenLayout? {
        if drawn == nil && clampsToFrames { return nil }
        return clampToLayoutNow(drawn: drawn)
    }

    /// `clampToLayout`, laying this state out when no frame is given.
    @discardableResult
    mutating func clampToLayoutNow(drawn: Frame.Layout? = nil) -> StackScreenLayout? {
        switch kind {
        case .graph:
            clampGraphLayout(graphLayout(drawn: drawn))
            return nil
        case .stack:
            let layout = modelLayout(drawn: drawn)
            clampStackLayout(layout)
            return layout
        }
    }
}

/// The model screen's `update`, as the course screen's is called.
@discardableResult
public func update(_ state: inout ModelProgram, _ action: Action) -> [Effect] { state.update(action) }

/// The model screen after an action, its values computed at once (tests, benchmarks, `render`).
public func update(_ state: ModelProgram, _ action: Action) -> ModelProgram { state.updated(action) }

/// Paints the model screen.
public func view(_ state: ModelProgram, maps: ComputedMaps? = nil, environment env: RenderEnvironment, spinner: Int = 0) -> Canvas {
    state.paint(maps: maps, environment: env, spinner: spinner)
}
