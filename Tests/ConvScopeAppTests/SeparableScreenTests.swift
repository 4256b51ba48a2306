import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// `G` on the course screen: the depthwise layer, a pointwise 1×1 after it, and the cost panel's comparison.
@Suite("Depthwise-separable on the course screen")
struct SeparableScreenTests {
    /// Conv2d(8, 16, 3) on a 16×16 input, `G` pressed, the cost panel open.
    static func state(columns: Int, rows: Int) -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        for (id, value) in [(ParameterID.inChannels, 8), (.outChannels, 16), (.hIn, 16), (.wIn, 16), (.paddingH, 1), (.paddingW, 1)] {
            s = update(s, .set(id, value))
        }
        s = update(s, .key(.character("G")))
        return update(s, .key(.character("c")))
    }

    @Test func oneKeyMakesTheDepthwiseLayerAndAddsThePointwiseOne() throws {
        let s = Self.state(columns: 200, rows: 60)
        #expect(s.parameters.groups == 8 && s.parameters.geometry.outChannels == 8)
        #expect(s.pointwiseOutputs == 16)
        let cost = try #require(s.separableCost)
        // MobileNet's counts: 8·9 + 16·8 = 200 weights against 16·8·9 = 1152; per output position of 16×16.
        #expect(cost.separableWeights == 200 && cost.plainWeights == 1152)
        #expect(cost.separableMultiplications == 200 * 256 && cost.plainMultiplications == 1152 * 256)
        #expect(abs(cost.ratio - (1.0 / 16 + 1.0 / 9)) < 1e-12)
        let text = TransposedScreenTests.text(s)
        #expect(text.contains("Depthwise-separable against one plain Conv2d(8, 16, 3) with the same output"))
        #expect(text.contains("= 1/C_out + 1/(kH·kW) = 1/16 + 1/9 (MobileNet)"))
        #expect(text.contains("+1×1 1×16×16×16"))
        // Again: the pointwise layer goes, the depthwise one stays.
        let off = update(s, .key(.character("G")))
        #expect(off.pointwiseOutputs == nil && off.parameters.groups == 8)
        #expect(!TransposedScreenTests.text(off).contains("Depthwise-separable against"))
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                assertSnapshot(TransposedScreenTests.text(Self.state(columns: columns, rows: rows), language),
                               named: "separable-cost-\(language == .en ? "en" : "ru")-\(columns)x\(rows)")
            }
        }
    }
}
