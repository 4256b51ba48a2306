import Testing
@testable import ConvCore

/// The Winograd path (`WinogradConvolution`) against the direct path and PyTorch: bit for bit
/// wherever it is taken, and not taken where an intermediate could leave float32's exact integers.
@Suite("Winograd path: the direct path's values bit for bit")
struct WinogradPathTests {
    /// Outputs per tile tried on every layer: F(2, r), F(3, r) and F(4, r) where n ≤ 9.
    static let outputCounts = [2, 3, 4]

    /// Whether `WinogradPlan.choice` takes layers here: with AVX-512 or AVX2 transforms, not with the
    /// plain loops (`CONVSCOPE_ISA=generic`), where every layer stays direct.
    static var choiceTakesLayers: Bool { WinogradPlan.choices[InstructionSet.name] != nil }

    static func winograd(_ input: Tensor4, _ weights: Tensor4, _ bias: [Float]?, _ plan: WinogradPlan,
                         threads: Int, bandRows: Int? = nil) throws -> Tensor4? {
        try WinogradConvolution.run(input: input, weights: weights, bias: bias, plan: plan, threads: threads,
                                    workspace: Conv2dWorkspace(), bandRows: bandRows, isCancelled: { false })
    }

    static func direct(_ input: Tensor4, _ weights: Tensor4, _ bias: [Float]?, _ spec: Conv2dSpec, threads: Int) throws -> Tensor4 {
        try GeneralPathTests.general(input, weights, bias: bias, spec, threads: threads)
    }

    @Test("F(m, r) from its points: A'ᵀ[(G'g) ⊙ (B'ᵀd)] is D times the correlation, exactly")
    func matrices() {
        var generator = SplitMixRandom(start: 5)
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        #expect(WinogradMatrices(outputs: 2, taps: 5).denominator == 24)
        for m in 1...5 {
            for r in 2...(10 - m) {
                let f = WinogradMatrices(outputs: m, taps: r), n = f.points
                for _ in 0..<20 {
                    let g = (0..<r).map { _ in pick(-9...9) }, d = (0..<n).map { _ in pick(-9...9) }
                    let u = (0..<n).map { p in (0..<r).reduce(0) { $0 + f.kernel[p * r + $1] * g[$1] } }
                    let v = (0..<n).map { p in (0..<n).reduce(0) { $0 + f.input[p * n + $1] * d[$1] } }
                    let y = (0..<m).map { q in (0..<n).reduce(0) { $0 + f.output[q * n + $1] * u[$1] * v[$1] } }
                    let direct = (0..<m).map { q in (0..<r).reduce(0) { $0 + g[$1] * d[q + $1] } }
                    #expect(y == direct.map { $0 * f.denominator }, "F(\(m), \(r))")
                }
            }
        }
    }

    /// Random layers the path can take (width stride and dilation 1, kernels 3 wide and more):
    /// every padding mode, 'same'/'valid', height strides and dilations, groups, channel counts
    /// not multiples of 16, widths not multiples of m and narrower than a tile, bias; integers and
    /// values on grids of 1/8 and 1/4.
    @Test("random layers: equal to the direct path and the exact table path", arguments: [1, 2])
    func randomLayers(threads: Int) throws {
        var generator = SplitMixRandom(start: 20_261_207)
        var taken = 0, widthsUnderATile = 0, withFractions = 0, inBands = 0
        while taken < 240 {
            var (spec, input, weights, bias) = GeneralPathTests.randomLayer(&generator)
            let w = spec.widthAxis
            guard w.stride == 1, w.dilation == 1, w.kernel >= 3 else { continue }
            if generator.next() % 2 == 0 {
                input.storage = input.storage.map { $0 / 8 }
                weights.storage = weights.storage.map { $0 / 4 }
                withFractions += 1
            }
            let reference = try Conv2dForward.tablePath(input: input, weights: weights, bias: bias, spec: spec) { false }
            let direct = try Self.direct(input, weights, bias, spec, threads: threads)
            #expect(direct == reference)
            for m in Self.outputCounts {
                guard let plan = WinogradPlan(spec: spec, outputs: m) else { continue }
                // Wide kernels with many points on larger values may leave the bound: then nil.
                guard let output = try Self.winograd(input, weights, bias, plan, threads: threads) else { continue }
                #expect(output.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern), "F(\(m)) \(spec)")
                // In bands of a few output rows: each band's planes start at its own first input row.
                let bandRows = 1 + Int(generator.next() % 3)
                let banded = try #require(try Self.winograd(input, weights, bias, plan, threads: threads, bandRows: bandRows))
                #expect(banded.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern), "F(\(m)) \(spec), bands of \(bandRows)")
                if spec.heightAxis.outputSize > bandRows { inBands += 1 }
                taken += 1
                if w.outputSize < m { widthsUnderATile += 1 }
            }
        }
        #expect(widthsUnderATile > 0 && withFractions > 0 && inBands > taken / 2)
    }

