import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Testing

/// An idle screen waits for input with no timeout: the loop does not turn while nothing happens.
@Suite("An idle screen sleeps")
struct IdleLoopTests {
    @Test("after a background computation, a quiet second is one wait of the loop, with no timeout")
    func idleScreenWaitsOnce() {
        // A layer computed in the background: its threads have come and gone before the quiet part.
        let computed: (String) -> Bool = { !$0.contains("computing") && $0.contains("output") }
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [
            .idle(until: computed, seconds: 60),
            .quiet(seconds: 1),
            .event(.key(.character("q"))),
        ])
        var loop = RunLoop(screen: screen, state: AppState(parameters: RunLoopTests.heavy()), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        #expect(screen.frames.last.map { computed($0.text) } == true, "the maps arrived before the quiet part")
        #expect(screen.quietTimeouts == [-1], "one turn of the loop, waiting with no timeout, until the next key")
    }

    @Test("while the animation plays the loop turns for its ticks: the count above can fail")
    func playingScreenTurns() {
        var state = AppState()
        state.playing = true
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [.quiet(seconds: 1), .event(.key(.character("q")))])
        var loop = RunLoop(screen: screen, state: state, exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        #expect(screen.quietTimeouts.count > 1 && !screen.quietTimeouts.contains(-1), "ticks wake the loop on a timeout")
    }
}
