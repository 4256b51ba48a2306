import ConvCore

/// The only way the state changes: applies an action and returns the side effects the run loop
/// must perform (compute maps, export, suspend, quit). Changed parameters always ask for maps.
@discardableResult
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = handle(&state, action)
    // The frame on screen was drawn from the state before this action.
    state.onScreen = nil
    // Measured once per change, so no frame laid out from this state builds the weights.
    state.keepKernelScale()
    return effects
}

/// `update` for one action, while `state.onScreen` is still the frame it was taken on.
private func handle(_ state: inout AppState, _ action: Action) -> [Effect] {
    if let effects = state.lessonAction(action) { return effects }
    switch action {
    case .key(let key):
        // A key the current mode has no use for changes nothing, not even the message.
        guard let mapped = KeyMap.action(for: key, in: state) else { return [] }
        return update(&state, mapped)
    case .start(let size):
        state.terminalSize = size
        // A layer kind given on the command line may hide the selected row (h_in on a Conv1d):
        // its first row is selected, so the first arrow changes a value.
        if !state.rowIsShown(state.selected) { state.selected = state.nextShownRow(from: state.selected, step: 1) }
        return [.compute(state.parameters), .mouseReporting(state.mouseEnabled)]
    case .resize(let size), .resumed(let size):
        state.terminalSize = size
        if !state.showHelp { state.clampWhenDrawn() }
        return []
    case .computed(let maps):
        state.receive(maps)
        return []
    case .graphComputed, .stackComputed:
        return []
    case .signal, .suspend, .quit:
        return action.processEffects ?? []
    case .mouse(let event):
        return updateMouse(&state, event)
    default:
        let before = state
        state = reduce(state, action)
        // With the help open, every key (e included) only closes it.
        if action == .export, !before.showHelp { return [.export] }
        if action == .toggleRecording, !before.showHelp { return [.toggleRecording] }
        if state.mouseEnabled != before.mouseEnabled { return [.mouseReporting(state.mouseEnabled)] }
        return state.parameters == before.parameters ? [] : [.compute(state.parameters)]
    }
}

/// The state after an action, for callers that perform no effects (tests, `render`).
public func update(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    update(&s, action)
    return s
}

