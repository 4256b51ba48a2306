import Testing
import ConvCore
@testable import ConvScopeApp

/// The cost, formula and code panels' text, checked against numbers worked out by hand.
@Suite("Panel text")
struct PanelTextTests {
    static let u = Glyphs.unicodeSet

    static func params(_ change: (inout ConvParameters) -> Void) -> ConvParameters {
        var p = ConvParameters()
        change(&p)
        return p
    }

    /// Stride 2 and padding 1 on both axes: H_out = ⌊(8 + 2 − 2 − 1)/2⌋ + 1 = 4, not the course notes' 6.
    static let strided = params { $0.strideH = 2; $0.strideW = 2; $0.paddingH = 1; $0.paddingW = 1 }
    /// A kernel taller than the input: PyTorch refuses.
    static let refused = params { $0.kernelSizeH = 9 }
    static let asymmetric = ConvParameters([10, 12, 4, 6, 5, 3, 2, 1, 3, 2, 1, 2])

    static func texts(_ lines: [PanelLine]) -> [String] { lines.map(\.text) }

    // MARK: cost panel

    @Test func costAtDefaults() {
        let lines = CostPanelText.lines(ConvParameters(), denseOutputs: nil, glyphs: Self.u, width: 120, language: .en)
        let t = Self.texts(lines)
        #expect(lines[0] == PanelLine(
            text: "the course notes' comparison: conv vs fully connected (K = 72 outputs, default = C_out·H_out·W_out = 2·6·6)",
            style: Style(bold: true)))
        #expect(t.contains("  conv    (C_in·F1·F2 + 1)·C_out = (3·3·3 + 1)·2 = 56"))
        #expect(t.contains("  dense   (C_in·H_in·W_in + 1)·K = (3·8·8 + 1)·72 = 13896"))
        #expect(t.contains("  conv    C_in·F1·F2·C_out·H_out·W_out = 3·3·3·2·6·6 = 1944"))
        #expect(t.contains("  dense   C_in·H_in·W_in·K = 3·8·8·72 = 13824"))
        #expect(t.contains("Comp_param = H_in·W_in·K / (F1·F2·C_out) = 8·8·72 / (3·3·2) = 256"))
        #expect(t.contains("Comp_mult = Comp_param / (H_out·W_out) = 256 / (6·6) = 7.11"))
        // Each ratio once more in plain words, right under its formula.
        let param = t.firstIndex { $0.hasPrefix("Comp_param") }!, mult = t.firstIndex { $0.hasPrefix("Comp_mult") }!
        #expect(t[param + 1] == "  a dense layer needs 256× the weights of the conv layer")
        #expect(t[mult + 1] == "  and 7.11× its multiplications")
        #expect(t.contains("the course notes' stride-1 shortcut H_out = H_in − F1 + 1, W_out = W_in − F2 + 1 holds"))
        #expect(!lines.contains { $0.style == Style(foreground: Palette.error) })
        #expect(lines.last == PanelLine(text: "( ) halve / double K · type digits to set K", style: Style(foreground: Palette.muted)))
    }

    @Test func costWithStrideAndPadding() {
        let lines = CostPanelText.lines(Self.strided, denseOutputs: nil, glyphs: Self.u, width: 120, language: .en)
        let t = Self.texts(lines)
        #expect(t[0] == "the course notes' comparison: conv vs fully connected (K = 32 outputs, default = C_out·H_out·W_out = 2·4·4)")
        #expect(t.contains("  conv    (C_in·F1·F2 + 1)·C_out = (3·3·3 + 1)·2 = 56"))
        #expect(t.contains("  dense   (C_in·H_in·W_in + 1)·K = (3·8·8 + 1)·32 = 6176"))
        #expect(t.contains("  conv    C_in·F1·F2·C_out·H_out·W_out = 3·3·3·2·4·4 = 864"))
        #expect(t.contains("  dense   C_in·H_in·W_in·K = 3·8·8·32 = 6144"))
        // 6144 / 54 = 113.777…, 6144 / 864 = 7.111…
        #expect(t.contains("Comp_param = H_in·W_in·K / (F1·F2·C_out) = 8·8·32 / (3·3·2) = 113.78"))
        #expect(t.contains("Comp_mult = Comp_param / (H_out·W_out) = 113.78 / (4·4) = 7.11"))
        let warning = Style(foreground: Palette.error)
        #expect(lines.contains(PanelLine(
            text: "the course notes' stride-1 shortcut H_out = H_in − F1 + 1, W_out = W_in − F2 + 1 does not hold:",
            style: warning)))
        #expect(lines.contains(PanelLine(text: "  stride_h = 2, padding_h = 1 give H_out = 4, not 6", style: warning)))
        #expect(lines.contains(PanelLine(text: "  stride_w = 2, padding_w = 1 give W_out = 4, not 6", style: warning)))
    }

    @Test func costWithExplicitK() {
        let t = Self.texts(CostPanelText.lines(ConvParameters(), denseOutputs: 10, glyphs: Self.u, width: 120, language: .en))
        #expect(t[0] == "the course notes' comparison: conv vs fully connected (K = 10 outputs, set by ( ) or typed)")
        #expect(t.contains("  dense   (C_in·H_in·W_in + 1)·K = (3·8·8 + 1)·10 = 1930"))
        #expect(t.contains("  conv    C_in·F1·F2·C_out·H_out·W_out = 3·3·3·2·6·6 = 1944"))
        #expect(t.contains("  dense   C_in·H_in·W_in·K = 3·8·8·10 = 1920"))
        // 1920 / 54 = 35.555…, 1920 / 1944 = 0.987…
        #expect(t.contains("Comp_param = H_in·W_in·K / (F1·F2·C_out) = 8·8·10 / (3·3·2) = 35.56"))
        #expect(t.contains("Comp_mult = Comp_param / (H_out·W_out) = 35.56 / (6·6) = 0.99"))
    }

    @Test func costWhenPyTorchRefuses() {
        for k in [nil, 10] as [Int?] {
            let lines = CostPanelText.lines(Self.refused, denseOutputs: k, glyphs: Self.u, width: 120, language: .en)
            let t = Self.texts(lines)
            #expect(t.contains("  conv    (C_in·F1·F2 + 1)·C_out = (3·9·3 + 1)·2 = 164"))
            #expect(!t.contains { $0.contains("H_out·W_out =") || $0.hasPrefix("Comp_mult") })
            #expect(lines.contains { $0.style.foreground == Palette.error && $0.text.hasPrefix("PyTorch refuses") })
            #expect(t.contains("Comp_param = H_in·W_in·K / (F1·F2·C_out) = 8·8·10 / (9·3·2) = 11.85") == (k != nil))
            #expect(t.contains { $0.contains("= 1930") } == (k != nil))
        }
    }

    @Test func simplificationHoldingByCoincidence() {
        // Padding 1 and dilation 2 cancel: 8 + 2 − 2·2 − 1 + 1 = 6 = 8 − 3 + 1.
        let p = Self.params { $0.paddingH = 1; $0.dilationH = 2 }
        let t = Self.texts(CostPanelText.lines(p, denseOutputs: nil, glyphs: Self.u, width: 200, language: .en))
        #expect(t.contains { $0.hasSuffix("holds here even with padding_h = 1, dilation_h = 2") })
    }

    @Test func ratioFormatting() {
        #expect(NumberText.ratio(256, .en) == "256")
        #expect(NumberText.ratio(64.0 / 9, .en) == "7.11")
        #expect(NumberText.ratio(0.5, .en) == "0.50")
        #expect(NumberText.ratio(1.999, .en) == "2.00")
        #expect(NumberText.ratio(123_456_789, .en) == "123456789")
    }

    // MARK: formula panel

    @Test func formulaWithoutRemainder() {
        // h 8, k 2, s 3: 6 / 3 = 2 r 0, H_out 3; the windows cover rows 0–1, 3–4, 6–7.
        let p = Self.params { $0.kernelSizeH = 2; $0.strideH = 3 }
        let t = Self.texts(FormulaPanelText.lines(p, glyphs: Self.u, width: 120, language: .en))
        #expect(t.contains("  padded size = size + 2·p = 8 + 2·0 = 8"))
        #expect(t.contains("  effective kernel = d·(k − 1) + 1 = 1·(2 − 1) + 1 = 2"))
        #expect(t.contains("  numerator = padded − effective = size + 2·p − d·(k − 1) − 1 = 8 − 2 = 6"))
        #expect(t.contains("  6 / 3 = 2 remainder 0: the floor drops 0"))
        #expect(t.contains("  H_out = ⌊6/3⌋ + 1 = 2 + 1 = 3"))
        #expect(t.contains("  2 rows never read: 2, 5"))
        #expect(t.contains("  every column is read"))
    }

    @Test func formulaWithRemainder() {
        // h 8, k 3, s 2, p 0: 5 / 2 = 2 r 1, H_out 3; windows 0–2, 2–4, 4–6 leave row 7.
        // w 8, k 3, s 3: 5 / 3 = 1 r 2, W_out 2; windows 0–2, 3–5 leave columns 6 and 7.
        let p = Self.params { $0.strideH = 2; $0.strideW = 3 }
        let lines = FormulaPanelText.lines(p, glyphs: Self.u, width: 120, language: .en)
        let t = Self.texts(lines)
        #expect(lines.first == PanelLine(text: "H axis: size 8, k 3, p 0, s 2, d 1", style: Style(bold: true)))
        #expect(t.contains("  5 / 2 = 2 remainder 1: the floor drops 1"))
        #expect(t.contains("  H_out = ⌊5/2⌋ + 1 = 2 + 1 = 3"))
        #expect(t.contains("  1 row never read: 7"))
        #expect(t.contains("  5 / 3 = 1 remainder 2: the floor drops 2"))
        #expect(t.contains("  W_out = ⌊5/3⌋ + 1 = 1 + 1 = 2"))
        #expect(t.contains("  2 columns never read: 6, 7"))
        let ascii = Self.texts(FormulaPanelText.lines(p, glyphs: .asciiSet, width: 120, language: .en))
        #expect(ascii.contains("  H_out = floor(5/2) + 1 = 2 + 1 = 3"))
    }

    @Test func formulaListsAtMostEightUnreadPositions() {
        // w 20, k 1, s 2 reads the even columns only.
        let p = Self.params { $0.wIn = 20; $0.kernelSizeW = 1; $0.strideW = 2 }
        let t = Self.texts(FormulaPanelText.lines(p, glyphs: Self.u, width: 120, language: .en))
        #expect(t.contains("  10 columns never read: 1, 3, 5, 7, 9, 11, 13, 15, …"))
    }

    @Test func formulaWhenTheKernelDoesNotFit() {
        let lines = FormulaPanelText.lines(Self.refused, glyphs: Self.u, width: 120, language: .en)
        #expect(lines.contains(PanelLine(text: "  padded 8 < effective kernel 9: PyTorch refuses",
                                         style: Style(foreground: Palette.error))))
        #expect(!lines.contains { $0.text.contains("H_out") || $0.text.contains("rows never") })
        #expect(lines.contains { $0.text == "  W_out = ⌊5/1⌋ + 1 = 5 + 1 = 6" })
    }

    // MARK: code panel

    @Test func pytorchLines() {
        #expect(CodePanelText.pytorchPieces(Conv2dSettings()).joined(separator: " ")
            == "nn.Conv2d(3, 2, kernel_size=(3, 3), stride=(1, 1), padding=(0, 0), dilation=(1, 1), bias=False)")
        #expect(CodePanelText.pytorchPieces(Conv2dSettings(Self.asymmetric)).joined(separator: " ")
            == "nn.Conv2d(4, 6, kernel_size=(5, 3), stride=(3, 2), padding=(2, 1), dilation=(1, 2), bias=False)")
    }

    @Test(arguments: [
        // Without a parameter flag the saved session would come back: the defaults need --fresh.
        (ConvParameters(), "convscope --fresh"),
        (params { $0.kernelSizeH = 5; $0.kernelSizeW = 5 }, "convscope --kernel-size 5"),
        (params { $0.kernelSizeH = 5 }, "convscope --kernel-size-h 5"),
        (params { $0.kernelSizeW = 5 }, "convscope --kernel-size-w 5"),
        (params { $0.kernelSizeH = 5; $0.kernelSizeW = 2 }, "convscope --kernel-size 5x2"),
        (strided, "convscope --padding 1 --stride 2"),
        (params { $0.hIn = 16; $0.wIn = 16; $0.inChannels = 1; $0.outChannels = 4 },
         "convscope --h-in 16 --w-in 16 --in-channels 1 --out-channels 4"),
        (asymmetric, "convscope --h-in 10 --w-in 12 --in-channels 4 --out-channels 6 --kernel-size-h 5 "
            + "--padding 2x1 --stride 3x2 --dilation-w 2"),
    ])
    func commandLines(_ p: ConvParameters, _ expected: String) {
        #expect(CodePanelText.commandPieces(AppState(parameters: p)).joined(separator: " ") == expected)
    }

    @Test func codeLinesWrapBetweenArguments() {
        let lines = CodePanelText.lines(AppState(parameters: Self.asymmetric), glyphs: Self.u, width: 40, language: .en)
        let t = Self.texts(lines)
        #expect(lines[0] == PanelLine(text: "PyTorch", style: Style(bold: true)))
        let split = t.firstIndex(of: "command line")!
        #expect(lines[split].style == Style(bold: true))
        let picture = t.firstIndex(of: "this screen as a picture")!
        // The layer's statement: "conv = " and its wrapped arguments, continued inside the parentheses.
        let conv = t.firstIndex { $0.hasPrefix("conv = ") }!
        let python = t[conv...].prefix { $0 == t[conv] || $0.hasPrefix("    ") }, shell = t[(split + 1)..<picture]
        #expect(python.count > 1 && shell.count > 1)
        #expect(python.map { $0.trimmingPrefix("    ") }.joined(separator: " ")
                == "conv = " + CodePanelText.pytorchPieces(Conv2dSettings(Self.asymmetric)).joined(separator: " "))
        // Every line but the last continues with a backslash, so the wrapped command still pastes.
        #expect(shell.dropLast().allSatisfy { $0.hasSuffix(" \\") })
        let rejoined = shell.map { $0.trimmingPrefix("    ") }.map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : String($0) }
        #expect(rejoined.joined(separator: " ") == CodePanelText.commandPieces(AppState(parameters: Self.asymmetric)).joined(separator: " "))
    }

    // MARK: every panel

    static let extremes: [ConvParameters] = [
        ConvParameters(), strided, refused, asymmetric,
        ConvParameters(ParameterID.geometry.map { $0.range.upperBound }),
        ConvParameters(ParameterID.geometry.map { $0.range.lowerBound }),
        // Large but not 1024: unreadInput is quadratic in the size, and this runs 81 widths × 2 glyph sets.
        params { $0.hIn = 64; $0.wIn = 1024; $0.inChannels = 64; $0.outChannels = 64; $0.kernelSizeH = 1; $0.strideW = 32 },
        params { $0.hIn = 3; $0.wIn = 100; $0.kernelSizeW = 1; $0.dilationH = 7; $0.paddingW = 32 },
    ]

    static func allLines(_ p: ConvParameters, _ g: Glyphs, _ width: Int) -> [PanelLine] {
        CostPanelText.lines(p, denseOutputs: nil, glyphs: g, width: width, language: .en)
            + CostPanelText.lines(p, denseOutputs: 1_048_576, glyphs: g, width: width, language: .en)
            + FormulaPanelText.lines(p, glyphs: g, width: width, language: .en)
            + CodePanelText.lines(AppState(parameters: p), glyphs: g, width: width, language: .en)
    }

    @Test func noLineIsWiderThanThePanel() {
        for p in Self.extremes {
            for width in 40...120 {
                for g in [Glyphs.unicodeSet, .asciiSet] {
                    for line in Self.allLines(p, g, width) where line.text.count > width || line.text.isEmpty {
                        Issue.record("width \(width), \(p.values): '\(line.text)'")
                    }
                }
            }
        }
    }

    @Test func asciiModeIsPureASCII() {
        for p in Self.extremes {
            for width in [40, 90, 120] {
                for line in Self.allLines(p, .asciiSet, width) where !line.text.unicodeScalars.allSatisfy(\.isASCII) {
                    Issue.record("'\(line.text)'")
                }
            }
        }
    }
}

