import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// The mouse in an exercise: on the revealed layer's maps page it works as on the course screen
/// (inspect a cell, select a row), the layer stays locked, and elsewhere the terminal keeps the
/// mouse for selecting text.
@Suite("The mouse in an exercise")
struct ExerciseMouseTests {
    /// The first screen position whose element satisfies `match`, on the course screen's layout.
    static func find(_ s: ExerciseState, _ match: (ScreenElement) -> Bool) -> (column: Int, row: Int)? {
        let maps = try? ComputedMaps(ConvExperiment(s.teaching.parameters))
        let layout = Layout.compute(s.teaching, environment: s.teaching.environment, widths: maps?.widths)
        for row in 1..<s.teaching.terminalSize.rows {
            for column in 0..<s.teaching.terminalSize.columns {
                if let e = layout.element(at: column, row), match(e) { return (column, row) }
            }
        }
        return nil
    }

    static func click(_ s: inout ExerciseState, _ at: (column: Int, row: Int)) -> [Effect] {
        s.apply(.mouse(MouseEvent(.press, column: at.column, row: at.row)))
    }

    @Test func onTheRevealedMapsOnly() throws {
        var s = try ExerciseStateTests.session(size: TerminalSize(columns: 120, rows: 40))
        // Working page: the terminal keeps the mouse, a click does nothing.
        #expect(!s.wantsMouse)
        #expect(Self.click(&s, (60, 10)).isEmpty)
        ExerciseStateTests.press(&s, "", .enter)
        let effects = ExerciseStateTests.press(&s, "1x2x6x6", .enter, .character("m"))
        #expect(s.page == .maps && s.current.revealed)
        #expect(effects.contains(.mouseReporting(true)), "the revealed maps page turns the mouse on")
        // An output cell: the inspector there.
        let cell = try #require(Self.find(s, { if case .mapCell(let a) = $0 { a.section == .output && a.x == 2 && a.y == 1 } else { false } }))
        _ = Self.click(&s, cell)
        #expect(s.teaching.focus == .output && s.teaching.outputCursor == CellCursor(channel: 0, y: 1, x: 2))
        // A slider would change the locked layer: refused, said so.
        let before = s.teaching.parameters
        let slider = try #require(Self.find(s, { $0 == .slider(.kernelSizeW) }))
        _ = Self.click(&s, slider)
        #expect(s.teaching.parameters == before && s.notice == ExerciseText.locked(.en))
        // Back to the working page: the mouse goes back to the terminal.
        #expect(ExerciseStateTests.press(&s, "m").contains(.mouseReporting(false)))
        #expect(s.page == .working && !s.wantsMouse)
    }

    @Test func beforeTheRevealTheMapsTakeNoClicks() throws {
        var s = try ExerciseStateTests.session(colorDepth: .palette256, size: TerminalSize(columns: 120, rows: 40))
        for _ in 0..<7 { ExerciseStateTests.press(&s, "", .escape, .character(">")) }
        let effects = ExerciseStateTests.press(&s, "", .escape, .character("m"))
        #expect(s.page == .maps && !s.current.revealed)
        #expect(!effects.contains(.mouseReporting(true)))
        let cell = try #require(Self.find(s, { if case .mapCell(let a) = $0 { a.section == .output } else { false } }))
        #expect(Self.click(&s, cell).isEmpty)
        #expect(s.teaching.focus == .parameters, "the inspector would tell the asked value")
    }
}
