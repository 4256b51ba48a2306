import Foundation
import Testing

/// A ConvTranspose2d inside a model through the real binary: the model screen, the layer
/// selected, the view key to its direct form, the inspector on an output cell, both sums equal.
@Suite("ConvTranspose2d in a model, end to end", .serialized)
struct TransposedModelEndToEndTests {
    /// Conv2d(1, 8, 3, padding=1) → ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)
    /// on the 1×1×6×6 ramp with all-ones weights: torch 2.13 gives 144 at out[0, 3, 2]
    /// (transposed_node_torch.json).
    @Test func theSelectedConvTranspose2dExplainedOnItsInputWithEqualSums() {
        guard requireTmux() else { return }
        let layers = "--layer 'Conv2d(1, 8, 3, padding=1)' --layer 'ConvTranspose2d(8,4,3,stride=2,padding=1,output_padding=1)'"
        let tmux = InteractiveTests.start("\(layers) --in-channels 1 --h-in 6 --w-in 6", columns: 120, rows: 40)
        #expect(tmux.waitFor { $0.contains("a stack of 2 layers") && $0.contains("1×4×12×12") }.ok, "the model screen opens")
        tmux.send(".")
        #expect(tmux.waitFor("(1) ConvTranspose2d ─").ok, "the ConvTranspose2d is selected")
        tmux.send("v")
        let (direct, shown) = tmux.waitFor { $0.contains("as a direct convolution") && $0.contains("flipped kernel") }
        #expect(direct, "\(shown)")
        tmux.send("Tab", "Down", "Down", "Down", "Right", "Right")
        let (inspected, screen) = tmux.waitFor {
            $0.contains("direct: out[0, 3, 2] = 144 = ") && $0.contains("scatter: out[0, 3, 2] = 144 = ")
                && $0.contains("both forms give the same sum")
        }
        #expect(inspected, "\(screen)")
        tmux.send("Tab", "v")
        #expect(tmux.waitFor { $0.contains("as a scatter") && $0.contains("stamps per output cell") }.ok)
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
