import Testing
@testable import ConvCore

@Suite("Conv vs fully connected (the course notes' formulas)")
struct CostModelTests {
    @Test func notebookDefaults() {
        // C_in=3, H=W=8, F=3x3, C_out=2, H_out=W_out=6, K = 2·6·6 = 72.
        let cost = CostModel(ConvParameters())
        #expect(cost.denseOutputs == 72)
        #expect(cost.convParameters == (3 * 3 * 3 + 1) * 2)            // 56
        #expect(cost.denseParameters == (3 * 8 * 8 + 1) * 72)          // 13896
        #expect(cost.convMultiplications == 3 * 3 * 3 * 2 * 6 * 6)     // 1944
        #expect(cost.denseMultiplications == 3 * 8 * 8 * 72)           // 13824
        #expect(cost.parameterRatio == Double(8 * 8 * 72) / Double(3 * 3 * 2))   // 256
        #expect(cost.multiplicationRatio == cost.parameterRatio / 36)  // 7.111…
        #expect(cost.notesSimplificationHolds)
    }

    @Test func explicitKAndStride() {
        var p = ConvParameters()
        p.hIn = 32; p.wIn = 16; p.inChannels = 4; p.outChannels = 8
        p.kernelSizeH = 5; p.kernelSizeW = 3; p.strideH = 2
        let cost = CostModel(p, denseOutputs: 10)
        #expect(p.outputShape == [1, 8, 14, 14])
        #expect(cost.convParameters == (4 * 5 * 3 + 1) * 8)
        #expect(cost.denseParameters == (4 * 32 * 16 + 1) * 10)
        #expect(cost.convMultiplications == 4 * 5 * 3 * 8 * 14 * 14)
        #expect(cost.denseMultiplications == 4 * 32 * 16 * 10)
        #expect(abs(cost.parameterRatio - Double(32 * 16 * 10) / Double(5 * 3 * 8)) < 1e-12)
        #expect(abs(cost.multiplicationRatio - cost.parameterRatio / Double(14 * 14)) < 1e-12)
        #expect(!cost.notesSimplificationHolds)
    }

    @Test func paddingBreaksTheSimplification() {
        var p = ConvParameters()
        p.paddingH = 1
        #expect(!CostModel(p).notesSimplificationHolds)
    }
}
