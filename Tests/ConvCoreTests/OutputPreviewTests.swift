import Testing
@testable import ConvCore

/// The preview a screen shows of a slow layer before the rest: a window's values must be the
/// whole layer's, bit for bit; block means must be the means of the whole layer's blocks.
@Suite("Output preview: the visible region of a layer before the whole of it")
struct OutputPreviewTests {
    /// A random region of a layer's output.
    static func randomRegion(_ spec: Conv2dSpec, block: Int, _ generator: inout SplitMixRandom) -> OutputRegion {
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        func span(_ size: Int) -> Range<Int> {
            let first = pick(0...(size - 1)), last = pick(first...(size - 1))
            return first..<(last + 1)
        }
        let p = spec.parameters
        return OutputRegion(channels: span(p.outChannels), rows: span(spec.heightAxis.outputSize),
                            columns: span(spec.widthAxis.outputSize), block: block)
    }

    static func maps(_ input: Tensor4, _ weights: Tensor4) -> (FeatureMaps, FeatureMaps) {
        let s = weights.shape
        return (FeatureMaps(input), FeatureMaps(Tensor4(shape: [1, s[0] * s[1], s[2], s[3]], storage: weights.storage)))
    }

    @Test("a window holds the whole layer's values bit for bit, zeros elsewhere", arguments: GeneralPathTests.threadCounts)
    func windowEqualsTheLayer(threads: Int) throws {
        var generator = SplitMixRandom(start: 20_261_127)
        for _ in 0..<120 {
            let (spec, input, weights, bias) = GeneralPathTests.randomLayer(&generator)
            let (inputMaps, kernels) = Self.maps(input, weights)
            let region = Self.randomRegion(spec, block: 1, &generator)
            let whole = try SharedPlaneConvolution.run(input: inputMaps, kernels: kernels, bias: bias, spec: spec)
            let preview = try OutputPreview.run(input: inputMaps, kernels: kernels, bias: bias, spec: spec,
                                                region: region, threads: threads)
            #expect(preview.shape == whole.shape)
            // The window-sum path (constant kernels) may write −0 where the general path writes 0:
            // bit for bit where the whole layer takes the general path, equal as numbers otherwise.
            let general = EffectiveLayer(input: inputMaps, kernels: kernels, bias: bias, spec: spec).takesGeneralPath
            var wrong = 0
            for c in 0..<whole.shape[1] {
                for y in 0..<whole.shape[2] {
                    for x in 0..<whole.shape[3] {
                        let inside = region.channels.contains(c) && region.rows.contains(y) && region.columns.contains(x)
                        let value = preview[0, c, y, x]
                        let expected = whole[0, c, y, x]
                        let same = general ? value.bitPattern == expected.bitPattern : value == expected
                        if inside ? !same : value != 0 { wrong += 1 }
                    }
                }
            }
            #expect(wrong == 0, "\(spec) \(region)")
        }
    }

    @Test("block means are the whole layer's block means", arguments: GeneralPathTests.threadCounts)
    func blockMeansEqualTheLayers(threads: Int) throws {
        var generator = SplitMixRandom(start: 11_27)
        for trial in 0..<120 {
            let (spec, input, weights, bias) = GeneralPathTests.randomLayer(&generator)
            // Every other trial: the course notes' ramp, whose channels share one plane (the reduced layer).
            let ramp = trial % 2 == 1
            let inputMaps = ramp
                ? FeatureMaps(shape: spec.inputShape, planeOfChannel: [Int](repeating: 0, count: spec.parameters.inChannels),
                              storage: InputSource.rampX.makeInput(channels: 1, hIn: spec.parameters.hIn, wIn: spec.parameters.wIn).storage)
                : FeatureMaps(input)
            let kernels = Self.maps(input, weights).1
            let region = Self.randomRegion(spec, block: 1 + Int(generator.next() % 5), &generator)
            let whole = try SharedPlaneConvolution.run(input: inputMaps, kernels: kernels, bias: bias, spec: spec)
            let preview = try OutputPreview.run(input: inputMaps, kernels: kernels, bias: bias, spec: spec,
                                                region: region, threads: threads)
            let grid = BlockSums.Grid(rows: region.rows, columns: region.columns, block: region.block)
            var worst: Float = 0, largest: Float = 1
            for c in region.channels {
                for i in 0..<grid.blockRows {
                    for j in 0..<grid.blockColumns {
                        var sum = 0.0
                        let rows = grid.rows(ofBlockRow: i), columns = grid.columns(ofBlockColumn: j)
                        for y in rows { for x in columns { sum += Double(whole[0, c, y, x]) } }
                        let mean = Float(sum / Double(rows.count * columns.count))
                        largest = max(largest, abs(mean))
                        // Every element of the block holds the mean.
                        for y in rows { for x in columns { worst = max(worst, abs(preview[0, c, y, x] - mean)) } }
                    }
                }
            }
            #expect(worst <= 1e-5 * largest, "\(spec) \(region) ramp: \(ramp)")
            // Outside the region: zeros.
            let outside = (0..<whole.shape[1]).filter { !region.channels.contains($0) }
            #expect(outside.allSatisfy { c in preview.plane(preview.planeOfChannel[c]).allSatisfy { $0 == 0 } })
        }
    }

