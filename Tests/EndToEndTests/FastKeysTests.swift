import Foundation
import Testing

/// Keys typed faster than the escape delay arrive in one burst. ESC followed by anything but
/// `[` or `O` is a key of its own, so nothing after an Esc is swallowed as a "sequence".
@Suite("Fast keys in tmux", .serialized)
struct FastKeysTests {
    @Test func escEscQInOneBurstQuits() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("c")
        #expect(tmux.waitFor("conv vs dense").ok)
        tmux.send("Escape", "Escape", "q")
        #expect(tmux.exitStatus() == 0, "Esc closes the panel, Esc has nothing to close, q quits:\n\(tmux.capture())")
        let (before, after) = tmux.sttyBeforeAndAfter
        #expect(before == after)
    }

    @Test func escThenAnArrowInOneBurstIsBothKeys() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("Escape", "Down", "Down", "Right")
        let (ok, screen) = tmux.waitFor { $0.contains("▸in_channels") && $0.contains("input 1×4×8×8") }
        #expect(ok, "Esc, then ↓ ↓ → select in_channels and raise it to 4:\n\(screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