    @Test("bands: the lab's layer in bands of 20 rows under 768 KB a worker; every worker gets a band or more")
    func bandSizes() {
        let lab = WinogradPlan(spec: Self.labLayer().0, outputs: 4)!
        let rows = WinogradRows(plan: lab, threads: 2)
        #expect(rows.bandRows == 20 && rows.planeRows == 24)
        #expect(rows.n * 16 * rows.planeSize * 4 <= WinogradRows.bandBytes)
        // One input channel: its planes would fit whole in one band, yet the rows are shared among the workers.
        for (spec, threads) in [(Self.spec(256, 256, 1, 64, 5, 5), 8), (Self.spec(256, 256, 16, 16, 5, 5), 32),
                                (Self.spec(128, 128, 8, 16, 5, 5), 4), (Self.spec(1024, 1024, 64, 64, 5, 5), 2)] {
            let plan = WinogradPlan(spec: spec, outputs: 4)!, outH = spec.heightAxis.outputSize
            let bands = WinogradRows(plan: plan, threads: threads)
            let count = (outH + bands.bandRows - 1) / bands.bandRows
            #expect(count >= min(threads, outH), "\(spec): \(count) bands for \(threads) workers")
            #expect(bands.bandRows >= 1)
        }
    }

    @Test("the lab's 256² 16→16 k5 layer: Conv2dForward takes the path, the values are the direct path's")
    func labLayer() throws {
        let (spec, input, weights) = Self.labLayer()
        // The path pays only with vector transforms; with the plain loops the layer stays direct.
        guard Self.choiceTakesLayers else {
            #expect(WinogradPlan.choice(for: spec) == nil)
            return
        }
        let plan = try #require(WinogradPlan.choice(for: spec))
        #expect(plan.transformedWeights(input: input, weights: weights, bias: spec.biasVector) != nil)
        let direct = try Self.direct(input, weights, spec.biasVector, spec, threads: 2)
        let output = try Conv2dForward.run(input: input, weights: weights, spec: spec, threads: 2)
        #expect(output == direct)
        // The path itself too, where the FFT path takes the layer first.
        let winograd = try #require(try Self.winograd(input, weights, spec.biasVector, plan, threads: 2))
        #expect(winograd.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern))
    }

    /// 256² 16→16 k5 as the benchmark draws it: integer inputs 0…9, weights −3…3, bias 0.5.
    static func labLayer() -> (Conv2dSpec, Tensor4, Tensor4) {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (256, 256, 16, 16, 5, 5)
        (p.paddingH, p.paddingW) = (0, 0)
        let spec = Conv2dSpec(p, bias: 0.5)
        return (spec, InputSource.random(start: 1).makeInput(channels: 16, hIn: 256, wIn: 256),
                KernelPreset.random(start: 2).makeWeights(spec))
    }

    /// An ungrouped layer without padding or bias: (h_in, w_in, C_in, C_out, kH, kW).
    static func spec(_ h: Int, _ w: Int, _ cin: Int, _ cout: Int, _ kh: Int, _ kw: Int) -> Conv2dSpec {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (h, w, cin, cout, kh, kw)
        return Conv2dSpec(p)
    }

