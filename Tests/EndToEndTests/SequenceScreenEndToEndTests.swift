import Foundation
import Testing

/// The course screen's Conv1d through the real binary, as a new user reaches it: the layer row
/// switched to Conv1d by keys, the causal key, Tab and End to the last output, its taps and sum.
@Suite("Conv1d on the screen, end to end", .serialized)
struct SequenceScreenEndToEndTests {
    /// Conv1d(1, 1, 2, dilation=2) on the ramp 0…15, causal: F.pad(x, (2, 0)) then the layer, so
    /// out[15] = x[13] + x[15] = 28 and it reads nothing after 15.
    @Test func aCausalConv1dInspectedNeverReadsTheFuture() {
        guard requireTmux() else { return }
        let tmux = Conv2dOptionsTests.start("--in-channels 1 --out-channels 1 --w-in 16 --kernel-size-w 2 --dilation-w 2",
                                            columns: 120, rows: 40)
        #expect(tmux.waitFor("nn.Conv2d").ok)
        // Up from the first row wraps to the last: out_padding_w, out_padding_h, then the layer row.
        tmux.send("Up", "Up", "Up", "Right", "Right")
        let (switched, layer) = tmux.waitFor { $0.contains("nn.Conv1d") && $0.contains("out 1×1×14") }
        #expect(switched, "\(layer)")
        #expect(layer.contains("Conv1d(1, 1, kernel_size=(2,), stride=(1,), dilation=(2,), bias=False)"), "\(layer)")
        #expect(!layer.contains("kernel_size_h"), "\(layer)")
        tmux.send("T")
        #expect(tmux.waitFor("F.pad(x, (2, 0))").ok)
        tmux.send("Tab", "End")
        let (inspected, screen) = tmux.waitFor {
            $0.contains("out[0, 15] = 1·13 + 1·15 = 28") && $0.contains("it never reads the future")
        }
        #expect(inspected, "\(screen)")
        #expect(screen.contains("out 1×1×16"), "\(screen)")
        tmux.send("T")
        let (stacked, figure) = tmux.waitFor { $0.contains("WaveNet stack: 3 causal Conv1d, kernel 2, dilations 2, 4, 8") }
        #expect(stacked, "\(figure)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
