import ConvCore

/// The graph screen's mouse: a click on a row selects it, a click on an output cell inspects it,
/// the wheel over the list moves the selection and over the maps scrolls them.
func updateGraphMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    guard let graph = state.graph, event.kind != .release, event.kind != .drag else { return [] }
    if state.showHelp { return event.kind == .press ? update(&state, .toggleHelp) : [] }
    let layout = GraphLayout.compute(state, environment: state.environment)
    let (column, row) = (event.column, event.row)
    let list = layout.list
    if column >= list.x, column < list.maxX, row >= list.y, row < list.maxY {
        switch event.kind {
        case .press:
            let index = layout.firstListed + row - list.y
            return index < graph.rows.count ? update(&state, .graph(.chooseRow(index))) : []
        case .wheelUp: return update(&state, .graph(.selectRow(-1)))
        case .wheelDown: return update(&state, .graph(.selectRow(1)))
        default: return []
        }
    }
    for section in layout.sections {
        guard let element = section.element(at: column, row, glyphs: state.environment.glyphs, language: state.environment.language)
        else { continue }
        switch event.kind {
        case .wheelUp: return update(&state, .scroll(dx: 0, dy: -1))
        case .wheelDown: return update(&state, .scroll(dx: 0, dy: 1))
        case .wheelLeft: return update(&state, .scroll(dx: -1, dy: 0))
        case .wheelRight: return update(&state, .scroll(dx: 1, dy: 0))
        default: break
        }
        guard section.section == .output, case .mapCell(let cell) = element, graph.outputShape != nil else { return [] }
        if !graph.inspecting { update(&state, .graph(.toggleInspect)) }
        update(&state, .graph(.cursorChannel(cell.channel - state.graph!.cursor.channel)))
        let g = state.graph!
        return update(&state, .graph(.moveCursor(dx: cell.x - g.cursor.x, dy: cell.y - g.cursor.y)))
    }
    return []
}

extension AppState {
    /// Keeps channel pages and scroll offsets inside the graph screen's map groups.
    mutating func clampGraphLayout(_ layout: GraphScreenLayout) {
        let last = layout.bands.last?.map(\.pageCount).max() ?? 1
        let first = layout.bands.dropLast().flatMap { $0 }.map(\.pageCount).max() ?? 1
        pages = [min(max(0, inputPage), max(0, first - 1)), min(max(0, outputPage), max(0, last - 1))]
        let maxX = layout.sections.map { $0.totalColumns - $0.visibleColumns }.max() ?? 0
        let maxY = layout.sections.map { $0.totalRows - $0.visibleRows }.max() ?? 0
        scrollX = min(max(0, scrollX), max(0, maxX))
        scrollY = min(max(0, scrollY), max(0, maxY))
    }
}
