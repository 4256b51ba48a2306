import ConvCore

/// The graph screen's mouse: a click on a row selects it, a click on an output cell inspects it,
/// the wheel over the list moves the selection and over the maps scrolls them.
func updateGraphMouse(_ state: inout ModelProgram, _ event: MouseEvent) -> [Effect] {
    guard let graph = state.graph, event.kind != .release, event.kind != .drag else { return [] }
    if state.showHelp { return event.kind == .press ? state.update(.toggleHelp) : [] }
    // The frame on screen when the run loop gives it; laid out here only for events sent without one.
    let layout = state.graphLayout(drawn: event.drawn)
    let (column, row) = (event.column, event.row)
    let list = layout.list
    if column >= list.x, column < list.maxX, row >= list.y, row < list.maxY {
        switch event.kind {
        case .press:
            let index = layout.firstListed + row - list.y
            return index < graph.rows.count ? state.update(.graph(.chooseRow(index))) : []
        case .wheelUp: return state.update(.graph(.selectRow(-1)))
        case .wheelDown: return state.update(.graph(.selectRow(1)))
        default: return []
        }
    }
    for section in layout.sections {
        guard let element = section.element(at: column, row, glyphs: state.environment.glyphs, language: state.environment.language)
        else { continue }
        switch event.kind {
        case .wheelUp: return state.update(.scroll(dx: 0, dy: -1))
        case .wheelDown: return state.update(.scroll(dx: 0, dy: 1))
        case .wheelLeft: return state.update(.scroll(dx: -1, dy: 0))
        case .wheelRight: return state.update(.scroll(dx: 1, dy: 0))
        default: break
        }
        guard section.section == .output, case .mapCell(let cell) = element, graph.outputShape != nil else { return [] }
        if !graph.inspecting { state.update(.graph(.toggleInspect)) }
        state.update(.graph(.cursorChannel(cell.channel - state.graph!.cursor.channel)))
        let g = state.graph!
        return state.update(.graph(.moveCursor(dx: cell.x - g.cursor.x, dy: cell.y - g.cursor.y)))
    }
    return []
}

extension ModelProgram {
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