/// Counted words agree with their numbers, and no panel says "seed".
@Suite("Plain words")
struct PlainWordsTests {
    @Test func kOfOneIsOneOutput() {
        let t = CostPanelText.lines(ConvParameters(), denseOutputs: 1, glyphs: .unicodeSet, width: 120, language: .en).map(\.text)
        #expect(t[0].contains("K = 1 output,"))
    }

    @Test func oneCellPerSecond() {
        var s = AppState()
        s.speedIndex = 0
        s = update(s, .togglePlay)
        #expect(HintsView.animationHints(s, environment: RenderEnvironment(language: .en))[0] == " ▶ playing 1 cell/s")
        #expect(HintsView.animationHints(s, environment: RenderEnvironment(language: .en)).contains("space pause"))
        #expect(HintsView.animationHints(s, environment: RenderEnvironment(language: .en)).contains("{ } speed"))
    }

    @Test func oneOutputChannel() {
        var p = ConvParameters()
        p.outChannels = 1
        var s = AppState(parameters: p)
        s = update(s, .inspect(.input, CellCursor(channel: 0, y: 0, x: 0)))
        let text = InspectorText.inputLines(s, environment: RenderEnvironment(language: .en), width: 200).joined(separator: " ")
        #expect(text == "input[0, 0, 0] feeds 1 output cell in 1 channel: (0, 0)")
    }

    @Test func noPanelSaysSeed() {
        for p in PanelTextTests.extremes {
            let text = PanelTextTests.allLines(p, .unicodeSet, 100).map(\.text).joined(separator: "\n")
            #expect(!text.lowercased().contains("seed"))
        }
        let help = KeyMap.helpRows(.unicodeSet, .en).map { $0.keys + " " + $0.help }.joined(separator: "\n")
        #expect(!help.lowercased().contains("seed"))
    }
}

/// The cost panel's "does not hold" lines agree in number: one parameter gives, two give.
@Suite("Cost panel grammar")
struct CostPanelGrammarTests {
    @Test func oneReasonGivesTwoReasonsGive() {
        var p = ConvParameters()
        p.kernelSizeH = 5; p.kernelSizeW = 5; p.paddingH = 2; p.paddingW = 1; p.strideW = 2
        let text = CostPanelText.lines(p, denseOutputs: nil, glyphs: .unicodeSet, width: 200, language: .en).map(\.text).joined(separator: "\n")
        #expect(text.contains("padding_h = 2 gives H_out = 8, not 4"), "\(text)")
        #expect(text.contains("stride_w = 2, padding_w = 1 give W_out = 3, not 4"), "\(text)")
    }
}
