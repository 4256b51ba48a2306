import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// The real run loop (its Engine, effects, drawing) against a scripted screen: no tmux.
@Suite("The run loop on a fake screen")
struct RunLoopTests {
    /// Parameters whose maps are too big to compute inline: they arrive from the background.
    static func heavy() -> Conv2dSettings {
        var p = ConvParameters()
        p[.hIn] = 640; p[.wIn] = 640; p[.inChannels] = 1; p[.outChannels] = 1
        return Conv2dSettings(p)
    }

    @Test("start, three keys, a resize, a finished computation, quit: frames and effects")
    func scriptedSession() {
        var p = Self.heavy()
        let start = p
        p.geometry[.hIn] = 641
        let computed: (String) -> Bool = { !$0.contains("computing") && $0.contains("output") }
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [
            .event(.key(.right)),               // h_in 640 → 641: a new background computation
            .event(.key(.character("e"))),      // export: the exporter writes and reports back
            .event(.key(.character("z"))),      // zoom auto → whole map
            .event(.resize(TerminalSize(columns: 100, rows: 30))),
            .idle(until: computed, seconds: 30),
            .event(.key(.character("q"))),
        ])
        var log: [(Action, [Effect])] = []
        var exported: [Conv2dSettings] = []
        var loop = RunLoop(screen: screen, state: AppState(parameters: start),
                           exporter: { state, _ in exported.append(state.parameters); return "exported fake.svg" },
                           observe: { log.append(($0, $1)) })
        let status = loop.run()

        #expect(status == 0)
        let effects = log.flatMap(\.1)
        #expect(effects == [.compute(start), .mouseReporting(true), .compute(p), .export, .quit(0)])
        #expect(exported == [p], "the export saw the state after the key")
        let actions = log.map(\.0)
        #expect(actions.first == .start(TerminalSize(columns: 80, rows: 24)))
        #expect(actions.contains(.report("exported fake.svg")))
        #expect(actions.contains { $0.finishedLayer == p }, "the finished maps arrived as an action")
        // The first maps may be done before the key is read (a scheduler's choice, more often on a
        // busy machine); what the user must never see is them arriving after it.
        let key = actions.firstIndex(of: .key(.right)) ?? actions.endIndex
        #expect(!actions[key...].contains { $0.finishedLayer == start }, "maps of the parameters before the key never arrive after it")
        #expect(loop.state.parameters == p && loop.state.zoomOverride == .whole)
        #expect(loop.state.terminalSize == TerminalSize(columns: 100, rows: 30))

        let frames = screen.frames
        #expect(frames.first?.size == TerminalSize(columns: 80, rows: 24))
        if actions.dropFirst().first?.finishedLayer == start {
            #expect(frames.first.map { !$0.text.contains("computing") } == true, "maps done before the first frame are in it")
        } else {
            #expect(frames.first?.text.contains("computing") == true, "the first frame waits for the maps")
        }
        #expect(frames.contains { $0.text.contains("exported fake.svg") }, "the report reached the status line")
        let wide = frames.drop { $0.size.columns == 80 }
        #expect(!wide.isEmpty && wide.allSatisfy { $0.size == TerminalSize(columns: 100, rows: 30) })
        #expect(frames.last.map { computed($0.text) && $0.text.contains("641") } == true)
    }

    @Test("in a window under 50×17 a key changes nothing a user cannot see; q still quits")
    func keysInATooSmallWindow() {
        let screen = FakeScreen(size: TerminalSize(columns: 49, rows: 17), script: [
            .event(.key(.right)), .event(.key(.character("3"))), .event(.key(.down)), .event(.key(.character("q"))),
            // Were q taken as typing, Ctrl-C still ends the session (the test fails, it does not hang).
            .event(.key(.control("c"))),
        ])
        var loop = RunLoop(screen: screen, state: AppState(), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        #expect(loop.state.parameters == AppState().parameters && loop.state.selected == AppState().selected)
        #expect(screen.frames.last?.text.contains("50") == true, "the window says the size it needs")
    }

    @Test("Ctrl-Z suspends through an effect and resumes at the new size; a signal quits with 128 + n")
    func suspendAndSignal() {
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: [.event(.key(.control("z")))])
        var signalled = false
        var log: [(Action, [Effect])] = []
        var loop = RunLoop(screen: screen, state: AppState(), exporter: { _, _ in "" },
                           pendingSignal: { defer { signalled = true }; return signalled ? 15 : nil },
                           observe: { log.append(($0, $1)) })
        // The signal arrives on the loop's second turn, after the suspend.
        #expect(loop.run() == 128 + 15)
        #expect(screen.suspensions == 1)
        #expect(log.map(\.1).flatMap { $0 }.contains(.suspend))
        #expect(log.map(\.0).contains(.resumed(TerminalSize(columns: 80, rows: 24))))
        #expect(log.last.map { $0.0 == .signal(15) && $0.1 == [.quit(143)] } == true)
    }
}
