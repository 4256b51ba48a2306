import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// The frame after a change that starts a background computation waits a moment for it (a layer
/// done by then is drawn once, finished); a slower one still shows its spinner, and an event that
/// arrives meanwhile acts on a screen that shows the change.
@Suite("A frame held for a computation just started", .serialized)
struct HeldFrameTests {
    /// Random input and weights, 512² 32 → 32, 8×8: 1.7·10¹⁰ multiply-adds (a tenth of a second
    /// and more on two cores, far longer than any grace), under the engine's preview threshold.
    static func slow() -> Conv2dSettings { PreviewRunLoopTests.slow(size: 512, channels: 32, kernel: 8) }

    @Test("a slow layer still shows its spinner once the grace ends")
    func slowLayerShowsItsSpinner() {
        let screen = FakeScreen(size: TerminalSize(columns: 100, rows: 30), script: [
            .idle(until: { $0.contains("computing") }, seconds: 60),
            .event(.key(.character("q"))),
        ])
        var loop = RunLoop(screen: screen, state: AppState(parameters: Self.slow()), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        // The layer takes far longer than the grace: its frame waits a moment for it, then shows the spinner.
        #expect(screen.frames.first?.text.contains("computing") == true, "the first frame is the spinner's")
    }

    @Test("keys read while a frame is held act on a screen that shows every change before them")
    func heldFramePaintedBeforeTheNextEvent() {
        let start = RunLoopTests.heavy()
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [
            .idle(until: { !$0.contains("computing") && $0.contains("output") }, seconds: 60),
            .event(.key(.right)),  // h_in 640 → 641: a background computation
            .event(.key(.right)),  // 641 → 642, read at once, while the first frame may be held
            .idle(until: { !$0.contains("computing") && $0.contains("642") }, seconds: 60),
            .event(.key(.character("q"))),
        ])
        var loop = RunLoop(screen: screen, state: AppState(parameters: start), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        let frames = screen.frames.map(\.text)
        // One frame for each key at least: the held one is painted before the second key acts.
        #expect(frames.contains { $0.contains("641") }, "the first key's value was on screen")
        #expect(frames.last.map { $0.contains("642") && !$0.contains("computing") } == true)
        #expect(loop.state.parameters.geometry[.hIn] == 642)
    }
}