    @Test("a layer the window sums compute needs no preview; a random one counts its multiply-adds")
    func multiplyAdds() {
        var p = Conv2dSettings()
        (p.geometry.hIn, p.geometry.wIn, p.geometry.inChannels, p.geometry.outChannels) = (64, 64, 4, 8)
        (p.geometry.kernelSizeH, p.geometry.kernelSizeW) = (5, 5)
        #expect(OutputPreview.multiplyAdds(input: p.makeInputMaps(), kernels: p.makeKernelMaps(), bias: nil, spec: p.spec) == 0)
        p.kernel = .preset(.random(start: 3))
        p.input = .generated(.random(start: 4))
        // 8 outputs × 60 × 60 × (4 · 25) taps.
        #expect(OutputPreview.multiplyAdds(input: p.makeInputMaps(), kernels: p.makeKernelMaps(), bias: nil, spec: p.spec)
            == 8 * 60 * 60 * 100)
    }

    @Test("a cancelled preview throws")
    func cancellation() {
        var generator = SplitMixRandom(start: 5)
        let (spec, input, weights, bias) = GeneralPathTests.randomLayer(&generator)
        let (inputMaps, kernels) = Self.maps(input, weights)
        for block in [1, 2] {
            let region = OutputRegion(channels: 0..<1, rows: 0..<1, columns: 0..<1, block: block)
            #expect(throws: ComputationCancelled.self) {
                try OutputPreview.run(input: inputMaps, kernels: kernels, bias: bias, spec: spec, region: region, isCancelled: { true })
            }
        }
    }

    /// A stale preview stops soon after its flag is set, like the whole layer
    /// (`GeneralPathTests.cancellationPolling`): block sums poll every 64 rows and kernel column of
    /// a channel, windows every 256 taps of a row. Counted, not timed (the time is the benchmark's).
    @Test("a preview polls its cancellation flag often and stops when it says so", arguments: [1, 8])
    func cancellationPolling(block: Int) throws {
        let small = RandomReflectLayer(size: 96, channels: 8, kernel: 8, inputStart: 3, weightStart: 4)
        let (smallInput, smallKernels) = Self.maps(small.input, small.weights)
        let out = small.spec.heightAxis.outputSize
        let whole = OutputRegion(channels: 0..<8, rows: 0..<out, columns: 0..<out, block: block)
        let polls = try StopPolling.polls { isCancelled in
            _ = try OutputPreview.run(input: smallInput, kernels: smallKernels, bias: small.spec.biasVector, spec: small.spec,
                                      region: whole, isCancelled: isCancelled)
        }
        if block == 1 {
            StopPolling.checkOften(polls: polls, multiplyAdds: out * out * 8 * 8 * 64, "96² 8→8 k8, window")
        } else {
            // Block means come from box sums, far fewer operations: at least one poll per channel pair.
            #expect(polls >= 8 * 8, "96² 8→8 k8, block \(block): \(polls) polls")
        }

        let layer = RandomReflectLayer(size: 512, channels: 64, kernel: 32, inputStart: 3, weightStart: 4)
        let (inputMaps, kernels) = Self.maps(layer.input, layer.weights)
        let outH = layer.spec.heightAxis.outputSize
        let region = OutputRegion(channels: 0..<64, rows: 0..<(block == 1 ? 64 : outH), columns: 0..<outH, block: block)
        for stopAt in [1, 20, 200] {
            let late = StopPolling.pollsAfterStop(at: stopAt) { isCancelled in
                _ = try OutputPreview.run(input: inputMaps, kernels: kernels, bias: layer.spec.biasVector, spec: layer.spec,
                                          region: region, isCancelled: isCancelled)
            }
            #expect(late <= ProcessorCount.online, "stopped at poll \(stopAt): \(late) polls saw the stop")
        }
    }
}

extension OutputPreviewTests {
    @Test("a region outside the output or empty gives zeros, never a crash")
    func emptyRegions() throws {
        var generator = SplitMixRandom(start: 9)
        let (spec, input, weights, bias) = GeneralPathTests.randomLayer(&generator)
        let (inputMaps, kernels) = Self.maps(input, weights)
        for block in [1, 3] {
            for region in [OutputRegion(channels: 0..<1, rows: 5..<5, columns: 0..<3, block: block),
                           OutputRegion(channels: 0..<1, rows: 10_000..<10_002, columns: 0..<3, block: block),
                           OutputRegion(channels: 500..<501, rows: 0..<1, columns: 0..<1, block: block)] {
                let preview = try OutputPreview.run(input: inputMaps, kernels: kernels, bias: bias, spec: spec, region: region)
                #expect(preview.storage.allSatisfy { $0 == 0 }, "\(region)")
            }
        }
    }
}
