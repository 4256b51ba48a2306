import CConvKernels
import Foundation
import Testing
@testable import ConvCore

/// The FFT path (`FFTConvolution`) against PyTorch's outputs in the committed fixtures and against
/// the direct path, forced onto every layer whatever the cost model would choose.
@Suite("FFT path: the same values as PyTorch and the direct path")
struct FFTPathTests {
    static let fixtures = Conv2dFixtureFile.shared
    /// Layers with kernels of 5×5 and more (scripts/make_fft_fixtures.py), each run by PyTorch.
    static let largeKernels = torchCases("pytorch_fft_layers.json")

    /// The cases of a fixture file PyTorch 2.13 wrote into Fixtures/.
    static func torchCases(_ name: String) -> [Conv2dFixtureCase] {
        struct File: Decodable { let torch_version: String; let cases: [Conv2dFixtureCase] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
        let file = try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        precondition(file.torch_version.hasPrefix("2.13"))
        return file.cases
    }
    static let ran = fixtures.cases.filter { $0.error == nil } + fixtures.float_cases.filter { $0.error == nil }
        + largeKernels

    /// The two smallest tile sizes the kernel fits: several tiles per plane, and fewer.
    static func plans(_ spec: Conv2dSpec) -> [FFTPlan] {
        Array((2...10).compactMap { FFTPlan(spec: spec, log2n: $0) }.prefix(2))
    }

    static func fft(_ input: Tensor4, _ weights: Tensor4, _ bias: [Float]?, _ spec: Conv2dSpec, _ plan: FFTPlan,
                    threads: Int = 2) throws -> Tensor4? {
        guard let rounding = FFTRounding.of(input: input, weights: weights, bias: bias, spec: spec) else { return nil }
        return try FFTConvolution.run(input: input, weights: weights, bias: bias, spec: spec, plan: plan,
                                      rounding: rounding, threads: threads) { false }
    }

    @Test("every fixture layer (padding modes, same/valid, stride, dilation, groups, bias)", arguments: ran)
    func fixtureLayer(_ fixture: Conv2dFixtureCase) throws {
        let spec = fixture.spec
        let input = fixture.makeInput(), weights = fixture.makeWeights()
        let bias = fixture.biasList ?? spec.biasVector
        let plans = Self.plans(spec)
        #expect(!plans.isEmpty)
        for plan in plans {
            let output = try #require(try Self.fft(input, weights, bias, spec, plan), "values out of the FFT's range")
            #expect(output.shape == fixture.output_shape)
            let wrong = Conv2dAgreementTests.mismatches(output.storage, fixture.output!, exact: fixture.exact == true)
            #expect(wrong == 0, "n=\(plan.n): \(Array(zip(output.storage, fixture.output!).filter { $0 != $1 }.prefix(3)))")
        }
    }

    @Test func fixturesCoverTheShapes() {
        #expect(Self.ran.contains { $0.spec.heightAxis.stride > 1 })
        #expect(Self.ran.contains { $0.spec.heightAxis.dilation > 1 })
        #expect(Self.ran.contains { $0.groups > 1 })
        #expect(Self.ran.filter { $0.spec.heightAxis.kernel * $0.spec.widthAxis.kernel >= 25 }.count >= 16)
        #expect(Self.ran.contains { $0.padding == "same" } && Self.ran.contains { $0.padding == "valid" })
        for mode in PaddingMode.allCases { #expect(Self.ran.contains { $0.padding_mode == mode.rawValue }) }
    }

    /// Larger random layers, integer values: bit for bit the direct path's, on one core and two.
    @Test("random integer layers equal the direct path", arguments: RandomLayer.cases)
    func integerLayer(_ layer: RandomLayer) throws {
        let (input, weights, bias, spec) = layer.tensors(integers: true)
        let direct = try GeneralConvolution.run(input: input, weights: weights, bias: bias, spec: spec, threads: 2,
                                                workspace: Conv2dWorkspace()) { false }
        for plan in Self.plans(spec) {
            for threads in [1, 2] {
                let output = try #require(try Self.fft(input, weights, bias, spec, plan, threads: threads))
                #expect(output.shape == direct.shape)
                #expect(output.storage == direct.storage, "n=\(plan.n) threads=\(threads)")
            }
        }
    }

    /// Random non-integer values: within 1e-5 of the direct path (both within float32 rounding of the
    /// exact sums; the Double textbook loop is the referee).
    @Test("random float layers within tolerance", arguments: RandomLayer.cases)
    func floatLayer(_ layer: RandomLayer) throws {
        let (input, weights, bias, spec) = layer.tensors(integers: false)
        let exact = try Conv2dForward.tablePath(input: input, weights: weights, bias: bias, spec: spec) { false }
        for plan in Self.plans(spec) {
            let output = try #require(try Self.fft(input, weights, bias, spec, plan))
            #expect(Conv2dAgreementTests.mismatches(output.storage, exact.storage, exact: false) == 0, "n=\(plan.n)")
        }
    }

    static func square(_ size: Int, _ c: Int, _ k: Int) -> Conv2dSpec {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (size, size, c, c, k, k)
        return Conv2dSpec(p)
    }

    @Test func costModelChoosesFFTForLargeKernelsOnly() {
        let spec = Self.square
        func best(_ spec: Conv2dSpec) -> FFTPlan? { FFTPlan.best(for: spec, directAdvantage: FFTPlan.directAdvantage) }
        // 16 channels of 8×8: 11.6 times fewer flops by FFT at 1024², 9.4 at 256², 8.0 at 128²
        // (0.86 ms by FFT against 1.12 direct), 4.1 at 64², where the FFT takes twice as long.
        #expect(best(spec(1024, 16, 8)) != nil)
        #expect(FFTPlan(spec: spec(1024, 16, 8), log2n: 6).map { FFTPlan.directFlops(spec(1024, 16, 8)) / $0.flops }
            .map { $0 > 11 && $0 > FFTPlan.directAdvantage } == true)
        #expect(best(spec(256, 16, 8)) != nil)
        #expect(best(spec(128, 16, 8)) != nil)
        #expect(best(spec(64, 16, 8)) == nil)
        // The lab's layer, 5×5 kernels: the transforms cost more than the taps save.
        #expect(best(spec(256, 16, 5)) == nil)
        #expect(best(spec(1024, 16, 5)) == nil)
        #expect(best(spec(512, 32, 16)) != nil)
        #expect(best(spec(1024, 64, 32)) != nil)
        #expect(best(spec(1024, 64, 32))!.kernelSpectraBytes <= FFTPlan.spectraLimit)
        #expect(best(spec(1024, 16, 3)) == nil)
        #expect(best(spec(1024, 16, 4)) == nil)
    }

    /// Where the kernels run AVX2 (measured on Zen 3) the FFT path pays from about 9.5 times fewer
    /// flops: the lab's 5×5 layer, 128² and 256² 8×8 stay direct; 512² 8×8, 224² 64→64 7×7 and
    /// 1024² 32×32 go to the FFT.
    @Test func costModelOnAVX2() {
        let spec = Self.square
        func best(_ spec: Conv2dSpec) -> FFTPlan? { FFTPlan.best(for: spec, directAdvantage: FFTPlan.directAdvantageAVX2) }
        #expect(best(spec(256, 16, 5)) == nil)
        #expect(best(spec(1024, 16, 5)) == nil)
        #expect(best(spec(128, 16, 8)) == nil)
        #expect(best(spec(256, 16, 8)) == nil)
        #expect(best(spec(512, 16, 8)) != nil)
        #expect(best(spec(1024, 16, 8)) != nil)
        #expect(best(spec(224, 64, 7)) != nil)
        #expect(best(spec(112, 64, 7)) == nil)
        #expect(best(spec(1024, 64, 32)) != nil)
        #expect(best(spec(1024, 16, 4)) == nil)
        #expect(FFTPlan.directAdvantageHere == (InstructionSet.name == "avx2" ? 9.5 : 7.5))
    }

    @Test func roundingRefusesValuesTheTransformCannotKeep() {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (8, 8, 1, 1, 5, 5)
        let spec = Conv2dSpec(p)
        let weights = Tensor4(shape: spec.kernelShape, storage: [Float](repeating: 1, count: 25))
        func input(_ value: Float) -> Tensor4 { Tensor4(shape: spec.inputShape, storage: [Float](repeating: value, count: 64)) }
        #expect(FFTRounding.of(input: input(3), weights: weights, bias: nil, spec: spec) == .grid(bits: 0))
        #expect(FFTRounding.of(input: input(0.25), weights: weights, bias: [0.5], spec: spec) == .grid(bits: 2))
        // 0.1 as a float is a multiple of 2^−27: with weights as fine the grid would need 2^−54.
        let fine = Tensor4(shape: spec.kernelShape, storage: [Float](repeating: 0.1, count: 25))
        #expect(FFTRounding.of(input: input(0.1), weights: fine, bias: nil, spec: spec) == .nearest)
        #expect(FFTRounding.of(input: input(.nan), weights: weights, bias: nil, spec: spec) == nil)
        #expect(FFTRounding.of(input: input(.infinity), weights: weights, bias: nil, spec: spec) == nil)
        #expect(FFTRounding.of(input: input(1e30), weights: weights, bias: nil, spec: spec) == nil)
    }

    @Test("a −0.0 bias keeps the layer direct: the direct sums start at it and stay −0.0")
    func negativeZeroBiasStaysDirect() throws {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (40, 40, 2, 3, 9, 9)
        let spec = Conv2dSpec(p)
        // +0 inputs times negative weights: every product −0.0.
        let input = Tensor4(shape: spec.inputShape, repeating: 0)
        let weights = Tensor4(shape: spec.kernelShape, repeating: -2)
        let bias: [Float] = [-0.0, 1, -0.0]
        let plan = try #require(Self.plans(spec).first)
        // Rounded on the grid, the FFT's sums end +0.0 where the direct path's end −0.0.
        let forced = try FFTConvolution.run(input: input, weights: weights, bias: bias, spec: spec, plan: plan,
                                            rounding: .grid(bits: 0), threads: 2) { false }
        let direct = try GeneralConvolution.run(input: input, weights: weights, bias: bias, spec: spec, threads: 2,
                                                workspace: Conv2dWorkspace()) { false }
        #expect(direct.storage.contains { $0 == 0 && $0.sign == .minus })
        #expect(forced.storage.map(\.bitPattern) != direct.storage.map(\.bitPattern))
        #expect(FFTRounding.of(input: input, weights: weights, bias: bias, spec: spec) == nil)
        let chosen = try Conv2dForward.run(input: input, weights: weights, bias: bias, spec: spec)
        #expect(chosen.storage.map(\.bitPattern) == direct.storage.map(\.bitPattern))
    }

    @Test func scanSeesEveryValueWhateverItsLane() {
        // The scan keeps 16 lanes apart and takes the values past the last 16 one by one.
        for count in [1, 15, 16, 17, 47, 64] {
            for at in [0, count / 2, count - 1] {
                var values = [Float](repeating: 2, count: count)
                values[at] = 0.5
                var largest: Float = 0
                #expect(values.withUnsafeBufferPointer { convscope_scan_values($0.baseAddress, Int64(count), &largest) } == 1)
                values[at] = -7
                #expect(values.withUnsafeBufferPointer { convscope_scan_values($0.baseAddress, Int64(count), &largest) } == 0)
                #expect(largest == 7)
                values[at] = .nan
                #expect(values.withUnsafeBufferPointer { convscope_scan_values($0.baseAddress, Int64(count), &largest) } == 2)
            }
        }
    }

    @Test func workspaceReusedAcrossLayersGivesTheSameValues() throws {
        // One workspace through layers of other sizes and back: its kernel spectra and tile
        // buffers grow and are rewritten, never read stale.
        let workspace = Conv2dWorkspace()
        for layer in RandomLayer.cases.prefix(4) + RandomLayer.cases.prefix(2) {
            let (input, weights, bias, spec) = layer.tensors(integers: true)
            let rounding = try #require(FFTRounding.of(input: input, weights: weights, bias: bias, spec: spec))
            for plan in Self.plans(spec) {
                let fresh = try FFTConvolution.run(input: input, weights: weights, bias: bias, spec: spec, plan: plan,
                                                   rounding: rounding, threads: 2) { false }
                let reused = try FFTConvolution.run(input: input, weights: weights, bias: bias, spec: spec, plan: plan,
                                                    rounding: rounding, threads: 2, workspace: workspace) { false }
                #expect(reused.storage == fresh.storage, "n=\(plan.n)")
            }
        }
        #expect(workspace.bytes > 0)
    }

    @Test func cancelledStops() throws {
        let (input, weights, bias, spec) = RandomLayer.cases[0].tensors(integers: true)
        let plan = try #require(Self.plans(spec).first)
        #expect(throws: ComputationCancelled.self) {
            _ = try FFTConvolution.run(input: input, weights: weights, bias: bias, spec: spec, plan: plan,
                                       rounding: .grid(bits: 0), threads: 2) { true }
        }
    }
}

