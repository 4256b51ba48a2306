import Testing
import ConvCore
@testable import ConvScopeApp

/// The panels and the screen for a layer whose two axes differ in every parameter, so a
/// height used for a width (or the reverse) shows as a wrong number. Only numbers are checked,
/// not the sentences around them.
@Suite("Height and width kept apart on screen")
struct AsymmetricPanelTests {
    /// (h, w, C_in, C_out, kh, kw, ph, pw, sh, sw, dh, dw): output 4 × 5, K = 6·4·5 = 120.
    static let layer = ConvParameters([10, 12, 4, 6, 5, 3, 2, 1, 3, 2, 1, 2])
    static let u = Glyphs.unicodeSet

    static func costText(_ p: ConvParameters, denseOutputs: Int? = nil) -> String {
        CostPanelText.lines(p, denseOutputs: denseOutputs, glyphs: u, width: 200, language: .en).map(\.text).joined(separator: "\n")
    }

    @Test func costPanelNumbersFollowEachAxis() {
        let t = Self.costText(Self.layer)
        // K = C_out·H_out·W_out; conv parameters (C_in·F1·F2 + 1)·C_out; dense (C_in·H_in·W_in + 1)·K.
        for numbers in ["6·4·5", "120", "4·5·3", "366", "4·10·12", "57720",
                        // multiplications C_in·F1·F2·C_out·H_out·W_out and C_in·H_in·W_in·K
                        "4·5·3·6·4·5", "7200", "4·10·12·120", "57600",
                        // Comp_param = H_in·W_in·K / (F1·F2·C_out) = 160; Comp_mult = 160 / (H_out·W_out) = 8
                        "10·12·120", "(5·3·6)", "= 160", "160 / (4·5)", "= 8"] {
            #expect(t.contains(numbers), "cost panel lacks \(numbers):\n\(t)")
        }
        for swapped in ["6·5·4", "4·3·5", "4·12·10", "12·10·120", "(3·5·6)", "(5·4)"] {
            #expect(!t.contains(swapped), "cost panel has the axes swapped (\(swapped)):\n\(t)")
        }
    }

    @Test func costPanelWithKSetByHand() {
        let t = Self.costText(Self.layer, denseOutputs: 7)
        // dense parameters (4·10·12 + 1)·7 = 3367; Comp_param = 10·12·7 / (5·3·6) = 9.33; Comp_mult = 9.33 / 20 = 0.47.
        for numbers in ["4·10·12", "3367", "4·10·12·7", "3360", "10·12·7", "9.33", "(4·5)", "0.47"] {
            #expect(t.contains(numbers), "cost panel lacks \(numbers):\n\(t)")
        }
    }

    /// The H lines carry the height's numbers and the W lines the width's.
    @Test func formulaPanelNumbersFollowEachAxis() {
        let lines = FormulaPanelText.lines(Self.layer, glyphs: Self.u, width: 200, language: .en).map(\.text)
        guard let split = lines.firstIndex(where: { $0.hasPrefix("W axis") }) else {
            Issue.record("no W axis heading: \(lines)")
            return
        }
        let h = lines[..<split].joined(separator: "\n"), w = lines[split...].joined(separator: "\n")
        for numbers in ["size 10, k 5, p 2, s 3, d 1", "10 + 2·2", "= 14", "1·(5 − 1) + 1", "= 5", "14 − 5", "= 9",
                        "9 / 3 = 3 remainder 0", "⌊9/3⌋ + 1 = 3 + 1 = 4", "every row is read"] {
            #expect(h.contains(numbers), "H part lacks \(numbers):\n\(h)")
        }
        // W: padded 12 + 2 = 14, effective 2·2 + 1 = 5, 9 / 2 = 4 r 1; windows read padded columns
        // 0, 2, …, 12, i.e. input columns 1, 3, …, 11, so the even ones are never read.
        for numbers in ["size 12, k 3, p 1, s 2, d 2", "12 + 2·1", "= 14", "2·(3 − 1) + 1", "= 5", "14 − 5", "= 9",
                        "9 / 2 = 4 remainder 1", "the floor drops 1", "⌊9/2⌋ + 1 = 4 + 1 = 5",
                        "6 columns never read: 0, 2, 4, 6, 8, 10"] {
            #expect(w.contains(numbers), "W part lacks \(numbers):\n\(w)")
        }
    }

    @Test func codePanelPairsAreHeightThenWidth() {
        let t = CodePanelText.lines(AppState(parameters: Self.layer), glyphs: Self.u, width: 200, language: .en).map(\.text).joined(separator: " ")
        for pair in ["kernel_size=(5, 3)", "stride=(3, 2)", "padding=(2, 1)", "dilation=(1, 2)",
                     "--h-in 10", "--w-in 12", "--kernel-size-h 5", "--padding 2x1", "--stride 3x2", "--dilation-w 2"] {
            #expect(t.contains(pair), "code panel lacks \(pair): \(t)")
        }
    }

    /// The input maps' colour scale runs to w_in, the ramp's length (5 rows of 0…11 here).
    @Test func inputColourScaleIsTheWidth() {
        var p = ConvParameters()
        p.hIn = 5; p.wIn = 12
        let maps = try! ComputedMaps(ConvExperiment(p))
        #expect(maps.inputScale == MapScale(minimum: 0, maximum: 12))
        let screen = render(p, columns: 120, rows: 40).text
        #expect(screen.contains("input 1×3×5×12"))
        #expect(screen.contains("scale 0–12"), "input scale 0–w_in:\n\(screen)")
        #expect(!screen.contains("scale 0–5"), "not 0–h_in:\n\(screen)")
    }

    /// The input's colours: value x sits at matplotlib's index for x / w_in on rocket.
    @Test func inputColoursUseTheWidthScale() {
        var p = ConvParameters()
        p.hIn = 3; p.wIn = 10
        let canvas = render(p, columns: 120, rows: 40)
        let rocket = Colormap.named(.rocket)
        let nines = (0..<canvas.height).flatMap { y in
            (0..<canvas.width).filter { canvas[$0, y].character == "9" && canvas[$0, y].style.background != nil }
                .map { canvas[$0, y].style.background }
        }
        // 9 / 10 · 256 = 230.4 → entry 230 (with h_in as the scale, 9 / 3 would clamp to 255).
        #expect(nines.contains(rocket.color(at: 230)), "no input cell 9 painted with rocket[230]")
        #expect(!nines.contains(rocket.color(at: 255)))
    }

    /// The summary and the section titles name the shapes height first.
    @Test func shapesOnScreenAreHeightThenWidth() {
        let screen = render(Self.layer, columns: 200, rows: 60).text
        #expect(screen.contains("input 1×4×10×12"))
        #expect(screen.contains("kernel 6×4×5×3"))
        #expect(screen.contains("output 1×6×4×5"))
        #expect(screen.contains("out 1×6×4×5"))
    }
}
