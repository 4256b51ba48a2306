import Foundation
import Testing

/// The course screen's ConvTranspose2d through the real binary, as a new user reaches it: the
/// rows set by keys, `v` to the direct form, Tab and arrows to an output cell, its sum in both forms.
@Suite("ConvTranspose2d on the screen, end to end", .serialized)
struct TransposedScreenEndToEndTests {
    /// ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) on the 1×8×4×4 ramp with
    /// all-ones weights: torch 2.13 gives 16 at out[0, 1, 1] (course_family_torch.json).
    @Test func aTransposedLayerExplainedAsADirectConvolutionWithEqualSums() {
        guard requireTmux() else { return }
        let tmux = Conv2dOptionsTests.start("--in-channels 8 --out-channels 4 --h-in 4 --w-in 4 --stride 2 --padding 1",
                                            columns: 120, rows: 40)
        #expect(tmux.waitFor("nn.Conv2d").ok)
        // Up from the first row wraps to the last: out_padding_w, out_padding_h, then layer_kind;
        // output_padding is set once the layer is a ConvTranspose2d (a Conv2d does not take it).
        tmux.send("Up", "Up", "Up", "Right")
        tmux.send("Down"); tmux.type("1"); tmux.send("Enter")
        tmux.send("Down"); tmux.type("1"); tmux.send("Enter")
        let (switched, layer) = tmux.waitFor { $0.contains("nn.ConvTranspose2d") && $0.contains("out 1×4×8×8") }
        #expect(switched, "\(layer)")
        // The repr wraps in the maps area; the formula row carries output_padding's 1.
        #expect(layer.contains("ConvTranspose2d(8, 4, kernel_size=(3, 3), stride=(2, 2)"), "\(layer)")
        #expect(layer.contains("H_out = (4−1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 8"), "\(layer)")
        tmux.send("v")
        #expect(tmux.waitFor("as a direct convolution").ok)
        tmux.send("Tab", "Down", "Right")
        let (inspected, screen) = tmux.waitFor {
            $0.contains("direct: out[0, 1, 1] = 16 = ") && $0.contains("scatter: out[0, 1, 1] = 16 = ")
                && $0.contains("both forms give the same sum")
        }
        #expect(inspected, "\(screen)")
        #expect(screen.contains("1. insert stride − 1 = (1, 1) zeros between input cells: 8×4×4 → 8×7×7"), "\(screen)")
        // output_padding 2 is not smaller than the stride: PyTorch's message, and no crash.
        tmux.send("Escape"); tmux.type("2"); tmux.send("Enter")  // out_padding_w is still selected
        let (refused, message) = tmux.waitFor { $0.contains("RuntimeError: output padding must be") && $0.contains("!2") }
        #expect(refused, "\(message)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
