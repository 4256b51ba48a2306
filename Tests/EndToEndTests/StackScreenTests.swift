import Foundation
import Testing

/// The stack screen in a real terminal: `convscope --model FILE` opens on the layer list; keys
/// select layers, add one typed as in PyTorch and remove one; bad layers are one line and 64.
@Suite("Stack screen end to end", .serialized)
struct StackScreenTests {
    static let models = Binary.root + "/Tests/ConvCoreTests/Fixtures/models"

    /// The list line of the selected layer (the one with the pointer), with single spaces.
    static func selected(_ screen: String) -> String {
        let line = screen.split(separator: "\n").first { $0.contains("│ ▸") || $0.hasPrefix("▸") } ?? ""
        return line.split(separator: " ").joined(separator: " ")
    }

    @Test func modelFileLayersSelectedAddedByTypingAndRemoved() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--model \(Self.models)/skip.txt", columns: 100, rows: 30)
        #expect(tmux.waitFor("a stack of 10 layers").ok, "the stack screen opens on the model")
        #expect(tmux.waitFor { Self.selected($0).contains("▸ (0) Conv2d(1, 8, k") }.ok, "layer (0) is selected")
        tmux.send(".", ".")
        #expect(tmux.waitFor { Self.selected($0).contains("▸ (2) MaxPool2d") }.ok, ". selects the next layer")
        tmux.send(",")
        #expect(tmux.waitFor { Self.selected($0).contains("▸ (1) ReLU()") }.ok, ", selects the previous one")
        tmux.send("i")
        #expect(tmux.waitFor("Enter add").ok, "i opens the layer prompt")
        tmux.type("Conv2d(8, 8, 3, padding=1)")
        #expect(tmux.waitFor("layer: Conv2d(8, 8, 3, padding=1)_").ok)
        tmux.send("Enter")
        // The print's labels stay: the new layer is named after the one it follows, as torch.fx names a second call.
        let added = tmux.waitFor { $0.contains("a stack of 11 layers") && Self.selected($0).contains("▸(1_1) Conv2d(8, 8, k=3, p=1)")
            && $0.contains("(2) MaxPool2d") }
        #expect(added.ok, "the typed layer is inserted after (1) and selected\n\(added.screen)")
        tmux.send("i")
        tmux.type("Linear(8, 8)")
        tmux.send("Enter")
        #expect(tmux.waitFor("not a layer: Linear is not supported").ok, "a module convscope does not draw is refused")
        tmux.send("Escape")
        tmux.send("x")
        let removed = tmux.waitFor { $0.contains("a stack of 10 layers") && $0.contains("removed layer (1_1)") }
        #expect(removed.ok, "x removes the selected layer\n\(removed.screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// padding_mode is a row of a stack's Conv2d like every other: → changes it, the module's
    /// repr follows, and a reflect padding as large as the map is PyTorch's message at that layer.
    @Test func paddingModeEditedOnAStackConv2d() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--model \(Self.models)/skip.txt", columns: 160, rows: 45)
        #expect(tmux.waitFor("a stack of 10 layers").ok)
        tmux.send(".", ".", ".")
        #expect(tmux.waitFor { Self.selected($0).contains("▸ (3) Conv2d(8, 16, kernel_size=(3, 3)") }.ok)
        for _ in 0..<10 { tmux.send("Down") }
        #expect(tmux.waitFor { $0.contains("▸padding_mode  zeros") }.ok, "the padding_mode row is selected")
        tmux.send("Right")
        let reflect = tmux.waitFor {
            $0.contains("▸padding_mode  reflect") && Self.selected($0).contains("padding=(1, 1), padding_mode=reflect)")
        }
        #expect(reflect.ok, "→ sets reflect; the layer list writes PyTorch's repr\n\(reflect.screen)")
        for _ in 0..<6 { tmux.send("Up") }
        tmux.send("4", "Enter")
        let broken = tmux.waitFor("Argument #6: Padding size should be less than the corresponding input dimension")
        #expect(broken.ok, "reflect padding 4 on a 4×4 map: PyTorch's message at (3)\n\(broken.screen)")
        #expect(broken.screen.contains("✗ (3) Conv2d: RuntimeError:") && broken.screen.contains("· not run"))
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func brokenChannelCountShowsPyTorchsMessage() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--model \(Self.models)/broken_channels.txt", columns: 120, rows: 40)
        let screen = tmux.waitFor("to have 4 channels, but got 8 channels instead")
        #expect(screen.ok, "PyTorch's message at the layer that breaks\n\(screen.screen)")
        #expect(screen.screen.contains("✗ (2) Conv2d: RuntimeError: Given groups=1, weight of size [8, 4, 3, 3]"))
        #expect(screen.screen.contains("· not run"))
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func badLayersAreOneLineAndExit64() {
        let bad = shell("\(Binary.path) --layer 'Conv2d(3, 8' </dev/null")
        #expect(bad.status == 64)
        #expect(bad.err.split(separator: "\n").count == 1)
        #expect(bad.err.hasPrefix("convscope: --layer (0): "))
        let refused = shell("\(Binary.path) --layer 'Conv2d(4, 6, 3, groups=4)' </dev/null")
        #expect(refused.status == 64)
        #expect(refused.err == "convscope: layer (0): Conv2d(4, 6, 3, groups=4): ValueError: out_channels must be divisible by groups\n")
        let single = shell("\(Binary.path) --layer 'Conv2d(3, 8, 3)' --kernel-size 5 </dev/null")
        #expect(single.status == 64)
        #expect(single.err.hasPrefix("convscope: --kernel-size sets the single layer's parameters"))
        let stdin = shell("\(Binary.path) --model - </dev/null")
        #expect(stdin.status == 64)
        // Standard input holds the model (a torch.fx print opens with keys from the terminal): an empty one has no layers.
        #expect(stdin.err.hasPrefix("convscope: --model '-': the model has no layers"))
        let sequential = shell("\(Binary.path) --model - < \(Self.models)/skip.txt")
        #expect(sequential.status == 64)
        #expect(sequential.err.hasPrefix("convscope: --model - opens a torch.fx print on the screen; print(model) of an nn.Sequential needs a file"))
        let table = shell("\(Binary.path) --layer 'Conv2d(3, 8, 3)' --layers </dev/null")
        #expect(table.status == 64)
        #expect(table.err.contains("use convscope render --layers"))
    }

    @Test func coverageFlagOpensOnTheCoverageMapAndTheInputFlagsSetTheInput() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--layer 'Conv2d(1, 1, 2, stride=3)' --h-in 7 --w-in 7 --coverage",
                                          columns: 100, rows: 30)
        let screen = tmux.waitFor("coverage 7×7")
        #expect(screen.ok, "--coverage opens the coverage map\n\(screen.screen)")
        #expect(screen.screen.contains("1×1×7×7 → 1×1×2×2"), "--h-in and --w-in set the input, the channels from the layer")
        tmux.send("v")
        #expect(tmux.waitFor("output 1×1×2×2").ok, "v goes back to the output maps")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
