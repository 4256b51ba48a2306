import Foundation
import Testing

/// A model's layer in the course screen, in a real terminal: `--model FILE`, layer (3) selected and
/// opened with o, the sobel-x preset chosen on its kernel row, the animation played and stepped,
/// Esc back to the model; a later layer's value is then PyTorch's for that weighing, not the
/// all-ones one (scripts/make_lesson_fixture.py made both with torch).
@Suite("A model's layer in the course screen, end to end", .serialized)
struct LayerLessonEndToEndTests {
    static let fixtures = Binary.root + "/Tests/ConvScopeAppTests/Fixtures"

    /// features.7's first value with the sobel-x preset at features.3, and with all ones.
    static func firstValues() throws -> (preset: Int, ones: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/lesson_vgg_like_torch.json"))
        let torch = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        func first(_ weighing: String) -> Int { Int(((torch[weighing] as! [[String: Any]])[7]["values"] as! [Double])[0]) }
        return (first("sobel-x"), first("ones"))
    }

    @Test func presetChosenInTheLessonChangesTheModelsValues() throws {
        guard requireTmux() else { return }
        let torch = try Self.firstValues()
        #expect(torch.preset != torch.ones)
        let tmux = InteractiveTests.start("--model \(Self.fixtures)/lesson_vgg_like.txt --h-in 16 --w-in 16", columns: 120, rows: 40)
        #expect(tmux.waitFor("a stack of 8 layers").ok, "the model screen opens")
        tmux.send(".", ".", ".")
        #expect(tmux.waitFor { StackScreenTests.selected($0).contains("▸(features.3) Conv2d(4, 4") }.ok, "layer (3) is selected")
        tmux.send("o")
        let opened = tmux.waitFor { $0.contains("nn.Conv2d features.3 of the model") && $0.contains("input 1×4×8×8") }
        #expect(opened.ok, "o opens the layer on its input, the MaxPool2d's output\n\(opened.screen)")
        var onKernel = false
        for _ in 0..<30 where !onKernel {
            tmux.send("Down")
            onKernel = tmux.waitFor(timeout: 5) { $0.contains("▸kernel ") }.ok
        }
        #expect(onKernel, "the kernel row is reached")
        tmux.send("Right", "Right", "Right")
        let preset = tmux.waitFor { $0.contains("kernel 4×4×3×3 · sobel-x") }
        #expect(preset.ok, "→ three times: the sobel-x preset, drawn in the kernel section\n\(preset.screen)")
        tmux.send("Space")
        #expect(tmux.waitFor("playing").ok, "space plays the sliding kernel")
        tmux.send("Space", "n")
        let stepped = tmux.waitFor { $0.contains("paused") && $0.contains("output[0, 0, ") }
        #expect(stepped.ok, "paused and stepped: the cell's sum is written out\n\(stepped.screen)")
        tmux.send("Escape")
        #expect(tmux.waitFor { !$0.contains("paused") }.ok, "Esc first stops the animation")
        tmux.send("Escape")
        let back = tmux.waitFor { $0.contains("a stack of 8 layers") && $0.contains("features.3 changed in the model: its weights") }
        #expect(back.ok, "Esc again: back on the model screen with the edits\n\(back.screen)")
        tmux.send(".", ".", ".", ".", "Tab")
        let value = tmux.waitFor { $0.contains("output[0, 0, 0, 0] of (features.7) = ") }
        #expect(value.ok, "the inspector on features.7\n\(value.screen)")
        #expect(value.screen.contains("of (features.7) = \(torch.preset) "), "PyTorch's value with the preset\n\(value.screen)")
        #expect(!value.screen.contains("= \(torch.ones) "), "not the all-ones value")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0, "q quits")
    }
}
