import Foundation
import Synchronization
import Testing
@testable import ConvCore

/// The general path (float32 register tiles on every core) against the exact references: the
/// Double table path, the window-sum path, and PyTorch's fixtures — single-core and multi-core.
@Suite("General convolution path: exact where float32 is, on one core and on several")
struct GeneralPathTests {
    /// 1 forces the single-core code; 3 makes even a tiny layer split its rows over workers.
    static let threadCounts = [1, 3]

    static func general(
        _ input: Tensor4, _ weights: Tensor4, bias: [Float]?, _ spec: Conv2dSpec, threads: Int,
        workspace: Conv2dWorkspace = Conv2dWorkspace()
    ) throws -> Tensor4 {
        try GeneralConvolution.run(
            input: input, weights: weights, bias: bias, spec: spec, threads: threads, parallelThreshold: 0,
            workspace: workspace, isCancelled: { false })
    }

    /// A random valid layer: every padding mode, 'same'/'valid'/explicit, groups, strides,
    /// dilations, bias; integer inputs 0…9 and weights −3…3 keep every sum exact. `outPerGroup`
    /// and `widths` widen the draw (DirectKernelTests: blocks of 16 channels, several tiles a row).
    static func randomLayer(
        _ generator: inout SplitMixRandom, outPerGroup: [Int] = Array(1...6), widths: ClosedRange<Int> = 1...40
    ) -> (Conv2dSpec, Tensor4, Tensor4, [Float]?) {
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        while true {
            let groups = [1, 1, 2, 3][pick(0...3)]
            var p = ConvParameters()
            (p.hIn, p.wIn) = (pick(1...40), pick(widths))
            (p.inChannels, p.outChannels) = (groups * pick(1...3), groups * outPerGroup[pick(0...outPerGroup.count - 1)])
            (p.kernelSizeH, p.kernelSizeW) = (pick(1...7), pick(1...7))
            (p.strideH, p.strideW, p.dilationH, p.dilationW) = (pick(1...3), pick(1...3), pick(1...2), pick(1...2))
            (p.paddingH, p.paddingW) = (pick(0...3), pick(0...3))
            let mode = PaddingMode.allCases[pick(0...3)]
            let padding: PaddingSpec? = [nil, nil, .valid, .same][pick(0...3)]
            let spec = Conv2dSpec(p, padding: padding, paddingMode: mode, groups: groups)
            guard spec.validate() == nil else { continue }
            let input = InputSource.random(start: generator.next()).makeInput(channels: p.inChannels, hIn: p.hIn, wIn: p.wIn)
            let weights = KernelPreset.random(start: generator.next()).makeWeights(spec)
            let bias: [Float]? = pick(0...1) == 0 ? nil : (0..<p.outChannels).map { _ in Float(pick(-20...20)) / 4 }
            return (spec, input, weights, bias)
        }
    }

    @Test("random layers: equal to the exact table path", arguments: threadCounts)
    func randomLayers(threads: Int) throws {
        var generator = SplitMixRandom(start: 20_261_126)
        let workspace = Conv2dWorkspace()
        for _ in 0..<150 {
            let (spec, input, weights, bias) = Self.randomLayer(&generator)
            let reference = try Conv2dForward.tablePath(input: input, weights: weights, bias: bias, spec: spec, isCancelled: { false })
            let general = try Self.general(input, weights, bias: bias, spec, threads: threads, workspace: workspace)
            #expect(general == reference, "\(spec)")
        }
    }

    @Test("constant kernels: equal to the window-sum path", arguments: threadCounts)
    func constantKernels(threads: Int) throws {
        var generator = SplitMixRandom(start: 7)
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        var checked = 0
        while checked < 80 {
            var p = ConvParameters()
            (p.hIn, p.wIn, p.inChannels, p.outChannels) = (pick(1...48), pick(1...48), pick(1...5), pick(1...9))
            (p.kernelSizeH, p.kernelSizeW, p.paddingH, p.paddingW) = (pick(1...9), pick(1...9), pick(0...4), pick(0...4))
            (p.strideH, p.strideW, p.dilationH, p.dilationW) = (pick(1...4), pick(1...4), pick(1...3), pick(1...3))
            guard p.validate() == nil else { continue }
            let input = InputSource.random(start: generator.next()).makeInput(channels: p.inChannels, hIn: p.hIn, wIn: p.wIn)
            // Constant per (o, c) slice, a different constant per slice.
            var weights = Tensor4(shape: p.kernelShape)
            let slice = p.kernelSizeH * p.kernelSizeW
            for s in 0..<(p.outChannels * p.inChannels) {
                let value = Float(pick(-4...4))
                for i in 0..<slice { weights.storage[s * slice + i] = value }
            }
            let boxed = try Convolution.boxSumPath(input: input, weights: weights, plan: Convolution.Plan(p), isCancelled: { false })
            #expect(try Self.general(input, weights, bias: nil, Conv2dSpec(p), threads: threads) == boxed, "\(p)")
            checked += 1
        }
    }

