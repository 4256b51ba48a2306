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
        var loop = RunLoop(screen: screen, state: ModelProgram(model: model),
                           exporter: { _, _ in "exported stack.svg" }, observe: { log.append(($0, $1)) })
        #expect(loop.run() == 0)
        #expect(log.flatMap(\.1).filter { if case .computeStack = $0 { false } else { true } }
                    == [.mouseReporting(true), .export, .quit(0)],
                "no single-layer computation; the mouse on, as the stack screen answers it")
        #expect(screen.mouseReporting == [true])
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

/// The stack's values are computed off the input loop: shapes at once, "computing …" until the
/// maps arrive, and a newer model replaces the one being computed.
@Suite("Stack values off the input loop")
struct StackComputeRunLoopTests {
    static let computing = "computing the maps"

    @Test func mapsArriveAfterTheShapesAndFollowTheNewestModel() throws {
        let layers = try ["Conv2d(3, 16, 3, padding=1)", "ReLU()", "Conv2d(16, 16, 3, padding=1)"].map { text throws in
            try LayerParser.parse(text)
        }
        let model = Model(inputShape: [1, 3, 96, 96], layers: layers)
        #expect(!Engine.isSmall(model), "25 million multiplications go to the background")
        // Every layer's maps: neither "computing the maps" nor the selected layer's "computing the rest".
        let ready: (String) -> Bool = { !$0.contains("computing") }
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [
            .idle(until: ready, seconds: 30),
            .event(.key(.character("."))),
            .event(.key(.character("a"))),
            .event(.key(.character("x"))),
            .idle(until: ready, seconds: 30),
        ])
        var log: [(Action, [Effect])] = []
        var loop = RunLoop(screen: screen, state: ModelProgram(model: model), exporter: { _, _ in "" },
                           observe: { log.append(($0, $1)) })
        #expect(loop.run() == 0)
        let frames = screen.frames.map(\.text)
        // Whether the first frame still says "computing" depends on the machine's speed; the
        // sentence itself is checked through `update` (StackUpdateTests).
        #expect(frames.first?.contains("1×16×96×96") == true)
        let asked = log.flatMap(\.1).filter { if case .computeStack = $0 { true } else { false } }
        #expect(asked.count == 3, "at the start, for the copy, and for the model without it; never for a selection")
        #expect(loop.state.stack?.model == model)
        #expect(loop.state.stack?.run?.trace == model.trace, "the values are the newest model's")
        #expect(loop.state.stack?.outputValues?.shape == [1, 16, 96, 96])
        #expect(frames.last.map(ready) == true && frames.last?.contains("scale 0–") == true,
                "\(frames.last ?? "")")
    }

    @Test func aNewerModelCancelsTheOneBeingComputed() throws {
        let first = Model(inputShape: [1, 3, 96, 96], layers: [try LayerParser.parse("Conv2d(3, 64, 5, padding=2)"),
                                                               try LayerParser.parse("Conv2d(64, 64, 5, padding=2)")])
        var second = first
        second.inputShape = [1, 3, 64, 64]
        let engine = Engine()
        #expect(engine.request(.stack(first, selected: 0)).isEmpty && engine.isComputing, "a large model goes to the background")
        #expect(engine.request(.stack(second, selected: 0)).isEmpty)
        var arrived: (Model, StackRun)?
        var firstArrived = false
        let deadline = ContinuousClock.now + .seconds(60)
        while arrived == nil && ContinuousClock.now < deadline {
            for result in engine.take() {
                guard case .stack(let model, let values) = result else { continue }
                if model == first { firstArrived = true } else if values.isComplete { arrived = (model, values) }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(arrived?.0 == second && arrived?.1.trace == second.trace)
        #expect(!firstArrived, "the superseded model's values never reach the loop")
        #expect(!engine.isComputing)
    }

    @Test func smallModelsAreComputedAtOnce() throws {
        let model = Model(inputShape: [1, 1, 8, 8], layers: [try LayerParser.parse("Conv2d(1, 4, 3)")])
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [])
        var loop = RunLoop(screen: screen, state: ModelProgram(model: model), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        #expect(screen.frames.allSatisfy { !$0.text.contains(Self.computing) }, "no frame waits for a small model")
        #expect(loop.state.stack?.run != nil)
    }
}
