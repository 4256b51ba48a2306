import Foundation
import Testing

/// Values past what a 64-bit integer holds (a file of 1e19s) are drawn, never a crash that leaves
/// the terminal raw: headless and on the screen.
@Suite("Huge values", .serialized)
struct HugeValueTests {
    static let file = Binary.root + "/Tests/EndToEndTests/inputs/huge-1e19-3x3.npy"

    @Test func renderWritesThemAsPythonDoes() {
        let text = shell("'\(Binary.path)' render --format text --size 80x24 --input '\(Self.file)' --kernel-size 1 --out-channels 1")
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("1e+19"), "\(text.out)")
    }

    @Test func theScreenDrawsThemAndQuitsCleanly() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(columns: 80, rows: 24, command:
            "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 \(Binary.path) --fresh --input '\(Self.file)' --kernel-size 1 --out-channels 1")
        let (ok, screen) = tmux.waitFor { $0.contains("output 1×1×3×3") && $0.contains("1e+19") }
        #expect(ok, "\(screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