    @Test("PyTorch's notebook fixtures (ramp, all ones) through the general path", arguments: threadCounts)
    func notebookFixtures(threads: Int) throws {
        let file = FixtureFile.shared
        for fixture in (file.random + file.edge).filter({ $0.error == nil }) {
            let p = fixture.parameters
            let output = try Self.general(
                InputSource.rampX.makeInput(p), KernelPreset.ones.makeWeights(Conv2dSpec(p)), bias: nil, Conv2dSpec(p), threads: threads)
            #expect(PyTorchAgreementTests.compare(output.storage, fixture.output!).mismatches == 0, "\(fixture)")
        }
        for fixture in file.general {
            let p = fixture.parameters
            let input = Tensor4(shape: p.inputShape, storage: fixture.input!)
            let weights = Tensor4(shape: p.kernelShape, storage: fixture.weight!)
            let output = try Self.general(input, weights, bias: nil, Conv2dSpec(p), threads: threads)
            #expect(PyTorchAgreementTests.compare(output.storage, fixture.output!).mismatches == 0, "\(fixture)")
        }
    }

    @Test("PyTorch's padding-mode, groups and bias fixtures through the general path", arguments: threadCounts)
    func layerFixtures(threads: Int) throws {
        let file = Conv2dFixtureFile.shared
        for fixture in file.cases.filter({ $0.error == nil }) {
            let spec = fixture.spec
            let output = try Self.general(
                fixture.makeInput(), fixture.makeWeights(), bias: fixture.biasList ?? spec.biasVector, spec, threads: threads)
            #expect(Conv2dAgreementTests.mismatches(output.storage, fixture.output!, exact: fixture.exact == true) == 0, "\(fixture)")
        }
        for fixture in file.float_cases {
            let output = try Self.general(
                fixture.makeInput(), fixture.makeWeights(), bias: fixture.biasList, fixture.spec, threads: threads)
            #expect(Conv2dAgreementTests.mismatches(output.storage, fixture.output!, exact: false) == 0, "\(fixture)")
        }
    }

    /// A workspace reused across layers of different shapes gives what a fresh one gives, and a
    /// repeated layer does not grow it.
    @Test func workspaceReuse() throws {
        var generator = SplitMixRandom(start: 99)
        let workspace = Conv2dWorkspace()
        var layers: [(Conv2dSpec, Tensor4, Tensor4, [Float]?)] = []
        for _ in 0..<20 { layers.append(Self.randomLayer(&generator)) }
        for (spec, input, weights, bias) in layers {
            let reused = try Self.general(input, weights, bias: bias, spec, threads: 2, workspace: workspace)
            #expect(reused == (try Self.general(input, weights, bias: bias, spec, threads: 2)))
        }
        let bytes = workspace.bytes
        let (spec, input, weights, bias) = layers[0]
        _ = try Self.general(input, weights, bias: bias, spec, threads: 2, workspace: workspace)
        #expect(workspace.bytes == bytes)
    }

    /// A stale computation stops soon after its flag is set: the workers poll it every 256 taps of
    /// a row, and each stops at its first poll that sees the flag. Counted, not timed (the time is
    /// the benchmark's): on one core and on all.
    @Test("a layer polls its cancellation flag often and stops at the first poll that sees it",
          arguments: [1, ProcessorCount.online])
    func cancellationPolling(threads: Int) throws {
        let small = RandomReflectLayer(size: 96, channels: 8, kernel: 8, inputStart: 3, weightStart: 4)
        let p = small.spec.parameters, out = small.spec.heightAxis.outputSize
        let polls = try StopPolling.polls { isCancelled in
            _ = try Conv2dForward.run(input: small.input, weights: small.weights, spec: small.spec, threads: threads,
                                      isCancelled: isCancelled)
        }
        StopPolling.checkOften(polls: polls, multiplyAdds: out * out * p.outChannels * p.inChannels * 64, "96² 8→8 k8")

        let large = RandomReflectLayer(size: 512, channels: 64, kernel: 32, inputStart: 3, weightStart: 4)
        let workspace = Conv2dWorkspace()
        for stopAt in [1, 50, 400] {
            let late = StopPolling.pollsAfterStop(at: stopAt) { isCancelled in
                _ = try Conv2dForward.run(input: large.input, weights: large.weights, spec: large.spec, threads: threads,
                                          workspace: workspace, isCancelled: isCancelled)
            }
            #expect(late <= threads, "stopped at poll \(stopAt): \(late) polls saw the stop with \(threads) workers")
        }
    }
}
