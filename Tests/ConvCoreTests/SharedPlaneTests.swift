import Testing
@testable import ConvCore

/// Feature maps that store each distinct plane once, and the convolution over them: equal to the
/// whole layer computed on the written-out tensors, bit for bit.
@Suite("Shared planes: each distinct map stored and convolved once")
struct SharedPlaneTests {
    /// A random layer whose input repeats some planes and whose kernels repeat for some outputs.
    static func sharedLayer(_ generator: inout SplitMixRandom) -> (Conv2dSpec, Tensor4, Tensor4, [Float]?) {
        var (spec, input, weights, bias) = GeneralPathTests.randomLayer(&generator)
        let p = spec.parameters
        let plane = p.hIn * p.wIn, slice = weights.shape[1] * p.kernelSizeH * p.kernelSizeW
        let distinctIn = 1 + Int(generator.next() % UInt64(p.inChannels))
        for c in distinctIn..<p.inChannels {
            let source = Int(generator.next() % UInt64(distinctIn))
            input.storage.replaceSubrange(c * plane..<(c + 1) * plane, with: input.storage[source * plane..<(source + 1) * plane])
        }
        for o in 1..<max(1, p.outChannels) where generator.next() % 2 == 0 {
            // Same kernels as the output before it (and the same bias): the same map when in the same group.
            weights.storage.replaceSubrange(o * slice..<(o + 1) * slice, with: weights.storage[(o - 1) * slice..<o * slice])
            if var b = bias { b[o] = b[o - 1]; bias = b }
        }
        return (spec, input, weights, bias)
    }

    @Test("random layers with repeated planes and kernels: equal to the whole layer")
    func randomSharedLayers() throws {
        var generator = SplitMixRandom(start: 2026_11_26)
        var reducedInputs = 0, sharedOutputs = 0
        for _ in 0..<150 {
            let (spec, input, weights, bias) = Self.sharedLayer(&generator)
            let maps = FeatureMaps(input)
            let reference = try Conv2dForward.tablePath(input: input, weights: weights, bias: bias, spec: spec, isCancelled: { false })
            for threads in [1, 3] {
                let shared = try SharedPlaneConvolution.run(input: maps, weights: weights, bias: bias, spec: spec, threads: threads)
                #expect(shared.tensor == reference, "\(spec)")
                #expect(shared.shape == reference.shape)
                if threads == 1 {
                    if maps.distinctPlaneCount < spec.parameters.inChannels { reducedInputs += 1 }
                    if shared.distinctPlaneCount < spec.parameters.outChannels { sharedOutputs += 1 }
                }
            }
        }
        #expect(reducedInputs > 30 && sharedOutputs > 30, "the layers exercise sharing: \(reducedInputs), \(sharedOutputs)")
    }

    @Test("kernels whose sums float32 cannot hold: the whole layer runs, bit for bit")
    func inexactSumsKeepTheLayer() throws {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (9, 11, 3, 2, 3, 3)
        let spec = Conv2dSpec(p)
        var input = Tensor4(shape: p.inputShape)
        for i in input.storage.indices { input.storage[i] = Float(i % 97) * 0.37 }
        for c in 1..<3 { for i in 0..<99 { input.storage[c * 99 + i] = input.storage[i] } }
        var weights = Tensor4(shape: p.kernelShape)
        for i in weights.storage.indices { weights.storage[i] = i % 2 == 0 ? 1e-8 : 1 }
        let slices = FeatureMaps(Tensor4(shape: [1, 6, 3, 3], storage: weights.storage))
        #expect(ReducedLayer(input: FeatureMaps(input), kernels: slices, bias: nil, spec: spec) == nil)
        let whole = try Conv2dForward.run(input: input, weights: weights, spec: spec)
        let shared = try SharedPlaneConvolution.run(input: FeatureMaps(input), weights: weights, bias: nil, spec: spec)
        #expect(shared.tensor.storage.map(\.bitPattern) == whole.storage.map(\.bitPattern))
    }

    @Test("the course notes' layer keeps one input plane and one output plane at any channel count")
    func courseNotesLayerIsOnePlane() throws {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (40, 50, 64, 64, 7, 5)
        let experiment = try ConvExperiment(p)
        let output = try experiment.output.get()
        #expect(experiment.input.distinctPlaneCount == 1 && output.distinctPlaneCount == 1)
        #expect(experiment.input.storage.count == 40 * 50 && output.storage.count == 34 * 46)
        let whole = try Convolution.conv2d(input: experiment.input.tensor, weights: experiment.weights, parameters: p)
        #expect(output.tensor == whole)
        #expect(output[0, 63, 0, 0] == 64 * 7 * (0 + 1 + 2 + 3 + 4))
    }

    @Test("deduplication compares bits: -0 and 0 stay apart, NaN matches itself")
    func bitwiseDeduplication() {
        let t = Tensor4(shape: [1, 5, 1, 2], storage: [0, 1, -0.0, 1, 0, 1, .nan, 2, .nan, 2])
        let maps = FeatureMaps(t)
        #expect(maps.planeOfChannel == [0, 1, 0, 2, 2])
        #expect(maps.distinctPlaneCount == 3)
        #expect(maps.tensor.storage.map(\.bitPattern) == t.storage.map(\.bitPattern))
        #expect(maps.planeRanges().prefix(2).map(\.max) == [1, 1])
    }
}
