import ConvCore

extension ModelProgram {
    /// Applies one of the graph screen's actions.
    mutating func applyGraph(_ action: GraphAction) {
        guard var g = graph else { return }
        let before = g.entry
        switch action {
        case let .selectRow(delta):
            g.select(row: g.selectedRow + delta)
        case let .chooseRow(row):
            g.select(row: row)
        case .toggleFold:
            if !g.toggleFold() { g.note = .noBlock }
        case .foldDepth:
            if !g.foldNextDepth() { g.note = .noBlock }
        case .toggleInspect:
            if g.inspecting {
                g.inspecting = false
                g.fieldView = false
            } else if let shape = g.outputShape, g.tensor(g.outputStep.node.name) != nil, shape.reduce(1, *) > 0 {
                g.inspecting = true
                g.clampCursor()
            } else {
                g.note = .noMapsToInspect
            }
        case let .moveCursor(dx, dy):
            g.cursor.x = Self.saturatingAdd(g.cursor.x, dx)
            g.cursor.y = Self.saturatingAdd(g.cursor.y, dy)
            g.clampCursor()
        case let .cursorChannel(delta):
            g.cursor.channel += delta
            g.clampCursor()
        case .toggleField:
            if g.fieldView {
                g.fieldView = false
            } else if g.outputStep.field != nil, g.outputShape?.count == 4 {
                if !g.inspecting { g.inspecting = true; g.centreCursor() }
                g.fieldView = true
            } else {
                g.note = .noField
            }
        case .toggleDense:
            g.denseView.toggle()
            panelScroll = 0
        case .cycleTransposedView:
            g.cycleTransposedView()
            transposedScroll = TransposedScroll()
        case .openLesson:
            break  // ModelProgram.openLesson opens it, before the graph's actions
        case .back:
            if g.transposedView != nil { g.transposedView = nil } else if g.denseView { g.denseView = false } else if g.fieldView { g.fieldView = false } else if g.inspecting { g.inspecting = false }
        }
        g.computeField()
        // A new row starts at its first maps.
        if g.entry != before { pages = [0, 0]; scrollX = 0; scrollY = 0; panelScroll = 0; g.transposedView = nil }
        graph = g
    }

    /// The graph screen's request for values computed behind it, while one is pending.
    var graphEffects: [Effect] { graph?.pending.map { [.computeGraph($0)] } ?? [] }

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int { a.addingReportingOverflow(b).overflow ? (b > 0 ? .max : .min) : a + b }
}