/// The user's actions: the next state, pure. Run-loop actions are handled by `update`.
private func reduce(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    // A help overlay or a pending message is dismissed by the next key.
    s.notice = nil
    if s.showHelp {
        switch action {
        case .helpPage(let delta):
            let pages = s.helpPages(drawn: s.onScreen)
            s.helpPage = min(max(0, s.helpPage + delta), max(0, pages - 1))
        default: s.showHelp = false; s.helpPage = 0
        }
        return s
    }
    let selected = s.selected
    switch action {
    case .selectPrevious:
        s.typing = nil
        s.selected = s.nextShownRow(from: s.selected, step: -1)
    case .selectNext:
        s.typing = nil
        s.selected = s.nextShownRow(from: s.selected, step: 1)
    case .decrement: s.change(selected) { $0 - 1 }
    case .increment: s.change(selected) { $0 + 1 }
    case .bigDecrement: s.change(selected) { selected.spec.step.step($0, up: false) }
    case .bigIncrement: s.change(selected) { selected.spec.step.step($0, up: true) }
    case .setMinimum where selected == .bias:
        // Home on the bias row: none, the notebook's bias=False.
        s.typing = nil
        s.parameters.bias = nil
    case .setMinimum: s.change(selected) { _ in selected.range.lowerBound }
    case .setMaximum: s.change(selected) { _ in selected.range.upperBound }
    case .typeDigit where !s.typesK && s.typing == nil && { if case .choice = s.selected.spec.kind { true } else { false } }():
        // A choice's value is its index, which the screen never shows: typing one would pick blindly.
        s.notice = .choiceRow(name: s.selected.name)
    case .typeDigit(let d):
        let text = (s.typing ?? "") + String(d)
        s.typing = String(text.drop { $0 == "0" && text.count > 1 }.prefix(s.typesK ? 10 : 5))
        if s.typing!.isEmpty { s.typing = "0" }
    case .typeBackspace:
        if let t = s.typing { s.typing = t.count > 1 ? String(t.dropLast()) : nil }
    case .cancelTyping:
        s.typing = nil
    case .back:
        s.backOneLevel()
    case .toggleTheme:
        s.theme = s.theme == .dark ? .light : .dark
        s.notice = .theme(s.theme, shownInTerminal: s.environment.colorDepth.hasColor)
    case .commitTyping:
        guard let text = s.typing, let value = Int(text) else { break }
        s.typing = nil
        let id = s.selected
        if s.typesK {
            if let k = RowSteps.accepted(value, name: "K", range: AppState.denseOutputRange, notice: &s.notice) { s.denseOutputs = k }
        } else if let accepted = RowSteps.accepted(value, name: id.name, range: id.range, notice: &s.notice) {
            s.change(id) { _ in accepted }
        }
    case .toggleLink:
        s.linked.toggle()
        s.notice = .linked(s.linked)
    case .cycleZoom:
        // auto → whole map → numbers → large → auto; the status line says which is on.
        s.zoomOverride = Zoom.following(s.zoomOverride)
        s.scrollX = 0; s.scrollY = 0
        // The zoom the frame lays out is the one the notice names (worded by that frame).
        s.noticeWhenDrawn(.zoom)
    // Paging and scrolling move nothing but what is in view, so the frame on screen bounds them.
    case .previousPage:
        s.pages = s.pages.map { $0 - 1 }
        s.kernelPage -= 1
        s.clampToLayout(drawn: s.onScreen)
    case .nextPage:
        s.pages = s.pages.map { $0 + 1 }
        s.kernelPage += 1
        s.clampToLayout(drawn: s.onScreen)
    case .scroll(let dx, let dy) where s.transposedMapsArea() != nil:
        s.scrollTransposed(dx: dx, dy: dy, s.transposedMapsArea()!)
    case .scroll(let dx, let dy):
        // dx, dy count pages: the visible width or height of the cropped maps on screen.
        let page = s.courseLayout(drawn: s.onScreen).scrollPage
        s.scrollX = max(0, s.scrollX + dx * page.columns)
        s.scrollY = max(0, s.scrollY + dy * page.rows)
        s.clampToLayout(drawn: s.onScreen)
    case .reset:
        // The notebook's parameters; the device and the user's settings (palette, mouse) stay.
        s = AppState(parameters: Conv2dSettings())
        s.terminalSize = state.terminalSize
        s.environment = state.environment
        s.mouseEnabled = state.mouseEnabled
        s.notice = .reset
    case .toggleHelp:
        s.showHelp = true
        s.helpPage = 0
    case .helpPage:
        break
    case .export, .toggleRecording:
        break
    case .report(let text):
        s.notice = .fileReport(text)
    case .toggleMouse:
        s.mouseEnabled.toggle()
        s.dragging = nil
        s.notice = .mouse(s.mouseEnabled)
    case .cycleColormap:
        s.environment.colormap = s.environment.colormap.next
        s.notice = .colormap(s.environment.colormap, shownInTerminal: s.environment.colorDepth.hasColor)
    case .select(let id):
        s.typing = nil
        s.selected = id
    case .nextPageOf(let section):
        let count = s.courseLayout(drawn: s.onScreen).section(section)?.pageCount ?? 1
        s.setPage(section, (s.page(section) + 1) % max(1, count))
        s.clampToLayout(drawn: s.onScreen)
    case let .showWeight(pair, y, x):
        let p = s.parameters, perGroup = p.kernelShape[1]
        guard p.validate() == nil, perGroup > 0, pair >= 0, pair < p.kernelShape[0] * perGroup,
              y >= 0, y < p.kernelShape[2], x >= 0, x < p.kernelShape[3] else { break }
        let o = pair / perGroup, index = pair % perGroup
        s.notice = .weight(out: o, index: index, y: y, x: x, input: p.spec.group(ofOutput: o) * p.spec.inChannelsPerGroup + index,
                           value: p.makeKernelMaps()[0, pair, y, x])
    case .toggleKernelSection:
        // The opposite of what is drawn now (automatic or not); what was never drawn says why.
        let shown = s.courseLayout(drawn: s.onScreen).kernel != nil
        s.kernelSection = !shown
        s.noticeWhenDrawn(.kernelSection(wasShown: shown))
    case .start, .key, .resize, .resumed, .computed, .stackComputed, .graphComputed, .signal, .suspend, .quit, .mouse:
        break
    case .set(let id, let value):
        s.change(id) { _ in value }
    case .depthwise:
        s.makeDepthwise()
    case .cycleKernel:
        s.change(.kernel) { $0 + 1 }
    case .separable: s.toggleSeparable()
    case .cycleTransposedView where !s.isTransposed && s.separableCost != nil:
        // On a depthwise-separable pair the explain key shows the pointwise stage's maps.
        s.pointwiseMapsShown.toggle()
        s.notice = .pointwiseMaps(s.pointwiseMapsShown)
    case .cycleTransposedView: s.cycleTransposedView(); s.transposedScroll = TransposedScroll()
    case .toggleTrueConvolution: s.toggleTrueConvolution()
    case .togglePlay where s.isTransposed, .step where s.isTransposed:
        s.notice = .transposedAnimation
    case .togglePanel where s.isTransposed, .scrollPanel where s.isTransposed:
        // A ConvTranspose2d's panels are its own (TransposedPanelText); they open and scroll as a Conv2d's.
        s.applyTeaching(action)
    case .cycleCausal: s.cycleCausal()
    case .focusNext, .focusPrevious, .moveCursor, .cursorChannel, .togglePlay, .step, .tick, .slower, .faster,
         .togglePadded, .togglePanel, .scrollPanel, .scaleDenseOutputs, .inspect:
        // A ConvTranspose2d's inspector walks its own output; the Conv2d's teaching keys wait.
        if s.parameters.layerKind != .conv2d { s.applyFamilyTeaching(action) } else { s.applyTeaching(action) }
    case .stack, .graph:
        break  // the model screen's (ModelProgram)
    }
    return s
}

