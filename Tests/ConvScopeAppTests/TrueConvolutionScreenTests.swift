import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The course screen's true-convolution key: the kernel flipped beside PyTorch's cross-correlation.
@Suite("True convolution on the course screen")
struct TrueConvolutionScreenTests {
    /// Conv2d(1, 1, 3) on the 8×8 ramp with the sobel-x kernel, the flip key pressed.
    static func state(columns: Int, rows: Int) -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        s = update(s, .set(.inChannels, 1))
        s = update(s, .set(.outChannels, 1))
        while s.parameters.kernel != .preset(.sobelX) { s = update(s, .key(.character("K"))) }
        return update(s, .key(.character("F")))
    }

    @Test func bothOutputsAreTorchsAndDifferBySign() throws {
        let s = Self.state(columns: 200, rows: 60)
        #expect(s.trueConvolution)
        let view = try #require(TrueConvolutionScreenView(state: s, layout: s.courseLayout(drawn: nil), environment: RenderEnvironment(language: .en)).view())
        let torch = CourseFamilyFixture.shared.flip
        #expect(view.correlation.shape == torch.output_shape && view.correlation.storage == torch.correlation)
        #expect(view.convolution.storage == torch.convolution)
        let text = TransposedScreenTests.text(s)
        #expect(text.contains("PyTorch's Conv2d computes cross-correlation"))
        #expect(text.contains("PyTorch (cross-correlation), out 0") && text.contains("true convolution, out 0"))
        #expect(text.contains("8 8 8 8 8 8") && text.contains("-8 -8 -8"))
        #expect(update(s, .key(.character("F"))).trueConvolution == false)
    }

    @Test func theFlipKeyOnATransposedLayerSaysItIsAConv2ds() {
        let s = update(update(sizedState(columns: 80, rows: 24), .set(.layerKind, 1)), .key(.character("F")))
        #expect(!s.trueConvolution)
        #expect(s.message == "this is for a Conv2d: set the layer row to Conv2d")
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                assertSnapshot(TransposedScreenTests.text(Self.state(columns: columns, rows: rows), language),
                               named: "true-convolution-\(language == .en ? "en" : "ru")-\(columns)x\(rows)")
            }
        }
    }
}