    @Test("values whose transformed sums could pass 2^24 keep to the direct path, exactly")
    func bound() throws {
        let spec = Self.spec(12, 30, 3, 2, 5, 5)
        let plan = try #require(WinogradPlan(spec: spec, outputs: 2))
        var weights = KernelPreset.random(start: 3).makeWeights(spec)
        var input = InputSource.random(start: 4).makeInput(channels: 3, hIn: 12, wIn: 30)
        #expect(plan.transformedWeights(input: input, weights: weights, bias: nil) != nil)
        // Inputs up to 9·2^12: the direct sums (≤ 3·25·3·9·2^12 < 2^23) stay exact, the
        // transformed ones (up to 10 times the input, times Σ|U'|) would not.
        input.storage = input.storage.map { $0 * 4096 }
        #expect(plan.transformedWeights(input: input, weights: weights, bias: nil) == nil)
        #expect(try Self.winograd(input, weights, nil, plan, threads: 2) == nil)
        // Arbitrary floats (0.1 is on no grid float32 could sum exactly at this size).
        var floats = InputSource.random(start: 4).makeInput(channels: 3, hIn: 12, wIn: 30)
        floats.storage[7] = 0.1
        #expect(plan.transformedWeights(input: floats, weights: weights, bias: nil) == nil)
        // A value off every grid float32 sums keep exact, and a NaN.
        weights.storage[0] = 0x1p-70
        #expect(plan.transformedWeights(input: input, weights: weights, bias: nil) == nil)
        weights.storage[0] = .nan
        #expect(plan.transformedWeights(input: input, weights: weights, bias: nil) == nil)
        // Conv2dForward then computes the direct path's exact values.
        let (lab, labInput, labWeights) = Self.labLayer()
        var large = labInput
        large.storage = large.storage.map { $0 * 4096 }
        #expect(WinogradPlan(spec: lab, outputs: 4)?.transformedWeights(input: large, weights: labWeights, bias: nil) == nil)
        let output = try Conv2dForward.run(input: large, weights: labWeights, bias: nil, spec: lab, threads: 2)
        #expect(output == (try Self.direct(large, labWeights, nil, lab, threads: 2)))
    }

    @Test("a bias of −0.0: outputs whose every product is −0.0 stay −0.0, as the direct path's")
    func negativeZeroBias() throws {
        let spec = Self.spec(6, 12, 2, 3, 3, 5)
        let plan = try #require(WinogradPlan(spec: spec, outputs: 4))
        // +0 inputs times negative weights: every product −0.0, so the direct path's −0.0 + (−0.0)…
        // stays −0.0, where a sum started at +0 would end +0.
        let input = Tensor4(shape: spec.inputShape, repeating: 0)
        let weights = Tensor4(shape: spec.kernelShape, repeating: -2)
        let bias: [Float] = [-0.0, 1, -0.0]
        let direct = try Self.direct(input, weights, bias, spec, threads: 1)
        #expect(direct.storage.contains { $0 == 0 && $0.sign == .minus })
        // Taken, the path must give the same bits; declining leaves the layer to the direct path.
        if let winograd = try Self.winograd(input, weights, bias, plan, threads: 1) {
            #expect(winograd.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern))
        }
    }

    @Test("PyTorch's fixtures: equal wherever the path can take the layer")
    func fixtures() throws {
        var taken = 0
        for fixture in FFTPathTests.ran {
            let spec = fixture.spec
            let input = fixture.makeInput(), weights = fixture.makeWeights()
            let bias = fixture.biasList ?? spec.biasVector
            for m in Self.outputCounts {
                guard let plan = WinogradPlan(spec: spec, outputs: m),
                      let output = try Self.winograd(input, weights, bias, plan, threads: 2) else { continue }
                taken += 1
                #expect(output.shape == fixture.output_shape)
                let wrong = Conv2dAgreementTests.mismatches(output.storage, fixture.output!, exact: fixture.exact == true)
                #expect(wrong == 0, "F(\(m)) \(fixture.tag)")
            }
        }
        #expect(taken >= 30)
    }

    @Test("the lab's layer on this path polls its cancellation flag often and stops", arguments: [1, 2])
    func cancellation(threads: Int) throws {
        let (spec, input, weights) = Self.labLayer()
        // With the plain loops the layer stays direct, whose polling GeneralPathTests checks.
        guard Self.choiceTakesLayers else {
            #expect(WinogradPlan.choice(for: spec) == nil)
            return
        }
        let plan = try #require(WinogradPlan.choice(for: spec)), p = spec.parameters
        let polls = try StopPolling.polls { isCancelled in
            _ = try Conv2dForward.run(input: input, weights: weights, spec: spec, threads: threads, isCancelled: isCancelled)
        }
        // The multiply-adds this path does: n per m outputs of a kernel row (8 per 4 of 5 taps for F(4, 5)).
        let multiplyAdds = plan.matrices.points * 252 * plan.tiles * p.outChannels * p.inChannels * 5
        StopPolling.checkOften(polls: polls, multiplyAdds: multiplyAdds, "256² 16→16 k5")
        for stopAt in [1, 30, polls - 5] {
            let late = StopPolling.pollsAfterStop(at: stopAt) { isCancelled in
                _ = try Conv2dForward.run(input: input, weights: weights, spec: spec, threads: threads, isCancelled: isCancelled)
            }
            #expect(late <= threads, "stopped at poll \(stopAt) of \(polls)")
        }
    }
}
