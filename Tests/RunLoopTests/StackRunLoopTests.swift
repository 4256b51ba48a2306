import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// The real run loop on the stack screen: keys select, add and remove layers, a resize, an
/// export, quit — with no single-layer computation asked for on the way.
@Suite("The run loop on the stack screen")
struct StackRunLoopTests {
    @Test func scriptedStackSession() throws {
        let layers = try ["Conv2d(3, 8, 3, padding=1)", "ReLU()", "MaxPool2d(2)"].map { text throws in
            try LayerParser.parse(text)
        }
        let model = Model(inputShape: [1, 3, 8, 8], layers: layers)
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [
            .event(.key(.character("."))),
            .event(.key(.character("a"))),
            .event(.key(.character("x"))),
            .event(.key(.character("e"))),
            .event(.resize(TerminalSize(columns: 120, rows: 40))),
            .event(.key(.character("q"))),
        ])
        var log: [(Action, [Effect])] = []
        var loop = RunLoop(screen: screen, state: AppState(model: model),
                           exporter: { _, _ in "exported stack.svg" }, observe: { log.append(($0, $1)) })
        #expect(loop.run() == 0)
        #expect(log.flatMap(\.1) == [.export, .quit(0)], "the stack screen computes its own values")
        #expect(loop.state.stack?.model == model, "a copy added and removed again")
        #expect(loop.state.stack?.selected == 2, "the layer after the removed copy takes its place")
        let frames = screen.frames.map(\.text)
        #expect(frames.first?.contains("▸ (0) Conv2d(3, 8, k=3, p=1)") == true)
        #expect(frames.contains { $0.contains("a stack of 4 layers") && $0.contains("added layer (2)") })
        #expect(frames.contains { $0.contains("exported stack.svg") })
        #expect(screen.frames.last?.size == TerminalSize(columns: 120, rows: 40))
        #expect(frames.last?.contains("a stack of 3 layers") == true)
    }
}