/// A random layer for the FFT tests: shape, stride, dilation, groups, padding and its mode.
struct RandomLayer: CustomStringConvertible, Sendable {
    let size: (h: Int, w: Int), channels: (in: Int, out: Int), kernel: (h: Int, w: Int)
    let stride: Int, dilation: Int, groups: Int, padding: Int, mode: PaddingMode, bias: Bool

    static let cases: [RandomLayer] = [
        RandomLayer(size: (40, 37), channels: (3, 5), kernel: (5, 5), stride: 1, dilation: 1, groups: 1, padding: 0, mode: .zeros, bias: false),
        RandomLayer(size: (33, 50), channels: (4, 6), kernel: (7, 5), stride: 2, dilation: 1, groups: 2, padding: 3, mode: .reflect, bias: true),
        RandomLayer(size: (29, 31), channels: (2, 3), kernel: (5, 6), stride: 3, dilation: 2, groups: 1, padding: 4, mode: .circular, bias: true),
        RandomLayer(size: (64, 64), channels: (6, 6), kernel: (9, 9), stride: 1, dilation: 1, groups: 3, padding: 2, mode: .replicate, bias: false),
        RandomLayer(size: (70, 45), channels: (5, 7), kernel: (8, 8), stride: 1, dilation: 3, groups: 1, padding: 5, mode: .zeros, bias: true),
    ]

