import Testing
import ConvCore
@testable import ConvScopeApp

/// The cost panel with groups and bias: the counts PyTorch 2.13 gives for the same layer.
@Suite("Cost panel: groups and bias")
struct CostPanelGroupsTests {
    /// (C_in, C_out, kH, kW, groups, bias, sum(p.numel() for p in conv.parameters())) from
    /// `torch.nn.Conv2d(C_in, C_out, (kH, kW), groups=g, bias=b)` in PyTorch 2.13, on 8×8.
    static let pytorch: [(Int, Int, Int, Int, Int, Bool, Int)] = [
        (3, 2, 3, 3, 1, false, 54), (3, 2, 3, 3, 1, true, 56), (4, 4, 3, 5, 2, false, 120),
        (4, 8, 3, 3, 4, true, 80), (6, 3, 2, 2, 3, true, 27), (8, 8, 5, 5, 8, false, 200), (1, 1, 3, 3, 1, false, 9),
    ]

    static func settings(_ c: (Int, Int, Int, Int, Int, Bool, Int)) -> Conv2dSettings {
        var s = Conv2dSettings()
        s.geometry.inChannels = c.0; s.geometry.outChannels = c.1
        s.geometry.kernelSizeH = c.2; s.geometry.kernelSizeW = c.3
        s.groups = c.4; s.bias = c.5 ? 0.5 : nil
        return s
    }

    @Test(arguments: pytorch.indices)
    func parametersAsPyTorchCountsThem(_ i: Int) throws {
        let c = Self.pytorch[i]
        let s = Self.settings(c)
        let cost = CostModel(s.applied, groups: s.groups, hasBias: s.bias != nil)
        #expect(cost.layerParameters == c.6)
        // Every weight of the layer is one multiplication per output cell: the grouped kernel sees C_in/g channels.
        let out = try #require(s.outputShape)
        #expect(cost.convMultiplications == s.makeWeights().storage.count * out[2] * out[3])
        let text = CostPanelText.lines(s.applied, denseOutputs: nil, glyphs: .unicodeSet, width: 200, language: .en, groups: s.groups,
                                       hasBias: s.bias != nil).map(\.text).joined(separator: "\n")
        #expect(text.contains("= \(c.6)\n"), "PyTorch's count on the panel")
        #expect(text.contains("= \(cost.convMultiplications)"))
        #expect(text.contains("C_in/g") == (c.4 > 1))
    }

    @Test func groupedRowsWrittenOut() {
        let s = Self.settings((4, 8, 3, 3, 4, true, 80))
        let t = CostPanelText.lines(s.applied, denseOutputs: nil, glyphs: .unicodeSet, width: 200, language: .en, groups: 4, hasBias: true)
            .map(\.text)
        #expect(t.contains("  PyTorch C_out·C_in/g·F1·F2 + C_out = 8·4/4·3·3 + 8 = 80"))
        #expect(t.contains("  conv    (C_in/g·F1·F2 + 1)·C_out = (4/4·3·3 + 1)·8 = 80"))
        #expect(t.contains { $0.hasPrefix("Comp_param = g·H_in·W_in·K / (F1·F2·C_out) = 4·8·8·288") })
    }
}
