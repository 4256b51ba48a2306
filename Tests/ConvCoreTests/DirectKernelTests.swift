import Testing
@testable import ConvCore

/// The direct path's two kernels (output columns per vector, output channels per vector) must
/// give the same float32 values bit for bit: windows, planes and whole tensors are compared
/// across computations that may take either. Values are random fractions, so a different order
/// or an unfused multiply-add would change the last bits.
@Suite("Direct kernels: the pixel kernel equals the row kernel bit for bit")
struct DirectKernelTests {
    /// A random layer (`GeneralPathTests.randomLayer`: every padding mode, strides, dilations,
    /// groups, odd widths) with up to 40 output channels per group (blocks of 16 and 8 with partial
    /// last blocks), rows up to 70 wide, and fractional values in place of its integers.
    static func randomLayer(_ generator: inout SplitMixRandom) -> (Conv2dSpec, Tensor4, Tensor4, [Float]?) {
        let (spec, input, weights, bias) = GeneralPathTests.randomLayer(
            &generator, outPerGroup: [1, 3, 8, 15, 16, 17, 24, 33, 40], widths: 1...70)
        func fractions(_ count: Int) -> [Float] {
            (0..<count).map { _ in Float(Int64(generator.next() % 2_000_001) - 1_000_000) / 314_159 }
        }
        return (spec, Tensor4(shape: input.shape, storage: fractions(input.storage.count)),
                Tensor4(shape: weights.shape, storage: fractions(weights.storage.count)), bias.map { fractions($0.count) })
    }

    static func run(_ layer: (Conv2dSpec, Tensor4, Tensor4, [Float]?), kernel: DirectKernel, threads: Int) throws -> [UInt32] {
        let (spec, input, weights, bias) = layer
        return try GeneralConvolution.run(
            input: input, weights: weights, bias: bias, spec: spec, threads: threads, parallelThreshold: 0,
            kernel: kernel, workspace: Conv2dWorkspace(), isCancelled: { false }
        ).storage.map(\.bitPattern)
    }

    /// Values whose bits differ (a count: a failure's message stays one line).
    static func differences(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.count == b.count ? zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } : max(a.count, b.count)
    }

    @Test("whole layers: the same bits from both kernels", arguments: [1, 2])
    func wholeLayers(threads: Int) throws {
        var generator = SplitMixRandom(start: 2026_12_07)
        for _ in 0..<200 {
            let layer = Self.randomLayer(&generator)
            let rows = try Self.run(layer, kernel: .rows, threads: threads)
            let pixels = try Self.run(layer, kernel: .pixels, threads: threads)
            #expect(Self.differences(rows, pixels) == 0, "\(layer.0)")
        }
    }

    @Test("the course's small layers and the lab's 5×5 layer: the same bits", arguments: [(32, 8), (64, 8), (61, 5)])
    func benchmarkShapes(size: Int, kernel: Int) throws {
        var generator = SplitMixRandom(start: UInt64(size * kernel))
        func fraction() -> Float { Float(Int64(generator.next() % 2_000_001) - 1_000_000) / 314_159 }
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (size, size, 16, 16, kernel, kernel)
        let spec = Conv2dSpec(p, padding: nil, paddingMode: .zeros, groups: 1)
        let input = Tensor4(shape: spec.inputShape, storage: (0..<spec.inputShape.reduce(1, *)).map { _ in fraction() })
        let weights = Tensor4(shape: spec.kernelShape, storage: (0..<spec.kernelShape.reduce(1, *)).map { _ in fraction() })
        let layer = (spec, input, weights, Optional((0..<16).map { _ in fraction() }))
        for threads in [1, 2] {
            let (rows, pixels) = (try Self.run(layer, kernel: .rows, threads: threads), try Self.run(layer, kernel: .pixels, threads: threads))
            #expect(Self.differences(rows, pixels) == 0)
        }
    }

    @Test("windows of channels, rows and columns through the pixel kernel: the row kernel's whole layer", arguments: [1, 2])
    func windows(threads: Int) throws {
        var generator = SplitMixRandom(start: 12_07)
        func pick(_ range: Range<Int>) -> Range<Int> {
            let a = Int(generator.next() % UInt64(range.count)), b = Int(generator.next() % UInt64(range.count))
            return range.lowerBound + min(a, b)..<range.lowerBound + max(a, b) + 1
        }
        for _ in 0..<120 {
            let layer = Self.randomLayer(&generator)
            let (spec, input, weights, bias) = layer
            let whole = try Self.run(layer, kernel: .rows, threads: threads)
            let (outC, outH, outW) = (spec.parameters.outChannels, spec.heightAxis.outputSize, spec.widthAxis.outputSize)
            guard outH > 0, outW > 0 else { continue }
            let (channels, rows, columns) = (pick(0..<outC), pick(0..<outH), pick(0..<outW))
            let (planes, planeOfChannel) = try GeneralConvolution.window(
                input: input, weights: weights, bias: bias, spec: spec, channels: channels, rows: rows, columns: columns,
                threads: threads, kernel: .pixels, workspace: Conv2dWorkspace(), isCancelled: { false })
            var wrong = 0
            for c in channels {
                guard let plane = planeOfChannel[c] else { wrong += 1; continue }
                for y in rows {
                    for x in columns where planes[(plane * outH + y) * outW + x].bitPattern != whole[(c * outH + y) * outW + x] {
                        wrong += 1
                    }
                }
            }
            #expect(wrong == 0, "\(spec) channels \(channels) rows \(rows) columns \(columns)")
        }
    }

    @Test("the choice: the row kernel for 16 channels with AVX-512 and with AVX2")
    func choice() {
        #expect(DirectKernel.pixelColumns(25, widest: 28) == 28)
        #expect(DirectKernel.pixelColumns(57, widest: 28) == 60)
        #expect(DirectKernel.pixelColumns(252, widest: 28) == 252)
        #expect(DirectKernel.pixelColumns(25, widest: 12) == 28)
        #expect(DirectKernel.rowColumns(25, vector: 16) == 32)
        #expect(DirectKernel.rowColumns(252, vector: 16) == 256)
        #expect(DirectKernel.rowColumns(57, vector: 8) == 64)
        switch InstructionSet.name {
        case "avx512":
            // 32 row lanes of 16-channel blocks against 28 pixels: less than a pixel lane's 1.25×.
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 25) == .rows)
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 252) == .rows)
            // 17 channels: 24 rows lanes (3 blocks of 8) against 32 (2 of 16).
            #expect(DirectKernel.choice(outPerGroup: 17, columns: 252) == .rows)
        case "avx2":
            // A pixel lane costs 1.35 row lanes: 28 × 1.35 against 32 at 25 columns, 36 × 1.35
            // against 40 at 33, 252 against 256 at 252.
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 25) == .rows)
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 33) == .rows)
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 252) == .rows)
            #expect(DirectKernel.choice(outPerGroup: 1, columns: 252) == .rows)
            // A 1-column row: 8 row lanes against 4 pixel lanes.
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 1) == .pixels)
            // 3 channels leave 1 of 4 row lanes idle against 5 of 8 pixel lanes.
            #expect(DirectKernel.choice(outPerGroup: 3, columns: 252) == .rows)
        default:
            #expect(DirectKernel.choice(outPerGroup: 16, columns: 25) == .rows)
        }
    }
}
