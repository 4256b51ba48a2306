import Testing
import ConvCore
@testable import ConvScopeApp

/// Under 'same' or 'valid' the padding rows show the amounts PyTorch applies (dim, no slider), and
/// editing one makes the padding explicit from those amounts: the panel never shows an amount
/// that is not used, and a `P` line read back gives the same panel.
@Suite("Padding decided by 'same' and 'valid'")
struct DecidedPaddingTests {
    static func state(_ choice: PaddingChoice, kernel: Int) -> AppState {
        var s = AppState()
        s.parameters.paddingChoice = choice
        s.parameters.geometry.kernelSizeH = kernel
        s.parameters.geometry.kernelSizeW = kernel
        s.parameters.geometry.paddingH = 5   // left over from before 'same': never shown
        s.parameters.geometry.paddingW = 5
        return s
    }

    static func panelRow(_ s: AppState, _ name: String) -> String {
        let text = view(s, maps: try? ComputedMaps(ConvExperiment(s.parameters)), environment: RenderEnvironment(language: .en)).text
        return text.split(separator: "\n").first { $0.contains(name) }.map(String.init) ?? ""
    }

    @Test func theRowsShowTheAppliedAmounts() {
        #expect(Self.panelRow(Self.state(.same, kernel: 4), "padding_h").contains("padding_h      1+2"))
        #expect(Self.panelRow(Self.state(.same, kernel: 3), "padding_w").contains("padding_w        1"))
        #expect(Self.panelRow(Self.state(.valid, kernel: 3), "padding_h").contains("padding_h        0"))
        #expect(!Self.panelRow(Self.state(.same, kernel: 4), "padding_h").contains("5"))
    }

    @Test func editingAnAmountMakesThePaddingExplicitFromTheAppliedAmounts() {
        var s = Self.state(.same, kernel: 4)
        s.selected = .paddingH
        s = press(.right, s)
        #expect(s.parameters.paddingChoice == .explicit)
        #expect(s.parameters.geometry.paddingH == 2 && s.parameters.geometry.paddingW == 1)
        #expect(Self.panelRow(s, "padding_h").contains("padding_h        2"))
    }
}
