import Foundation
import Testing

/// The kernel section through the real binary: sobel-x on the checkerboard shows its signed
/// weights between the input and the output's edges; `w` hides and shows it; `render` draws it.
@Suite("Kernel section end to end", .serialized)
struct KernelSectionEndToEndTests {
    @Test func sobelOnTheCheckerboardShowsItsWeightsAndTheEdges() throws {
        guard requireTmux() else { return }
        let tmux = Conv2dOptionsTests.start("--kernel sobel-x --input checker", columns: 200, rows: 60)
        // The whole frame: tmux can be read while a frame is still arriving (under load, between
        // its header and its last rows), so the wait is for the output's edges, painted last.
        let (ok, screen) = tmux.waitFor {
            $0.contains("kernel 2×3×3×3 · sobel-x · no bias") && $0.contains("1←1") && $0.contains("-2   -2    2    2")
        }
        #expect(ok, "\(screen)")
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("kernel 2×3×3×3") })
        try #require(lines.count > header + 3, "\(screen)")
        #expect(lines[header].contains("scale −2…2"), "the weights' scale is centred on 0\n\(screen)")
        #expect(lines[header + 1].contains("0←0") && lines[header + 1].contains("1←2"))
        // The x-derivative: −1 0 1, −2 0 2, −1 0 1 on the diagonal pairs.
        #expect(lines[header + 3].contains("-2  0   2"), "\(screen)")
        #expect(screen.contains("output 1×2×6×6") && screen.contains("-2   -2    2    2"), "the edges, both signs\n\(screen)")
        tmux.send("w")
        let (hidden, after) = tmux.waitFor { $0.contains("kernel section hidden") }
        #expect(hidden && !after.contains("1←1"), "\(after)")
        tmux.send("w")
        #expect(tmux.waitFor("kernel section shown").ok)
        tmux.send("q")
        let text = shell("'\(Binary.path)' render --format text --size 200x60 --kernel sobel-x --input checker")
        #expect(text.status == 0 && text.out.contains("1←1") && text.out.contains("-2  0   2"))
    }
}

/// `--weights show|hide|auto` does for `render` and the screen what `w` does: the all-ones kernel
/// (no section by itself) shows its weights, sobel-x (a section by itself) hides them.
@Suite("--weights forces the kernel section")
struct WeightsFlagTests {
    @Test func showHideAndAMistake() {
        let shown = shell("'\(Binary.path)' render --format text --size 200x60 --weights show")
        #expect(shown.status == 0 && shown.out.contains("0←0"), "\(shown.out)")
        let auto = shell("'\(Binary.path)' render --format text --size 200x60")
        #expect(auto.status == 0 && !auto.out.contains("0←0"))
        let hidden = shell("'\(Binary.path)' render --format text --size 200x60 --kernel sobel-x --weights hide")
        #expect(hidden.status == 0 && !hidden.out.contains("1←1"))
        let wrong = shell("'\(Binary.path)' render --weights maybe")
        #expect(wrong.status == 64 && wrong.err.split(separator: "\n").count == 1 && wrong.err.contains("show, hide"), "\(wrong.err)")
    }
}
