import ConvCore

/// The mouse's part of `update`: an event is hit-tested through `ScreenLayout.element(at:)` and
/// becomes the actions a key would send (select, set, inspect, scroll, page), so a click and a
/// key can never mean different things.
func updateMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    guard state.mouseEnabled else { return [] }
    if event.kind == .release {
        state.dragging = nil
        return []
    }
    let layout = state.courseLayout(drawn: event.drawn)
    switch event.kind {
    case .release:
        return []
    case .drag:
        // A slider follows the pointer while the button is held, even off its row.
        guard let id = state.dragging else { return [] }
        return update(&state, .set(id, MouseHits.sliderValue(id, column: event.column, layout: layout)))
    case .press, .wheelUp, .wheelDown, .wheelLeft, .wheelRight:
        break
    }
    // As with keys: the help closes on a click, and a value being typed ignores the mouse.
    if state.showHelp { return event.kind == .press ? update(&state, .toggleHelp) : [] }
    if state.typing == nil, let effects = state.familyMapsMouse(event, layout: layout) { return effects }
    guard state.typing == nil, let element = layout.element(at: event.column, event.row) else { return [] }
    var effects: [Effect] = []
    for action in MouseHits.actions(event, on: element, layout: layout) {
        effects += update(&state, action)
    }
    if event.kind == .press, case .slider(let id) = element { state.dragging = id }
    return effects
}

/// What each kind of screen element does under the mouse.
enum MouseHits {
    /// The actions for `event` over `element`; empty where the mouse does nothing.
    static func actions(_ event: MouseEvent, on element: ScreenElement, layout: ScreenLayout) -> [Action] {
        switch (element, event.kind) {
        case (.parameter(let id), .press):
            return [.select(id)]
        case (.slider(let id), .press):
            return [.select(id), .set(id, sliderValue(id, column: event.column, layout: layout))]
        case (.parameter(let id), .wheelUp), (.slider(let id), .wheelUp):
            return [.select(id), .increment]
        case (.parameter(let id), .wheelDown), (.slider(let id), .wheelDown):
            return [.select(id), .decrement]
        case (.mapCell(let cell), .press) where cell.section == .kernel:
            // A weight has no inspector of its own: the status line says which it is.
            guard let kernel = layout.kernel, cell.y >= 0, cell.x >= 0, cell.y < kernel.tensorRows,
                  cell.x < kernel.tensorColumns else { return [] }
            return [.showWeight(pair: cell.channel, y: cell.y, x: cell.x)]
        case (.mapCell(let cell), .press):
            // The padding ring of the padded view is drawn but holds no cell to inspect.
            guard cell.y >= 0, cell.x >= 0, cell.y < section(cell.section, layout)?.tensorRows ?? 0,
                  cell.x < section(cell.section, layout)?.tensorColumns ?? 0 else { return [] }
            let cursor = CellCursor(channel: cell.channel, y: cell.y, x: cell.x)
            return [.inspect(cell.section == .output ? .output : .input, cursor)]
        case (.pageMarker(let which), .press):
            return [.nextPageOf(which)]
        case (.mapCell, _), (.mapTitle, _), (.sectionHeader, _), (.pageMarker, _):
            return scroll(event.kind)
        default:
            return []
        }
    }

    /// The wheel over the maps scrolls cropped maps a page at a time, like Shift-arrows.
    static func scroll(_ kind: MouseEvent.Kind) -> [Action] {
        switch kind {
        case .wheelUp: [.scroll(dx: 0, dy: -1)]
        case .wheelDown: [.scroll(dx: 0, dy: 1)]
        case .wheelLeft: [.scroll(dx: -1, dy: 0)]
        case .wheelRight: [.scroll(dx: 1, dy: 0)]
        default: []
        }
    }

    static func section(_ which: MapSection, _ layout: ScreenLayout) -> SectionLayout? { layout.section(which) }

    /// The value a click at `column` gives parameter `id`: the one the slider draws with its knob
    /// under the pointer (the slider's range as the panel draws it, logarithmic).
    static func sliderValue(_ id: ParameterID, column: Int, layout: ScreenLayout) -> Int {
        let start = layout.panel.x + ParameterPanel.Column.slider
        let width = ParameterPanel.Column.sliderWidth(panelWidth: layout.panel.width)
        return ParameterPanel.value(atKnob: min(max(column - start, 0), width - 1), range: id.range, width: width)
    }
}
