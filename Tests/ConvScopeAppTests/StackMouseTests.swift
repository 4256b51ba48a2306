import Testing
import ConvCore
@testable import ConvScopeApp

/// The mouse on the stack screen, found through `StackScreenLayout.element(at:)` at the sizes
/// users have: a click selects a layer or a row, sets a slider, inspects an output cell; the
/// wheel changes a row or scrolls the maps.
@Suite("Stack mouse")
struct StackMouseTests {
    static func state(_ columns: Int, _ rows: Int) -> ModelProgram {
        StackUpdateTests.state("skip.txt", columns: columns, rows: rows)
    }

    /// The first position (row by row) whose element satisfies `match`.
    static func find(_ s: ModelProgram, _ match: (StackElement) -> Bool) -> (column: Int, row: Int)? {
        let layout = StackLayout.compute(s, environment: s.environment)
        for row in 0..<s.terminalSize.rows {
            for column in 0..<s.terminalSize.columns {
                if let e = layout.element(at: column, row, state: s), match(e) { return (column, row) }
            }
        }
        return nil
    }

    static func press(_ s: ModelProgram, _ at: (column: Int, row: Int), _ kind: MouseEvent.Kind = .press) -> ModelProgram {
        var changed = s
        var effects = update(&changed, .mouse(MouseEvent(kind, column: at.column, row: at.row)))
        // Values computed at once, as `update(_:_:)` does for keys.
        while case .computeStack(let model, _)? = effects.first(where: { if case .computeStack = $0 { true } else { false } }) {
            effects = update(&changed, .stackComputed(model, model.run()))
        }
        return changed
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func clicksAndTheWheelActLikeTheirKeys(columns: Int, rows: Int) throws {
        var s = Self.state(columns, rows)
        #expect(update(&s, .start(TerminalSize(columns: columns, rows: rows))).contains(.mouseReporting(true)),
                "the stack screen turns the mouse on")
        // A layer's line selects it.
        let third = try #require(Self.find(s, { $0 == .layer(3) }))
        s = Self.press(s, third)
        #expect(s.stack!.selected == 3)
        // A row of its table selects the row; the wheel over it changes it.
        let groups = try #require(s.stackRows.firstIndex { $0.name == "groups" })
        let groupsAt = try #require(Self.find(s, { $0 == .row(groups) || $0 == .slider(groups) }))
        s = Self.press(s, groupsAt)
        #expect(s.stack!.row == groups)
        s = Self.press(s, groupsAt, .wheelUp)
        guard case let .conv2d(layer) = s.stack!.layer else { Issue.record("not a Conv2d"); return }
        #expect(layer.groups == 2)
        #expect(s.stack!.trace.layers[3].status == .ran, "8 and 16 channels divide by 2")
        s = Self.press(s, groupsAt, .wheelDown)
        // A slider's leftmost cell is its minimum.
        let kernel = try #require(s.stackRows.firstIndex { $0.name == "kernel_size_w" })
        if let slider = Self.find(s, { $0 == .slider(kernel) }) {
            s = Self.press(s, slider)
            guard case let .conv2d(small) = s.stack!.layer else { return }
            #expect(small.kernelSize.w == 1, "the knob's leftmost place is the row's minimum")
        } else {
            #expect(columns < 120, "the panel is too narrow for sliders only at 80 columns")
        }
        // An output cell opens the inspector there.
        let cell = try #require(Self.find(s, { if case .maps(.output, _?) = $0 { true } else { false } }))
        let layout = StackLayout.compute(s, environment: s.environment)
        guard case let .maps(_, address?) = layout.element(at: cell.column, cell.row, state: s) else { return }
        s = Self.press(s, cell)
        #expect(s.stack!.inspecting)
        #expect(s.stack!.cursor == CellCursor(channel: address.channel, y: address.y, x: address.x))
        // Then a row click leaves the inspector, as Tab would, and selects the row.
        s = Self.press(s, groupsAt)
        #expect(!s.stack!.inspecting && s.stack!.row == groups)
    }

    /// A slider follows the pointer while the button is held, off its row too, and stops at release.
    @Test func aSliderIsDragged() throws {
        var s = Self.state(200, 60)
        let third = try #require(Self.find(s, { $0 == .layer(3) }))
        s = Self.press(s, third)
        let kernel = try #require(s.stackRows.firstIndex { $0.name == "kernel_size_w" })
        let start = try #require(Self.find(s, { $0 == .slider(kernel) }))
        var end = start
        let layout = StackLayout.compute(s, environment: s.environment)
        while layout.element(at: end.column + 1, end.row, state: s) == .slider(kernel) { end.column += 1 }
        func kernelWidth(_ s: ModelProgram) -> Int? { if case let .conv2d(layer) = s.stack!.layer { layer.kernelSize.w } else { nil } }
        s = Self.press(s, start)
        #expect(kernelWidth(s) == 1 && s.stack!.draggingRow == kernel)
        // Dragged to the slider's right end, then past it and off the row: the row's maximum.
        s = Self.press(s, end, .drag)
        let top = s.stackRows[kernel].range.upperBound
        #expect(kernelWidth(s) == top)
        s = Self.press(s, (end.column + 30, end.row + 5), .drag)
        #expect(kernelWidth(s) == top)
        // Back to the start, released: later drags change nothing.
        s = Self.press(s, start, .drag)
        #expect(kernelWidth(s) == 1)
        s = Self.press(s, start, .release)
        #expect(s.stack!.draggingRow == nil)
        s = Self.press(s, end, .drag)
        #expect(kernelWidth(s) == 1)
    }

    @Test func theHelpClosesOnAClickAndTheMouseKeyTurnsItOff() {
        var s = Self.state(80, 24)
        s = update(s, .toggleHelp)
        s = Self.press(s, (10, 10))
        #expect(!s.showHelp)
        var effects = update(&s, .key(.character("m")))
        #expect(effects.contains(.mouseReporting(false)))
        let before = s.stack!.selected
        effects = update(&s, .mouse(MouseEvent(.press, column: 40, row: 4)))
        #expect(effects.isEmpty && s.stack!.selected == before, "off means off")
    }
}
