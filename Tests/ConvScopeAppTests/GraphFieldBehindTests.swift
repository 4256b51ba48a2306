import Testing
import ConvCore
@testable import ConvScopeApp

/// The field view of a big graph: R and the cursor keys return at once and ask for the
/// effective field behind the screen; the field that arrives is the inspected cell's.
@Suite("Graph screen: large fields behind the screen")
struct GraphFieldBehindTests {
    @Test func aLargeFieldIsCountedBehindTheScreenAndAStaleOneIsDropped() {
        var s = GraphScreenTests.selecting("add ← layer1.0.bn2", in: GraphScreenTests.state("resnet18.txt", size: 224))
        // The row's values first (the big maps are computed behind the screen too).
        if let request = s.graph!.pending { update(&s, .graphComputed(request, request.run())) }
        #expect(s.graph!.pending == nil)
        let effects = update(&s, .key(.character("R")))
        guard case let .computeGraph(request)? = effects.first, let cell = request.field else {
            Issue.record("R asks for the field behind the screen"); return
        }
        #expect(s.graph!.fieldView && s.graph!.effectiveField == nil)
        #expect(view(s, maps: nil, environment: s.environment).text.contains("computing"))
        // Until it arrives the output is shown alone (not the add's two inputs).
        let bands = GraphMaps.bands(s.graph!, text: GraphScreenText(lang: .en, g: .unicodeSet))
        #expect(bands.count == 1 && bands[0].allSatisfy { $0.section == .output })
        let counts = request.runField()
        #expect(counts != nil && cell.node == "add")
        #expect(counts == GraphPaths.counts(s.graph!.trace, inputName: "x", node: "add", y: cell.y, x: cell.x, channel: cell.channel))
        // The cursor moved before the field arrived: the old cell's field is not shown, the new one is asked for.
        let moved = update(&s, .graph(.moveCursor(dx: 1, dy: 0)))
        guard case let .computeGraph(next)? = moved.first else { Issue.record("→ asks for the next cell's field"); return }
        #expect(next.field?.x == cell.x + 1)
        update(&s, .graphComputed(request, request.run(), field: counts))
        #expect(s.graph!.effectiveField == nil && s.graph!.pending == next)
        update(&s, .graphComputed(next, next.run(), field: next.runField()))
        #expect(s.graph!.pending == nil)
        #expect(s.graph!.effectiveField == GraphPaths.counts(s.graph!.trace, inputName: "x", node: "add", y: cell.y, x: cell.x + 1,
                                                              channel: cell.channel))
        // Leaving the field view drops a field still wanted.
        _ = update(&s, .graph(.moveCursor(dx: 1, dy: 0)))
        _ = update(&s, .graph(.back))
        #expect(s.graph!.pending == nil && s.graph!.effectiveField == nil)
    }
}
