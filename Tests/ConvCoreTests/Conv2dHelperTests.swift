import Testing
@testable import ConvCore

@Suite("Conv2d helpers: taps, padded values, 'same', messages, patterns")
struct Conv2dHelperTests {
    static func axis(_ mode: PaddingMode, size: Int = 4, before: Int = 3, after: Int = 3) -> PaddedAxis {
        PaddedAxis(size: size, kernel: 3, stride: 1, dilation: 1, padding: AxisPadding(before: before, after: after), mode: mode)
    }

    /// Input a b c d (0 1 2 3) padded by 3 on each side, written out by hand.
    @Test(arguments: [
        (PaddingMode.zeros, [nil, nil, nil, 0, 1, 2, 3, nil, nil, nil]),
        (.reflect, [3, 2, 1, 0, 1, 2, 3, 2, 1, 0]),
        (.replicate, [0, 0, 0, 0, 1, 2, 3, 3, 3, 3]),
        (.circular, [1, 2, 3, 0, 1, 2, 3, 0, 1, 2]),
    ] as [(PaddingMode, [Int?])])
    func paddedSources(_ mode: PaddingMode, _ expected: [Int?]) {
        let a = Self.axis(mode)
        #expect(a.paddedRange == -3..<7)
        #expect(a.paddedRange.map { a.source(of: $0) } == expected)
    }

    @Test func tapIndexIsOutputTimesStrideMinusPaddingPlusTapTimesDilation() {
        let a = PaddedAxis(size: 9, kernel: 3, stride: 2, dilation: 3, padding: AxisPadding(before: 2, after: 1), mode: .zeros)
        #expect(a.index(output: 0, tap: 0) == -2 && a.index(output: 1, tap: 2) == 6 && a.index(output: 3, tap: 1) == 7)
        #expect(a.outputSize == (9 + 3 - 7) / 2 + 1)
        let table = a.sourceTable()
        #expect(table[0 * a.outputSize + 0] == -1 && table[2 * a.outputSize + 1] == 6)
    }

    /// 'same' puts ⌊d(k−1)/2⌋ before and the rest after: the odd one at the bottom/right.
    @Test(arguments: [(3, 1, 1, 1), (4, 1, 1, 2), (2, 1, 0, 1), (2, 3, 1, 2), (5, 2, 4, 4), (1, 5, 0, 0), (6, 3, 7, 8)])
    func samePadding(kernel: Int, dilation: Int, before: Int, after: Int) {
        #expect(PaddingSpec.same.sides(axis: .width, kernel: kernel, dilation: dilation) == AxisPadding(before: before, after: after))
        #expect(PaddingSpec.valid.sides(axis: .height, kernel: kernel, dilation: dilation).total == 0)
    }

    @Test func sameKeepsTheSizeAndIdentityReproducesTheInput() throws {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (5, 7, 3, 3, 3, 5)
        for mode in PaddingMode.allCases {
            let spec = Conv2dSpec(p, padding: .same, paddingMode: mode)
            let input = InputSource.random(start: 9).makeInput(channels: 3, hIn: 5, wIn: 7)
            let output = try Conv2dForward.run(input: input, weights: KernelPreset.identity.makeWeights(spec), spec: spec)
            #expect(output == input, "\(mode)")
        }
    }

    @Test func reflectMessageFromTheIssue() {
        var p = ConvParameters()
        (p.inChannels, p.paddingH, p.paddingW) = (1, 8, 8)
        let error = Conv2dSpec(p, paddingMode: .reflect).validate()
        #expect(error?.message == "Argument #4: Padding size should be less than the corresponding input dimension, "
            + "but got: padding (8, 8) at dimension 3 of input [1, 1, 8, 8]")
        p.paddingW = 7
        #expect(Conv2dSpec(p, paddingMode: .reflect).validate()?.message.hasPrefix("Argument #6") == true)
        #expect(Conv2dSpec(p, paddingMode: .circular).validate() == nil)
        p.paddingH = 9
        #expect(Conv2dSpec(p, paddingMode: .circular).validate() == .circularWrapsMoreThanOnce)
        #expect(Conv2dSpec(p, paddingMode: .replicate).validate() == nil)
    }

    @Test func groupsSplitTheChannels() throws {
        var p = ConvParameters()
        (p.inChannels, p.outChannels) = (6, 4)
        let spec = Conv2dSpec(p, groups: 2)
        #expect(spec.kernelShape == [4, 3, 3, 3])
        #expect(spec.inputChannels(ofOutput: 1) == 0..<3 && spec.inputChannels(ofOutput: 2) == 3..<6)
        #expect(Set(spec.receptiveField(outChannel: 3, y: 0, x: 0).map(\.channel)) == [3, 4, 5])
        #expect(Conv2dSpec(p, groups: 4).validate() == .inChannelsNotDivisibleByGroups)
        #expect(Conv2dSpec(p, groups: 3).validate() == .outChannelsNotDivisibleByGroups)
        #expect(Conv2dSpec(p, groups: 3).validate()?.pythonType == "ValueError")
        #expect(Conv2dLimits.groups.contains(64) && !Conv2dLimits.groups.contains(0))
    }

    /// The notebook's all-ones layer still takes the window-sum path and agrees with the table path.
    @Test func constantKernelsKeepTheFastPath() throws {
        let spec = Conv2dSpec(ConvParameters(), padding: .same)
        let input = InputSource.rampX.makeInput(channels: 3, hIn: 8, wIn: 8)
        let weights = KernelPreset.ones.makeWeights(spec)
        #expect(Conv2dForward.zeroPaddedEquivalent(spec) != nil)
        #expect(Conv2dForward.zeroPaddedEquivalent(Conv2dSpec(ConvParameters(), padding: .same, paddingMode: .reflect)) == nil)
        let fast = try Conv2dForward.run(input: input, weights: weights, spec: spec)
        let table = try Conv2dForward.tablePath(input: input, weights: weights, bias: nil, spec: spec, isCancelled: { false })
        #expect(fast == table)
    }

    @Test func cancellationStopsTheComputation() {
        let spec = Conv2dSpec(ConvParameters(), paddingMode: .circular)
        let input = InputSource.checker.makeInput(channels: 3, hIn: 8, wIn: 8)
        #expect(throws: ComputationCancelled.self) {
            try Conv2dForward.run(input: input, weights: KernelPreset.sobelX.makeWeights(spec), spec: spec, isCancelled: { true })
        }
    }

    @Test func argumentsRoundTripAndBadOnesAreRefused() {
        for source in InputSource.all + [.random(start: 123)] { #expect(InputSource(argument: source.argument) == source) }
        for preset in KernelPreset.all + [.random(start: 7)] { #expect(KernelPreset(argument: preset.argument) == preset) }
        #expect(InputSource(argument: "random") == .random(start: 0))
        for bad in ["random:", "random:-1", "random:x", "ramp", "Ramp-x", "sobel"] {
            #expect(InputSource(argument: bad) == nil && KernelPreset(argument: bad) == nil)
        }
    }

    @Test func seededRandomIsSplitMix64() {
        // Reference values of SplitMix64 from seed 1234567 (Vigna's splitmix64.c).
        var generator = SplitMixRandom(start: 1_234_567)
        #expect((0..<3).map { _ in generator.next() } == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test func notebookInputHasItsSizesSwapped() {
        let t = InputSource.notebook.makeInput(channels: 2, hIn: 3, wIn: 5)
        #expect(t.shape == [1, 2, 5, 3])
        #expect(t[0, 1, 4, 2] == 2)
    }
}
