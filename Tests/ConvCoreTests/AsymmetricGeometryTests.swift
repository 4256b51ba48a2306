import Testing
@testable import ConvCore

/// Every number here differs between the height and the width axis (h ≠ w, kh ≠ kw, ph ≠ pw,
/// sh ≠ sw, dh ≠ dw), so code that reads one axis where it means the other gives a wrong answer.
@Suite("Height and width kept apart")
struct AsymmetricGeometryTests {
    /// Parameters in ParameterID order (h, w, C_in, C_out, kh, kw, ph, pw, sh, sw, dh, dw).
    /// H: ⌊(10 + 2·2 − 1·(5−1) − 1)/3⌋ + 1 = ⌊9/3⌋ + 1 = 4;  W: ⌊(12 + 2·1 − 2·(3−1) − 1)/2⌋ + 1 = ⌊9/2⌋ + 1 = 5.
    static let layer = ConvParameters([10, 12, 4, 6, 5, 3, 2, 1, 3, 2, 1, 2])

    @Test func eachAxisReadsItsOwnParameters() {
        let p = Self.layer
        #expect(p.heightAxis == AxisGeometry(size: 10, kernel: 5, padding: 2, stride: 3, dilation: 1))
        #expect(p.widthAxis == AxisGeometry(size: 12, kernel: 3, padding: 1, stride: 2, dilation: 2))
        #expect(p.heightAxis.droppedByFloor == 0 && p.widthAxis.droppedByFloor == 1)
        #expect(p.inputShape == [1, 4, 10, 12])
        #expect(p.kernelShape == [6, 4, 5, 3])
        #expect(p.outputShape == [1, 6, 4, 5])
    }

    /// The course notes' counts, worked by hand for a layer whose output is 4 × 5.
    @Test func costModelWithEveryPairDifferent() {
        let cost = CostModel(Self.layer)
        #expect(cost.denseOutputs == 6 * 4 * 5)                    // K = C_out·H_out·W_out = 120
        #expect(cost.convWeightsPerKernel == 4 * 5 * 3)            // 60
        #expect(cost.convParameters == (4 * 5 * 3 + 1) * 6)        // 366
        #expect(cost.convWeights == 360)
        #expect(cost.denseParameters == (4 * 10 * 12 + 1) * 120)   // 57720
        #expect(cost.denseWeights == 4 * 10 * 12 * 120)            // 57600
        #expect(cost.convMultiplications == 4 * 5 * 3 * 6 * 4 * 5) // 7200
        #expect(cost.denseMultiplications == 57600)
        #expect(cost.parameterRatio == 160)
        #expect(cost.multiplicationRatio == 8)
        #expect(!cost.notesSimplificationHolds)
    }

    /// Conv multiplications counted tap by tap: every output cell of every output channel
    /// multiplies each tap of its receptive field (padding taps included, as the formula does).
    @Test func convMultiplicationsEqualTheTapsOfEveryOutputCell() {
        let p = Self.layer
        var taps = 0
        for y in 0..<4 { for x in 0..<5 { taps += p.receptiveField(outChannel: 0, y: y, x: x).count } }
        #expect(CostModel(p).convMultiplications == taps * p.outChannels)
    }

    /// With stride 1, no padding and no dilation the notes' H_out = H_in − F1 + 1 holds on both
    /// axes, here with 7 × 11 inputs and a 2 × 4 kernel (6 × 8 outputs).
    @Test func stride1SimplificationUsesEachAxisOwnKernel() {
        var p = ConvParameters()
        p.hIn = 7; p.wIn = 11; p.kernelSizeH = 2; p.kernelSizeW = 4
        #expect(p.outputShape == [1, 2, 6, 8])
        #expect(CostModel(p).notesSimplificationHolds)
        p.strideW = 2  // W_out = ⌊7/2⌋ + 1 = 4, not 8
        #expect(!CostModel(p).notesSimplificationHolds)
        p.strideW = 1; p.paddingH = 1  // H_out = 8, not 6
        #expect(!CostModel(p).notesSimplificationHolds)
    }

