import Testing
import ConvCore
@testable import ConvScopeApp

/// The graph screen's frame carries its layout, and a click is hit-tested against the frame on
/// screen, not a layout made again for the event.
@Suite("The graph screen's frame is the one the mouse reads")
struct GraphFrameTests {
    @Test func aClickActsOnTheListAsItWasDrawn() {
        let s = GraphScreenTests.state("resnet18.txt", columns: 120, rows: 40)
        let env = RenderEnvironment(colorDepth: .none, language: .en)
        guard case .graph(let drawn) = s.frame(maps: nil, environment: env, spinner: 0).layout else {
            Issue.record("the graph screen's frame has no layout"); return
        }
        #expect(drawn == GraphLayout.compute(s, environment: env))
        // The same list drawn scrolled (from a later row): a click on its first line picks the
        // row shown there, not the row a fresh layout of this state would put there.
        let later = update(s, .graph(.selectRow(30)))
        guard case .graph(let scrolled) = later.frame(maps: nil, environment: env, spinner: 0).layout else { return }
        #expect(scrolled.firstListed > 0 && drawn.firstListed == 0)
        var clicked = s
        update(&clicked, .mouse(MouseEvent(.press, column: drawn.list.x + 1, row: drawn.list.y, drawn: .graph(scrolled))))
        #expect(clicked.graph!.selectedRow == scrolled.firstListed)
        var fresh = s
        update(&fresh, .mouse(MouseEvent(.press, column: drawn.list.x + 1, row: drawn.list.y)))
        #expect(fresh.graph!.selectedRow == 0)
    }
}
