import ConvCore
import Testing
@testable import ConvScopeApp

/// `w` is written in both command lines of the `P` panel as `--weights`, so they reproduce it.
@Suite("--weights in the P panel's command lines")
struct WeightsCommandLineTests {
    @Test func bothLinesCarryTheKernelSection() {
        var state = AppState()
        #expect(!CodePanelText.commandPieces(state).contains { $0.hasPrefix("--weights") })
        for (shown, word) in [(true, "show"), (false, "hide")] {
            state.kernelSection = shown
            #expect(CodePanelText.commandPieces(state).contains("--weights \(word)"))
            #expect(CodePanelText.renderPieces(state).contains("--weights \(word)"))
            #expect(WeightsChoice(rawValue: word)?.kernelSection == shown)
        }
    }
}