    var description: String {
        "\(size.h)×\(size.w) \(channels.in)→\(channels.out) k\(kernel.h)×\(kernel.w) s\(stride) d\(dilation) g\(groups) p\(padding) \(mode)"
    }

    var spec: Conv2dSpec {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels) = (size.h, size.w, channels.in, channels.out)
        (p.kernelSizeH, p.kernelSizeW, p.strideH, p.strideW) = (kernel.h, kernel.w, stride, stride)
        (p.dilationH, p.dilationW, p.paddingH, p.paddingW) = (dilation, dilation, padding, padding)
        return Conv2dSpec(p, paddingMode: mode, groups: groups)
    }

    /// Integers 0…9 and −3…3 (every sum exact), or floats with 20 fraction bits.
    func tensors(integers: Bool) -> (Tensor4, Tensor4, [Float]?, Conv2dSpec) {
        let spec = self.spec
        var random = SplitMixRandom(start: UInt64(size.h * 131 + kernel.w))
        func values(_ count: Int, _ range: ClosedRange<Int>) -> [Float] {
            integers ? random.floats(count, in: range)
                : (0..<count).map { _ in Float(random.integer(in: -(1 << 20)...(1 << 20))) / Float(1 << 20) * Float(range.upperBound) }
        }
        let input = Tensor4(shape: spec.inputShape, storage: values(spec.inputShape.reduce(1, *), 0...9))
        let weights = Tensor4(shape: spec.kernelShape, storage: values(spec.kernelShape.reduce(1, *), -3...3))
        return (input, weights, bias ? values(channels.out, -3...3) : nil, spec)
    }
}
