import Testing
@testable import ConvCore

@Suite("Output size, validation, receptive field")
struct GeometryTests {
    @Test func notebookDefaults() {
        let p = ConvParameters()
        #expect(p.values == [8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1])
        #expect(p.inputShape == [1, 3, 8, 8])
        #expect(p.kernelShape == [2, 3, 3, 3])
        #expect(p.outputShape == [1, 2, 6, 6])
    }

    // H_out = ⌊(H + 2p − d(k−1) − 1)/s⌋ + 1, worked by hand.
    @Test(arguments: [
        (AxisGeometry(size: 8, kernel: 3, padding: 0, stride: 1, dilation: 1), 8, 3, 5, 6, 0),
        (AxisGeometry(size: 8, kernel: 3, padding: 1, stride: 2, dilation: 1), 10, 3, 7, 4, 1),
        (AxisGeometry(size: 32, kernel: 5, padding: 2, stride: 3, dilation: 2), 36, 9, 27, 10, 0),
        (AxisGeometry(size: 7, kernel: 2, padding: 0, stride: 4, dilation: 3), 7, 4, 3, 1, 3),
        (AxisGeometry(size: 1, kernel: 1, padding: 0, stride: 32, dilation: 1), 1, 1, 0, 1, 0),
    ])
    func formula(_ a: AxisGeometry, padded: Int, effective: Int, numerator: Int, out: Int, dropped: Int) {
        #expect(a.paddedSize == padded)
        #expect(a.effectiveKernel == effective)
        #expect(a.numerator == numerator)
        #expect(a.outputSize == out)
        #expect(a.droppedByFloor == dropped)
    }

    @Test func unreadColumns() {
        // 8 wide, kernel 2, stride 3: windows start at 0, 3; columns 2, 5, 6, 7 never read.
        var p = ConvParameters()
        p.kernelSizeW = 2; p.strideW = 3
        #expect(p.widthAxis.outputSize == 3)
        #expect(p.unreadInput.columns == [2, 5])
        p.strideW = 4
        #expect(p.unreadInput.columns == [2, 3, 6, 7])
        #expect(p.unreadInput.rows == [])
    }

    @Test func pytorchMessageHeightFirst() {
        var p = ConvParameters()
        p.kernelSizeH = 9; p.kernelSizeW = 3; p.dilationW = 4
        #expect(p.validate()?.message ==
            "Calculated padded input size per channel: (8 x 8). Kernel size: (9 x 9). Kernel size can't be greater than actual input size")
        #expect(p.validate()?.culprits(in: p) == [.hIn, .kernelSizeH, .paddingH, .wIn, .kernelSizeW, .paddingW, .dilationW])
    }

    @Test func receptiveFieldOfTheInspectorExample() throws {
        let p = ConvParameters()
        let taps = p.receptiveField(outChannel: 0, y: 2, x: 3)
        #expect(taps.count == 27)
        #expect(Set(taps.map(\.x)) == [3, 4, 5])
        #expect(Set(taps.map(\.y)) == [2, 3, 4])
        #expect(taps.allSatisfy { !$0.inPadding })
        let experiment = try ConvExperiment(p)
        let output = try experiment.output.get()
        let sum = taps.reduce(Float(0)) { $0 + experiment.input[0, $1.channel, $1.y, $1.x] }
        #expect(sum == 108 && output[0, 0, 2, 3] == 108)
    }

    @Test func receptiveFieldWithPaddingStrideDilation() {
        var p = ConvParameters()
        p.paddingH = 2; p.paddingW = 1; p.strideH = 2; p.strideW = 3; p.dilationH = 2; p.dilationW = 3
        p.inChannels = 1
        let taps = p.receptiveField(outChannel: 1, y: 0, x: 0)
        #expect(taps.map(\.y) == [-2, -2, -2, 0, 0, 0, 2, 2, 2])
        #expect(taps.map(\.x) == [-1, 2, 5, -1, 2, 5, -1, 2, 5])
        #expect(taps.map(\.inPadding) == [true, true, true, true, false, false, true, false, false])
    }

    /// Every output value equals the sum of the input under its non-padding taps.
    @Test(arguments: FixtureFile.shared.random.filter { $0.error == nil }.prefix(40))
    func receptiveFieldSumsEqualOutputs(_ fixture: FixtureCase) throws {
        let p = fixture.parameters
        let experiment = try ConvExperiment(p)
        let output = try experiment.output.get()
        for y in 0..<output.shape[2] { for x in 0..<output.shape[3] {
            let sum = p.receptiveField(outChannel: 0, y: y, x: x).filter { !$0.inPadding }
                .reduce(Float(0)) { $0 + experiment.input[0, $1.channel, $1.y, $1.x] }
            #expect(sum == output[0, 0, y, x])
        } }
    }

    /// The reverse inspector is the exact inverse of the receptive field.
    @Test func outputsReadingInvertsReceptiveField() {
        var p = ConvParameters()
        p.hIn = 11; p.wIn = 9; p.paddingH = 1; p.strideH = 2; p.dilationW = 2; p.strideW = 3; p.inChannels = 1
        var forward: Set<[Int]> = []
        for y in 0..<p.heightAxis.outputSize { for x in 0..<p.widthAxis.outputSize {
            for t in p.receptiveField(outChannel: 0, y: y, x: x) where !t.inPadding { forward.insert([t.y, t.x, y, x]) }
        } }
        var backward: Set<[Int]> = []
        for iy in 0..<p.hIn { for ix in 0..<p.wIn {
            for o in p.outputsReading(y: iy, x: ix) { backward.insert([iy, ix, o.y, o.x]) }
        } }
        #expect(forward == backward)
    }

    @Test func cancellationStopsTheComputation() {
        #expect(throws: ComputationCancelled.self) {
            _ = try ConvExperiment(ConvParameters(), isCancelled: { true })
        }
    }
}
