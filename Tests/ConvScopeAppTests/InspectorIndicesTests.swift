import Testing
import ConvCore
@testable import ConvScopeApp

/// With the inspector on at 80×24, the output keeps its row and column indices (the notebook's
/// ticks, by which "output[0, 2, 3]" is looked up): the inspector's sentence takes one line.
@Suite struct InspectorIndicesTests {
    @Test(arguments: [Language.en, .ru])
    func outputIndicesStayWhileInspecting(_ language: Language) {
        let text = render(columns: 80, rows: 24, environment: RenderEnvironment(language: language)) {
            $0.focus = .output
            $0.outputCursor = CellCursor(channel: 0, y: 2, x: 3)
        }.text
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines.firstIndex { $0.contains("1×2×6×6") } ?? 0
        #expect(lines[header...].contains { $0.contains("   0   1   2   3   4   5") }, "column indices\n\(text)")
        #expect(lines[header...].contains { $0.contains(" 5  27  54  81 108 135 162") }, "row indices\n\(text)")
        #expect(lines.contains { $0.contains("output[0, 2, 3] = ") && String($0.reversed().drop { $0 == " " }.reversed()).hasSuffix("= 108") },
                "one line, value kept\n\(text)")
    }

    /// Where the screen has room, the sentence keeps its two lines.
    @Test func aTallScreenKeepsTwoInspectorLines() {
        let layout = Layout.compute(sizedState(columns: 120, rows: 40).inspecting, environment: RenderEnvironment(language: .en))
        #expect(layout.inspectorLines == 2 && layout.output?.axisLabels == true)
    }
}

private extension AppState {
    var inspecting: AppState { var s = self; s.focus = .output; return s }
}
