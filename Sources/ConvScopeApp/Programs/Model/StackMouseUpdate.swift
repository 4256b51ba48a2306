import ConvCore

/// What is drawn at a position of the stack screen: the answer `StackScreenLayout.element(at:)`
/// gives the mouse.
public enum StackElement: Equatable, Sendable {
    /// A layer's line in the list.
    case layer(Int)
    /// Row `index` of the selected layer's parameter table: its name and value.
    case row(Int)
    /// The slider of row `index`.
    case slider(Int)
    /// A map section (its header, titles, or a cell of a map; `cell` set on a drawn cell).
    case maps(MapSection, cell: MapCellAddress?)
    /// The help overlay.
    case help
}

extension StackScreenLayout {
    /// What is drawn at (column, row) for `state` (the state this layout was computed from);
    /// nil where the mouse does nothing (titles, notes, borders, gaps, outside the window).
    public func element(at column: Int, _ row: Int, state: ModelProgram) -> StackElement? {
        func inside(_ r: Rect) -> Bool { column >= r.x && column < r.maxX && row >= r.y && row < r.maxY }
        guard column >= 0, row >= 0, column < columns, row < rows, !tooSmall, let s = state.stack else { return nil }
        if let help, inside(help) { return .help }
        if inside(list), row > list.y {
            let index = firstListed + row - list.y - 1
            return index < s.model.layers.count ? .layer(index) : nil
        }
        if let panel, inside(panel) { return rowElement(column, row, panel: panel, state: state) }
        for section in sections {
            switch section.element(at: column, row, glyphs: state.environment.glyphs, language: state.environment.language) {
            case .mapCell(let cell)?: return .maps(section.section, cell: cell)
            case .some: return .maps(section.section, cell: nil)
            case nil: continue
            }
        }
        return nil
    }

    private func rowElement(_ column: Int, _ row: Int, panel: Rect, state: ModelProgram) -> StackElement? {
        let rows = state.stackRows, visible = panel.height - 2
        guard row > panel.y, row < panel.maxY - 1, column > panel.x, column < panel.maxX - 1, !rows.isEmpty else { return nil }
        let first = StackLayerPanel.firstRow(selected: min(state.stack!.row, rows.count - 1), visible: visible, count: rows.count)
        let index = first + row - panel.y - 1
        guard index < rows.count else { return nil }
        let slider = StackLayerPanel.sliderFrame(rows, panel: panel)
        if case .integer = rows[index].kind, let slider, column >= slider.x, column < slider.maxX { return .slider(index) }
        return .row(index)
    }
}

extension StackLayerPanel {
    /// The columns the sliders take in `panel` (nil when too narrow to draw them).
    static func sliderFrame(_ rows: [LayerParameterRow], panel: Rect) -> (x: Int, maxX: Int)? {
        let x = panel.x + valueColumn(rows) + ParameterPanel.Column.valueWidth + 1
        let width = panel.maxX - 2 - x
        return width >= 3 ? (x, x + width) : nil
    }
}

/// The mouse on the stack screen: an event is hit-tested through `StackScreenLayout.element(at:)`
/// and becomes the actions a key would send (select a layer or row, change it, inspect, scroll).
func updateStackMouse(_ state: inout ModelProgram, _ event: MouseEvent) -> [Effect] {
    // The frame on screen when the run loop gives it; laid out here only for events sent without one.
    func drawnLayout() -> StackScreenLayout { state.modelLayout(drawn: event.drawn) }
    if event.kind == .release {
        state.stack?.draggingRow = nil
        return []
    }
    if event.kind == .drag {
        // A slider follows the pointer while the button is held, even off its row.
        guard let index = state.stack?.draggingRow, index < state.stackRows.count,
              let value = StackMouseHits.sliderValue(index, column: event.column, state: state,
                                                      layout: drawnLayout())
        else { return [] }
        return state.update(.stack(.setRowValue(value)))
    }
    if state.showHelp { return event.kind == .press ? state.update(.toggleHelp) : [] }
    guard state.typing == nil, state.stack?.prompt == nil else { return [] }
    let layout = drawnLayout()
    guard let element = layout.element(at: event.column, event.row, state: state) else { return [] }
    var effects: [Effect] = []
    for action in StackMouseHits.actions(event, on: element, state: state, layout: layout) {
        effects += state.update(action)
    }
    if event.kind == .press, case .slider(let index) = element { state.stack?.draggingRow = index }
    return effects
}

/// What each element of the stack screen does under the mouse.
enum StackMouseHits {
    /// The value row `index` takes with its knob at `column` (clamped to the slider's ends); nil
    /// when the panel draws no sliders.
    static func sliderValue(_ index: Int, column: Int, state: ModelProgram, layout: StackScreenLayout) -> Int? {
        guard let panel = layout.panel, let slider = StackLayerPanel.sliderFrame(state.stackRows, panel: panel) else { return nil }
        let row = state.stackRows[index], width = slider.maxX - slider.x
        return ParameterPanel.value(atKnob: min(max(column - slider.x, 0), width - 1), range: row.range, width: width)
    }

    static func actions(_ event: MouseEvent, on element: StackElement, state: ModelProgram, layout: StackScreenLayout) -> [Action] {
        let inspecting = state.stack?.inspecting == true
        // The panel's rows answer while no cursor is on the maps, as their keys do.
        let leaveInspector: [Action] = inspecting ? [.stack(.toggleInspect)] : []
        switch (element, event.kind) {
        case (.layer(let index), .press):
            return [.stack(.chooseLayer(index))]
        case (.layer, .wheelUp):
            return [.stack(.selectLayer(-1))]
        case (.layer, .wheelDown):
            return [.stack(.selectLayer(1))]
        case (.row(let index), .press):
            return leaveInspector + [.stack(.chooseRow(index))]
        case (.slider(let index), .press):
            guard let value = sliderValue(index, column: event.column, state: state, layout: layout) else { return [] }
            return leaveInspector + [.stack(.chooseRow(index)), .stack(.setRowValue(value))]
        case (.row(let index), .wheelUp), (.slider(let index), .wheelUp):
            return leaveInspector + [.stack(.chooseRow(index)), .increment]
        case (.row(let index), .wheelDown), (.slider(let index), .wheelDown):
            return leaveInspector + [.stack(.chooseRow(index)), .decrement]
        case (.maps(.output, let cell?), .press):
            guard let shape = state.stack?.outputShape, cell.y >= 0, cell.x >= 0, cell.y < shape[2], cell.x < shape[3] else { return [] }
            return [.stack(.inspectCell(CellCursor(channel: cell.channel, y: cell.y, x: cell.x)))]
        case (.maps, _):
            return MouseHits.scroll(event.kind)
        default:
            return []
        }
    }
}
