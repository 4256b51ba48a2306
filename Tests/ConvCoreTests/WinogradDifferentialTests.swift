import Foundation
import Synchronization
import Testing
@testable import ConvCore

/// A randomized hunt for a bit difference between the Winograd path and the direct path, over
/// layers drawn towards the edges of the path's bound: values on mixed grids (input k/2^a,
/// weights k/2^b, bias k/2^c), magnitudes from far under to far over 2^24 grid units, many input
/// channels, negative values, −0.0, NaN and infinities, every padding mode, groups, height strides
/// and dilations, widths under a tile. One workspace serves every layer (stale buffers from a
/// larger layer must not leak into a smaller one), and some runs are cancelled midway first.
/// `CONVSCOPE_WINOGRAD_LAYERS` sets how many layers (default 2000: about 2 s; 20 000 about 20 s).
/// Loosening the bound from 2^24 to 2^25 units makes this test fail within the first 50 layers.
@Suite("Winograd path: randomized differential test against the direct path")
struct WinogradDifferentialTests {
    static var layerCount: Int {
        ProcessInfo.processInfo.environment["CONVSCOPE_WINOGRAD_LAYERS"].flatMap { Int($0) } ?? 2000
    }

    @Test("random layers near the bound: taken ones equal the direct path bit for bit")
    func differential() throws {
        var draw = LayerDraw(generator: SplitMixRandom(start: UInt64(Self.layerCount) &* 7_919 &+ 2_026))
        let winogradSpace = Conv2dWorkspace(), directSpace = Conv2dWorkspace()
        var (taken, declined, cancelled, differing, manyTaps) = (0, 0, 0, 0, 0)
        for index in 0..<Self.layerCount {
            let layer = draw.layer(large: index % 40 == 39)
            let threads = index % 2 + 1
            guard let plan = WinogradPlan(spec: layer.spec, outputs: layer.outputs) else { continue }
            if draw.pick(0...9) == 0 {
                // Stopped after a few polls: the next run reuses the half-written workspace.
                let stopAt = draw.pick(1...6)
                let polls = Atomic<Int>(0)
                do {
                    _ = try WinogradConvolution.run(
                        input: layer.input, weights: layer.weights, bias: layer.bias, plan: plan, threads: threads,
                        workspace: winogradSpace,
                        isCancelled: { polls.add(1, ordering: .relaxed).newValue >= stopAt })
                } catch is ComputationCancelled { cancelled += 1 }
            }
            let direct = try GeneralPathTests.general(
                layer.input, layer.weights, bias: layer.bias, layer.spec, threads: threads, workspace: directSpace)
            // Every third layer in bands of a few rows (the others in the bands the path picks).
            let bandRows = index % 3 == 0 ? draw.pick(1...4) : nil
            guard let output = try WinogradConvolution.run(
                input: layer.input, weights: layer.weights, bias: layer.bias, plan: plan, threads: threads,
                workspace: winogradSpace, bandRows: bandRows, isCancelled: { false })
            else { declined += 1; continue }
            taken += 1
            if layer.spec.inChannelsPerGroup * layer.spec.heightAxis.kernel > GeneralConvolution.tapsPerChunk { manyTaps += 1 }
            let same = output.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern)
            #expect(same, "layer \(index)\(bandRows.map { ", bands of \($0) rows" } ?? ""): \(layer.describe(output: output, direct: direct))")
            if !same { differing += 1; break }
        }
        print("Winograd differential: \(Self.layerCount) layers, \(taken) taken (\(manyTaps) of more than one kernel call's taps), \(declined) declined, \(cancelled) cancelled")
        // Both sides of the bound are drawn often.
        #expect(differing > 0 || (taken > Self.layerCount / 4 && declined > Self.layerCount / 20 && manyTaps > 0))
    }

    /// Layers as the app computes them (`Conv2dForward.run`, sizes past the path's threshold) on
    /// one workspace, larger then smaller then larger again, two cores then one.
    @Test("Conv2dForward on one workspace: the lab's layer, a 'same' circular 3×5 layer, the lab's again")
    func layersSharingAWorkspace() throws {
        let (lab, labInput, labWeights) = WinogradPathTests.labLayer()
        // With the plain loops every layer stays direct (WinogradPathTests checks that).
        guard WinogradPathTests.choiceTakesLayers else { return }
        let m = try #require(WinogradPlan.choice(for: lab)).matrices.outputs
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (160, 157, 16, 24, 3, 5)
        let same = Conv2dSpec(p, padding: .same, paddingMode: .circular)
        var input = InputSource.random(start: 9).makeInput(channels: 16, hIn: 160, wIn: 157)
        input.storage = input.storage.map { -$0 / 8 }
        var weights = KernelPreset.random(start: 10).makeWeights(same)
        weights.storage = weights.storage.map { $0 / 4 }
        let bias = (0..<24).map { Float($0 - 12) / 2 }
        let workspace = Conv2dWorkspace()
        for (spec, input, weights, bias, threads) in [
            (lab, labInput, labWeights, lab.biasVector, 2), (same, input, weights, bias, 2), (lab, labInput, labWeights, nil, 1),
        ] {
            // The FFT path goes first where its cost model takes the layer.
            let expected = FFTPlan.best(for: spec) == nil ? "Winograd F(\(m), 5)" : GeneralPathChoice.describe(spec)
            #expect(GeneralPathChoice.describe(spec, input: input, weights: weights) == expected)
            let output = try Conv2dForward.run(
                input: input, weights: weights, bias: bias, spec: spec, threads: threads, workspace: workspace)
            let direct = try GeneralPathTests.general(input, weights, bias: bias, spec, threads: threads)
            #expect(output.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern), "\(spec)")
        }
    }
}

