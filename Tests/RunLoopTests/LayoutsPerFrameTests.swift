import ConvCore
@testable import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// One layout per drawn frame: a key changes the state, the frame lays it out once, and the
/// pages and offsets it clamps are adopted when the next event arrives — `update`, the region in
/// view and the frame do not each lay the screen out again.
@Suite("One layout per frame")
struct LayoutsPerFrameTests {
    /// Runs `state` in the real run loop through `script`; returns the layouts counted and the
    /// frames drawn from start-up on (what start-up and the events cost), and the state at the end.
    static func count<Program: LoopProgram>(_ state: Program, _ script: [FakeScreen.Step],
                                            size: TerminalSize = TerminalSize(columns: 80, rows: 24))
        -> (layouts: Int, frames: Int, state: Program, screen: FakeScreen) {
        let screen = FakeScreen(size: size, script: script)
        let counter = LayoutCount()
        var loop = RunLoop(screen: screen, state: state, exporter: { _, _ in "" })
        let status = LayoutCount.$current.withValue(counter) { loop.run() }
        #expect(status == 0)
        return (counter.value, screen.frames.count, loop.state, screen)
    }

    @Test("course screen: parameter keys, a row change, a resize — one layout per frame")
    func courseScreen() {
        let keys: [FakeScreen.Step] = [
            .event(.key(.right)), .event(.key(.right)), .event(.key(.down)), .event(.key(.left)),
            .event(.resize(TerminalSize(columns: 120, rows: 40))), .event(.key(.right)),
        ]
        let run = Self.count(AppState(parameters: Conv2dSettings()), keys)
        #expect(run.frames >= keys.count, "every key drew a frame")
        #expect(run.layouts == run.frames, "\(run.layouts) layouts for \(run.frames) frames")
    }

    @Test("course screen: paging and scrolling past the end step from the frame drawn")
    func coursePagingAndScrolling() {
        var p = ConvParameters()
        p[.inChannels] = 1; p[.outChannels] = 24; p[.hIn] = 40; p[.wIn] = 40
        let steps: [FakeScreen.Step] = [Action.nextPage, .nextPage, .nextPage, .nextPage, .previousPage,
                                        .scroll(dx: 5, dy: 5), .scroll(dx: -1, dy: 0)].map { .event($0) }
        let run = Self.count(AppState(parameters: Conv2dSettings(p)), steps)
        #expect(run.layouts == run.frames, "\(run.layouts) layouts for \(run.frames) frames")
        // The same actions without frames (each clamped by its own layout) end where the loop did.
        var plain = AppState(parameters: Conv2dSettings(p))
        plain.terminalSize = TerminalSize(columns: 80, rows: 24)
        for step in steps { if case .event(let action) = step { plain = update(plain, action) } }
        #expect(run.state.pages == plain.pages && run.state.scrollX == plain.scrollX && run.state.scrollY == plain.scrollY)
    }

    @Test("model screen: moving, adding and removing layers, a resize — one layout per frame")
    func modelScreen() throws {
        let layers = try ["Conv2d(3, 8, 3, padding=1)", "ReLU()", "MaxPool2d(2)"].map { text throws in
            try LayerParser.parse(text)
        }
        let keys: [FakeScreen.Step] = [
            .event(.key(.character("."))), .event(.key(.character("a"))), .event(.key(.character("x"))),
            .event(.resize(TerminalSize(columns: 120, rows: 40))), .event(.key(.character("."))),
        ]
        let run = Self.count(ModelProgram(model: Model(inputShape: [1, 3, 8, 8], layers: layers)), keys)
        #expect(run.frames >= keys.count, "every key drew a frame")
        #expect(run.layouts == run.frames, "\(run.layouts) layouts for \(run.frames) frames")
    }
}