    /// PyTorch names the height first: (padded H x padded W), (kernel H x kernel W).
    @Test func pytorchMessageOrderWithDifferentAxes() {
        var p = ConvParameters()
        p.hIn = 6; p.wIn = 9; p.paddingH = 1; p.kernelSizeH = 9; p.kernelSizeW = 3
        #expect(p.validate()?.message ==
            "Calculated padded input size per channel: (8 x 9). Kernel size: (9 x 3). Kernel size can't be greater than actual input size")
        #expect(p.validate()?.culprits(in: p) == [.hIn, .kernelSizeH, .paddingH])
        #expect(p.outputShape == nil)
    }

    /// h 4, w 7, kernel 2 × 3, padding 1 × 0, stride 2 × 1, dilation 3 × 2 (output 2 × 3).
    static let tapLayer = ConvParameters([4, 7, 1, 1, 2, 3, 1, 0, 2, 1, 3, 2])

    @Test func receptiveFieldUsesEachAxisOwnStridePaddingAndDilation() {
        let p = Self.tapLayer
        #expect(p.outputShape == [1, 1, 2, 3])
        // Output (1, 2): rows 1·2 − 1 + {0, 3} = 1, 4 (4 = h is padding); columns 2·1 − 0 + {0, 2, 4} = 2, 4, 6.
        let taps = p.receptiveField(outChannel: 0, y: 1, x: 2)
        #expect(taps.map(\.y) == [1, 1, 1, 4, 4, 4])
        #expect(taps.map(\.x) == [2, 4, 6, 2, 4, 6])
        #expect(taps.map(\.inPadding) == [false, false, false, true, true, true])
        // Output (0, 0): rows −1, 2; columns 0, 2, 4.
        let corner = p.receptiveField(outChannel: 0, y: 0, x: 0)
        #expect(corner.map(\.y) == [-1, -1, -1, 2, 2, 2])
        #expect(corner.map(\.x) == [0, 2, 4, 0, 2, 4])
        #expect(corner.map(\.inPadding) == [true, true, true, false, false, false])
    }

    @Test func reverseInspectorUsesEachAxisOwnGeometry() {
        let p = Self.tapLayer
        // Row 1 is read by output row 1 only (1 + 1 − 2·1 = 0); column 4 by output columns 0 (4/2 = 2 < 3) and 2.
        #expect(p.outputsReading(y: 1, x: 4).map { [$0.y, $0.x] } == [[1, 0], [1, 2]])
        #expect(p.outputsReading(y: 3, x: 1).isEmpty, "no output window reads row 3")
    }

    @Test func unreadRowsAndColumnsComeFromTheirOwnAxis() {
        // h 9, k 2, s 4: windows on rows 0–1, 4–5; w 8, k 2, s 3: columns 0–1, 3–4, 6–7.
        var p = ConvParameters()
        p.hIn = 9; p.wIn = 8; p.kernelSizeH = 2; p.kernelSizeW = 2; p.strideH = 4; p.strideW = 3
        #expect(p.unreadInput.rows == [2, 3, 6, 7, 8])
        #expect(p.unreadInput.columns == [2, 5])
    }

    /// The ramp runs along the width, so the top of the input's colour scale is w_in, not h_in.
    @Test func inputRampAndItsScaleFollowTheWidth() {
        var p = ConvParameters()
        p.hIn = 5; p.wIn = 12; p.inChannels = 2
        let input = InputSource.rampX.makeInput(p)
        #expect(input.shape == [1, 2, 5, 12])
        #expect(input[0, 1, 4, 11] == 11 && input[0, 0, 3, 0] == 0 && input[0, 1, 0, 7] == 7)
        #expect(InputSource.rampX.scaleMax(height: p.hIn, width: p.wIn) == 12)
    }
}