/// A random layer for the Winograd path and values drawn towards its bound.
struct RandomWinogradLayer {
    let spec: Conv2dSpec, outputs: Int
    let input: Tensor4, weights: Tensor4, bias: [Float]?

    /// The layer and its first differing output.
    func describe(output: Tensor4, direct: Tensor4) -> String {
        let i = output.storage.indices.first { output.storage[$0].bitPattern != direct.storage[$0].bitPattern } ?? -1
        let values = i < 0 ? "" : "at \(i): \(output.storage[i]) against \(direct.storage[i])"
        return "F(\(outputs)) \(spec) bias \(bias.map { "\($0.prefix(4))" } ?? "none") \(values)"
    }
}

/// Draws `RandomWinogradLayer`s.
struct LayerDraw {
    var generator: SplitMixRandom

    mutating func pick(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    /// A layer the path can take (width stride and dilation 1); `large` layers pass the row
    /// kernels' threshold for two workers.
    mutating func layer(large: Bool) -> RandomWinogradLayer {
        while true {
            let groups = [1, 1, 1, 2, 3][pick(0...4)]
            var p = ConvParameters()
            (p.hIn, p.wIn) = large ? (pick(40...70), pick(40...90)) : (pick(1...14), pick(1...40))
            // 70 channels of 4 or more kernel rows: more taps than one kernel call takes (256).
            let perGroup = [1, 2, 3, 5, 8, 17, 40, 70][pick(0...7)]
            (p.inChannels, p.outChannels) = (groups * (large ? 16 : perGroup), groups * pick(1...(large ? 24 : 18)))
            let width = [5, 5, 5, 5, 3, 4, 6][pick(0...6)]
            (p.kernelSizeH, p.kernelSizeW) = (pick(1...6), width)
            (p.strideH, p.strideW, p.dilationH, p.dilationW) = (pick(1...3), 1, pick(1...2), 1)
            (p.paddingH, p.paddingW) = (pick(0...3), pick(0...4))
            let mode = PaddingMode.allCases[pick(0...3)]
            let padding: PaddingSpec? = [nil, nil, .valid, .same][pick(0...3)]
            let spec = Conv2dSpec(p, padding: padding, paddingMode: mode, groups: groups)
            guard spec.validate() == nil else { continue }
            let outputs = width == 5 ? [4, 4, 4, 2, 3][pick(0...4)] : pick(2...(10 - width))
            // Many channels keep to small values, or no layer of them would stay under the bound.
            let (inputBits, weightBits) = perGroup >= 40 ? (0...2, 0...2) : (0...18, 0...9)
            let input = Tensor4(shape: spec.inputShape, storage: values(count: spec.inputShape.reduce(1, *), magnitudeBits: inputBits))
            let weights = Tensor4(shape: spec.kernelShape, storage: values(count: spec.kernelShape.reduce(1, *), magnitudeBits: weightBits))
            let bias: [Float]? = pick(0...2) == 0 ? nil : values(count: p.outChannels, magnitudeBits: 0...20)
            return RandomWinogradLayer(spec: spec, outputs: outputs, input: input, weights: weights, bias: bias)
        }
    }

    /// `count` values k / 2^fraction with |k| < 2^bits (bits from `magnitudeBits`, fraction 0…5),
    /// all of one sign or both, sometimes a −0.0 or a value at the largest magnitude, rarely a
    /// NaN or an infinity; sometimes every value −0.0.
    mutating func values(count: Int, magnitudeBits: ClosedRange<Int>) -> [Float] {
        let bits = pick(magnitudeBits), fraction = pick(0...5), signs = pick(0...2)
        let scale = Float(sign: .plus, exponent: -fraction, significand: 1)
        let top = UInt64(1) << UInt64(bits)
        if pick(0...40) == 0 { return [Float](repeating: -0.0, count: count) }
        var values = (0..<count).map { _ -> Float in
            let k = Float(generator.next() % top) * scale
            switch signs {
            case 0: return k
            case 1: return -k
            default: return generator.next() % 2 == 0 ? k : -k
            }
        }
        if count > 0 {
            if pick(0...3) == 0 { values[pick(0...count - 1)] = Float(top - 1) * scale * (pick(0...1) == 0 ? 1 : -1) }
            if pick(0...4) == 0 { values[pick(0...count - 1)] = -0.0 }
            if pick(0...80) == 0 { values[pick(0...count - 1)] = [Float.nan, .infinity, -.infinity][pick(0...2)] }
        }
        return values
    }
}
