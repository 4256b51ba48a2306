import Testing
import ConvCore
@testable import ConvScopeApp

/// The single-layer screen's formula and cost panels on the stack screen, for the selected
/// layer: its own output-size formula (Conv2d's, ConvTranspose2d's, pooling's with ceil_mode),
/// its parameters and multiplications, and the whole model's totals.
@Suite("Stack panels")
struct StackPanelOverlayTests {
    static func text(_ lines: [PanelLine]) -> String { lines.map(\.text).joined(separator: "\n") }

    static func formula(_ s: ModelProgram, width: Int = 76) -> String {
        text(StackPanelText.formula(s.stack!, glyphs: .unicodeSet, width: width, language: .en))
    }

    @Test func eachKindHasItsOwnOutputSizeFormula() {
        let conv = Self.formula(StackPanelEditTests.state(selecting: 0))
        #expect(conv.contains("H_out = ⌊7/1⌋ + 1 = 7 + 1 = 8"), "\(conv)")
        let transposed = Self.formula(StackPanelEditTests.state(selecting: 5))
        #expect(transposed.contains("= (4 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 8"), "\(transposed)")
        let pool = Self.formula(StackPanelEditTests.state(selecting: 2))
        #expect(pool.contains("H_out = ⌊(H_in + 2·p − d·(k − 1) − 1)/s⌋ + 1"))
        #expect(pool.contains("= ⌊6/2⌋ + 1 = 4"))
        // ceil_mode on 5: ⌈5/2⌉ + 1 = 4, but the last window would start in the padding: 3, as PyTorch.
        let ceil = ModelProgram(model: Model(inputShape: [1, 1, 5, 5], layers: [try! LayerParser.parse("MaxPool2d(2, 2, 1, ceil_mode=True)")]))
        #expect(ceil.stack!.trace.layers[0].outputShape == [1, 1, 3, 3])
        let ceilText = Self.formula(ceil, width: 200)
        #expect(ceilText.contains("= ⌈5/2⌉ + 1 = 4"))
        #expect(ceilText.contains("ceil_mode: the last window would start in the right padding, so PyTorch drops it: H_out = 3"))
        #expect(Self.formula(StackPanelEditTests.state(selecting: 1)) == "this layer keeps the shape: output = input")
    }

    @Test func theCostPanelCountsTheLayerAndTheWholeModel() {
        let s = StackPanelEditTests.state(selecting: 3)
        let cost = Self.text(StackPanelText.cost(s.stack!, glyphs: .unicodeSet, width: 76, language: .en))
        #expect(cost.contains("parameters = weight 16·8·3·3 = 1,152 + bias 16 = 1,168"), "\(cost)")
        #expect(cost.contains("multiplications = 256 output cells · 72 = 18,432"))
        // torchinfo's total for skip.txt: 80 + 1,168 + 520 + 1,160 + 9.
        #expect(cost.contains("total: 2,937 parameters, 105,472 multiplications"))
        let russian = Self.text(StackPanelText.cost(s.stack!, glyphs: .unicodeSet, width: 76, language: .ru))
        #expect(russian.contains("параметры = веса 16·8·3·3 = 1\u{00A0}152 + смещение 16 = 1\u{00A0}168") && russian.contains("вся модель"))
    }

    /// p draws the selected Conv2d's padding ring around its input with the padding mode's values.
    @Test func thePaddedViewShowsTheRingOfTheSelectedConv2d() {
        let model = Model(inputShape: [1, 1, 5, 5], layers: [try! LayerParser.parse("Conv2d(1, 2, 3, padding=2, padding_mode='reflect')")])
        var s = update(ModelProgram(model: model), .start(TerminalSize(columns: 120, rows: 40)))
        #expect(!view(s, maps: nil, environment: RenderEnvironment(language: .en)).text.contains("2   1   0   1   2   3   4   3   2"))
        s = update(s, .key(.character("p")))
        #expect(s.paddedView)
        let layout = StackLayout.compute(s, environment: s.environment)
        #expect(layout.top?.padTop == 2 && layout.top?.tensorRows == 5)
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains(" 2   1   0   1   2   3   4   3   2"), "the ramp 0…4 mirrored two cells out\n\(text)")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func panelsOpenOverTheMapsAndEscClosesThem(columns: Int, rows: Int) {
        var s = StackUpdateTests.state("skip.txt", columns: columns, rows: rows)
        s = update(update(s, .stack(.chooseLayer(5))), .key(.character("f")))
        #expect(s.panel == .formula)
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        assertSnapshot(text, named: "stack-formula-transposed-\(columns)x\(rows)")
        #expect(text.contains("(5) output size"))
        s = update(s, .key(.character("c")))
        #expect(s.panel == .cost)
        #expect(view(s, maps: nil, environment: RenderEnvironment(language: .en)).text.contains("(5) cost"))
        s = update(s, .key(.escape))
        #expect(s.panel == nil, "Esc closes the panel first")
        #expect(KeyMap.stackHelpRows(.unicodeSet, .en).contains { $0.keys == "f" }, "the help lists the panels")
    }
}
