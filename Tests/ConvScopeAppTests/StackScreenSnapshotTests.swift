import Testing
import ConvCore
@testable import ConvScopeApp

/// The stack screen as text: a pasted encoder–decoder, a broken channel count, the U-Net hints,
/// the field in the input and the coverage map, at 80×24 and 200×60 (and 50×17, the smallest).
@Suite("Stack screen snapshots")
struct StackScreenSnapshotTests {
    /// The notes under the layer list as one text (they wrap beside the panel on narrow screens).
    static func notes(_ file: String, size: Int = 8, columns: Int, rows: Int, _ actions: StackAction...) -> String {
        var s = ModelProgram(model: StackUpdateTests.model(file, size: size))
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        s = actions.reduce(s) { update($0, .stack($1)) }
        return StackLayout.compute(s, environment: RenderEnvironment(language: .en)).noteLines.map(\.text).joined(separator: " ")
    }

    static func screen(_ file: String, size: Int = 8, columns: Int, rows: Int, _ actions: StackAction...) -> String {
        var s = ModelProgram(model: StackUpdateTests.model(file, size: size))
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        s = actions.reduce(s) { update($0, .stack($1)) }
        let canvas = view(s, maps: nil, environment: RenderEnvironment(language: .en))
        for y in 0..<canvas.height { #expect(canvas.line(y).count == columns, "every line is exactly the window's width") }
        return canvas.text
    }

    @Test(arguments: [(80, 24), (200, 60), (50, 17)])
    func encoderDecoderPastedFromPrintModel(columns: Int, rows: Int) {
        let text = Self.screen("encoder_decoder.txt", columns: columns, rows: rows)
        assertSnapshot(text, named: "stack-encoder-decoder-\(columns)x\(rows)")
        #expect(text.contains("1×3×8×8 → 1×16×8×8"))
        #expect(text.contains("(0) Conv2d(3, 16, k"))
        if rows >= 60 {
            for index in 0..<13 { #expect(text.contains("(\(index)) "), "layer (\(index)) listed") }
            #expect(text.contains("(12) Sigmoid()"))
        }
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func brokenChannelCountShowsPyTorchsMessageAtThatLayer(columns: Int, rows: Int) {
        let text = Self.screen("broken_channels.txt", columns: columns, rows: rows, .selectLayer(2))
        assertSnapshot(text, named: "stack-broken-channels-\(columns)x\(rows)")
        let flat = Self.notes("broken_channels.txt", columns: columns, rows: rows, .selectLayer(2))
        #expect(flat.contains("RuntimeError: Given groups=1, weight of size [8, 4, 3, 3], expected input[1, 8, 6, 6] to "
            + "have 4 channels, but got 8 channels instead"))
        #expect(text.contains("✗ broken"))
        #expect(text.contains("· not run"))
        #expect(text.contains("1×3×8×8 → 1×8×6×6 → 1×8×6×6 → ✗ Conv2d"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func unetHintsForAnUpConvolutionThatMissesItsSkip(columns: Int, rows: Int) {
        // At 9×9 the pool floors to 4, the up-convolution gives 8, and the skip is 9×9.
        let text = Self.screen("skip.txt", size: 9, columns: columns, rows: rows, .selectLayer(5))
        assertSnapshot(text, named: "stack-unet-hints-\(columns)x\(rows)")
        let flat = Self.notes("skip.txt", size: 9, columns: columns, rows: rows, .selectLayer(5))
        #expect(flat.contains("(5): output_padding=1 would give 9×9 like (1) for Cat (6)"))
        #expect(flat.contains("Sizes of tensors must match except in dimension 1. Expected size 9 but got size 8"))
    }

    /// A layer the prompt cannot read: its error wraps above the prompt and keeps its end (what is
    /// wrong and allowed), where it was cut at the screen's edge (`… kernel_size must be an`).
    @Test func aPromptErrorKeepsItsEnd() {
        var s = update(ModelProgram(model: StackUpdateTests.model("skip.txt")), .start(TerminalSize(columns: 80, rows: 24)))
        s = update(s, .key(.character("i")))
        for c in "Conv2d(16, 16, 99999999999)" { s = update(s, .key(.character(c))) }
        s = update(s, .key(.enter))
        let note = try? #require(s.stack?.note)
        let said = note.map { StackText(lang: .en, g: .unicodeSet, model: s.stack?.model).note($0) } ?? ""
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        let lastWord = said.split(separator: " ").last.map(String.init) ?? "?"
        #expect(said.count > 78 && text.contains(lastWord), "\(said)\n\(text)")
    }

    @Test func transposedLayerEditedOnThePanel() {
        var s = update(ModelProgram(model: StackUpdateTests.model("skip.txt")), .start(TerminalSize(columns: 80, rows: 24)))
        s = update(s, .stack(.selectLayer(5)))
        for _ in 0..<8 { s = update(s, .selectNext) }
        s = update(update(s, .typeDigit(1)), .commitTyping)
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        assertSnapshot(text, named: "stack-transposed-panel-80x24")
        #expect(text.contains("output_padding_h     1"))
        #expect(text.contains("Sizes of tensors must match"))
    }

    @Test func catShowsThePairThatMustMatch() {
        let text = Self.screen("skip.txt", columns: 200, rows: 60, .selectLayer(6))
        assertSnapshot(text, named: "stack-cat-pair-200x60")
        #expect(text.contains("Cat joins (1) 1×8×8×8 and (5) 1×8×8×8: 8×8 = 8×8 ✓"))
        #expect(text.contains("torch.cat([(1), (5)], dim=1): H and W must match"))
    }

    @Test func fieldInTheInputAndCoverage() {
        let field = Self.screen("skip.txt", columns: 120, rows: 40, .selectLayer(3), .toggleInspect,
                                .moveCursor(dx: 1, dy: 1), .toggleField)
        assertSnapshot(field, named: "stack-field-120x40")
        #expect(field.contains("r×r = 8×8 (padding included)"))
        let coverage = Self.screen("skip.txt", columns: 120, rows: 40, .selectLayer(2), .toggleCoverage)
        assertSnapshot(coverage, named: "stack-coverage-120x40")
        #expect(coverage.contains("coverage 8×8"))
    }

    @Test func russianScreen() {
        var s = ModelProgram(model: StackUpdateTests.model("skip.txt", size: 9))
        s = update(s, .start(TerminalSize(columns: 120, rows: 40)))
        s.environment.language = .ru
        s = update(s, .stack(.selectLayer(5)))
        let text = view(s, maps: nil, environment: s.environment).text
        assertSnapshot(text, named: "stack-unet-hints-ru-120x40")
        #expect(text.contains("стек из 10 слоёв"))
    }
}

/// `e` with `--frame maps` on the stack screen exports the selected layer's maps alone.
@Suite("Stack screen export")
struct StackExportTests {
    @Test func mapsFrameKeepsOnlyTheMaps() {
        var s = ModelProgram(model: StackUpdateTests.model("skip.txt"))
        s = update(s, .start(TerminalSize(columns: 120, rows: 40)))
        s = update(s, .stack(.selectLayer(3)))
        let text = ExportFrame.maps.canvas(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("input 1×8×4×4"))
        #expect(text.contains("output 1×16×4×4"))
        #expect(!text.contains("parameters") && !text.contains("module") && !text.contains("? help"))
    }
}