extension AppState {
    /// groups = in_channels with out_channels rounded up to a multiple of it (at most 64, else
    /// in_channels itself); when the layer is already depthwise, back to groups = 1.
    mutating func makeDepthwise() {
        let c = parameters.geometry.inChannels
        if parameters.groups == c && c > 1 {
            change(.groups) { _ in 1 }
            return
        }
        if let file = parameters.fixingFile(.groups) ?? parameters.fixingFile(.outChannels) {
            notice = .fixedByFile(name: ParameterID.groups.name, file: file)
            return
        }
        let out = parameters.geometry.outChannels
        let multiple = (out + c - 1) / c * c
        parameters.geometry.outChannels = multiple <= ParameterID.outChannels.range.upperBound ? multiple : c
        change(.groups) { _ in c }
        notice = .depthwise(groups: c, outChannels: parameters.geometry.outChannels)
    }

    /// Digits typed while a Conv2d's cost panel is open set K, the dense layer's outputs (a
    /// ConvTranspose2d's cost panel has no dense layer: digits type the selected row).
    var typesK: Bool { panel == .cost && parameters.layerKind == .conv2d }

    /// Esc: the typed value, then the help or a panel, then the inspector; with nothing open
    /// it only says how to quit, so a stray Esc never ends a session.
    mutating func backOneLevel() {
        if typing != nil {
            typing = nil
        } else if panel != nil {
            panel = nil
        } else if focus != .parameters || playing {
            focus = .parameters
            playing = false
        } else {
            notice = .nothingToClose
        }
    }

    /// Applies `transform` to a parameter (and its partner when linked), clamped into range.
    /// A choice row wraps around (←/→ cycle it); a row a loaded file sets says so instead.
    mutating func change(_ id: ParameterID, _ transform: (Int) -> Int) {
        typing = nil
        if let refusal = lessonRefusal(id) { notice = refusal; return }
        if let file = parameters.fixingFile(id) {
            notice = .fixedByFile(name: id.name, file: file)
            return
        }
        // output_padding is a ConvTranspose2d's: on another kind the row shows '-' and is not changed.
        if parameters.kindIgnores(id), Conv2dSettings.outputPaddingRows.contains(id) {
            notice = .rowNotTaken(name: "output_padding", kind: parameters.layerKind)
            return
        }
        if parameters.overrider(of: id) == .padding { parameters.makePaddingExplicit() }
        var newValue = transform(parameters[id])
        if case .choice(let names) = id.spec.kind {
            newValue = ((newValue % names.count) + names.count) % names.count
            // Cycling past a file that was never loaded skips it.
            if id == .input && newValue == names.count - 1 && parameters.loadedInput == nil {
                newValue = transform(parameters[id]) > parameters[id] ? 0 : names.count - 2
            }
            if id == .kernel && newValue == names.count - 1 && parameters.loadedKernel == nil {
                newValue = transform(parameters[id]) > parameters[id] ? 0 : names.count - 2
            }
        }
        let before = parameters
        parameters.setClamped(id, newValue)
        drawNewRandomStart(id, before: before)
        if id == .input && parameters.input == .generated(.notebook) { notice = .notebookInput }
        if linked, let partner = id.partner {
            parameters.setClamped(partner, parameters[id])
        }
        clampWhenDrawn()
        clampCursors()
    }

    /// Each arrival at a random input or kernel draws a new start (1, 2, 3, … in this session),
    /// so cycling back to random shows new numbers; the kernel line, the panel and the `P`
    /// command line carry the start (`random:3`), which reproduces them.
    mutating func drawNewRandomStart(_ id: ParameterID, before: Conv2dSettings) {
        switch (id, parameters.input, parameters.kernel) {
        case (.input, .generated(.random), _) where before.input != parameters.input:
            randomDraws += 1
            parameters.input = .generated(.random(start: UInt64(randomDraws)))
        case (.kernel, _, .preset(.random)) where before.kernel != parameters.kernel:
            randomDraws += 1
            parameters.kernel = .preset(.random(start: UInt64(randomDraws)))
        default: break
        }
    }

    /// Keeps channel pages inside the channel counts and scroll offsets where they still move a
    /// map (no further than the widest and tallest hidden part), within the frame drawn when the
    /// event arrived if the action changed nothing it places, else one layout of this state.
    /// Returns the layout it clamped to (the offsets it keeps do not move anything it places).
    @discardableResult
    mutating func clampToLayout(drawn: Frame.Layout? = nil) -> ScreenLayout {
        let layout = courseLayout(drawn: drawn)
        func clamped(_ page: Int, _ section: SectionLayout?) -> Int { min(max(0, page), max(0, (section?.pageCount ?? 1) - 1)) }
        pages = zip(pages, [layout.input, layout.output]).map(clamped)
        kernelPage = clamped(kernelPage, layout.kernel)
        let sections = layout.sections
        let maxX = sections.map { $0.totalColumns - $0.visibleColumns }.max() ?? 0
        let maxY = sections.map { $0.totalRows - $0.visibleRows }.max() ?? 0
        scrollX = min(max(0, scrollX), max(0, maxX))
        scrollY = min(max(0, scrollY), max(0, maxY))
        return layout
    }
}
