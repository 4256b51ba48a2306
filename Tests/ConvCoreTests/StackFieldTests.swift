import Testing
@testable import ConvCore

/// Receptive fields against a brute-force trace of the taps, U-Net size control, coverage and cost.
@Suite struct StackFieldTests {
    /// The input coordinates (maps extended forever, padding included) output cell `o` of the last
    /// layer depends on, following each layer's taps back: i = o·s − p_before + k·d through windows,
    /// i = (o + p − k·d)/s where whole through transposed convolutions.
    static func bruteForce(_ layers: [StackLayer], axis: PaddingSpec.Axis, output o: Int) -> Set<Int> {
        var cells: Set<Int> = [o]
        for layer in layers.reversed() {
            switch layer {
            case let .convTranspose2d(l):
                let (k, s, d, p) = (l.kernelSize[axis], l.stride[axis], l.dilation[axis], l.padding[axis])
                var next: Set<Int> = []
                for q in cells {
                    for t in 0..<k where (q + p - t * d) % s == 0 { next.insert((q + p - t * d) / s) }
                }
                cells = next
                continue
            default: break
            }
            let window: (k: Int, s: Int, d: Int, p: Int)? = switch layer {
            case let .conv2d(l): (l.kernelSize[axis], l.stride[axis], l.dilation[axis], l.appliedPadding(axis).before)
            case let .maxPool2d(l): (l.window.kernel[axis], l.window.stride[axis], l.window.dilation[axis], l.window.padding[axis])
            case let .avgPool2d(l): (l.window.kernel[axis], l.window.stride[axis], 1, l.window.padding[axis])
            default: nil
            }
            guard let w = window else { continue }
            cells = Set(cells.flatMap { q in (0..<w.k).map { q * w.s - w.p + $0 * w.d } })
        }
        return cells
    }

    static func randomStack(_ random: inout SplitMixRandom, transposed: Bool) -> [StackLayer] {
        (0..<random.integer(in: 1...5)).map { _ in
            let k = SpatialPair(random.integer(in: 1...4), random.integer(in: 1...4))
            let s = SpatialPair(random.integer(in: 1...3), random.integer(in: 1...3))
            let d = SpatialPair(random.integer(in: 1...3), random.integer(in: 1...2))
            switch random.integer(in: 0...(transposed ? 4 : 3)) {
            case 0: return .conv2d(Conv2dLayer(1, 1, kernelSize: k, stride: s,
                                               padding: .explicit(h: random.integer(in: 0...2), w: random.integer(in: 0...2)),
                                               dilation: d))
            case 1: return .conv2d(Conv2dLayer(1, 1, kernelSize: k, padding: .same, dilation: d))
            case 2: return .maxPool2d(MaxPool2dLayer(kernelSize: .pair(k.h, k.w), stride: .pair(s.h, s.w),
                                                     padding: .int(min(k.h, k.w) / 2), dilation: .pair(d.h, d.w)))
            case 3: return .avgPool2d(AvgPool2dLayer(kernelSize: .pair(k.h, k.w), stride: .int(s.w)))
            default: return .convTranspose2d(ConvTranspose2dLayer(1, 1, kernelSize: k, stride: s,
                                                                  padding: SpatialPair(random.integer(in: 0...2), 0),
                                                                  dilation: d))
            }
        }
    }

    static func field(_ layers: [StackLayer]) -> Field? {
        layers.reduce(Reach.input) { $1.reach(after: $0) }.field
    }

    @Test func textbookFormulasAndTheTapsAgreeOn300WindowStacks() {
        var random = SplitMixRandom(start: 7)
        for _ in 0..<300 {
            let layers = Self.randomStack(&random, transposed: false)
            let field = Self.field(layers)!
            for axis in [PaddingSpec.Axis.height, .width] {
                // r′ = r + (k′−1)·j, j′ = j·s, start′ = start + ((k′−1)/2 − p)·j.
                var (r, j, start) = (Fraction(1), Fraction(1), Fraction(0))
                for layer in layers {
                    let (k, s, d, p): (Int, Int, Int, Int) = switch layer {
                    case let .conv2d(l): (l.kernelSize[axis], l.stride[axis], l.dilation[axis], l.appliedPadding(axis).before)
                    case let .maxPool2d(l): (l.window.kernel[axis], l.window.stride[axis], l.window.dilation[axis], l.window.padding[axis])
                    case let .avgPool2d(l): (l.window.kernel[axis], l.window.stride[axis], 1, l.window.padding[axis])
                    default: (1, 1, 1, 0)
                    }
                    let span = Fraction(d * (k - 1))
                    (r, j, start) = (r + span * j, j * Fraction(s), start + (span / Fraction(2) - Fraction(p)) * j)
                }
                #expect(field[axis] == FieldAlongAxis(size: r, jump: j, start: start), "\(layers)")
                let first = Self.bruteForce(layers, axis: axis, output: 0)
                let second = Self.bruteForce(layers, axis: axis, output: 1)
                #expect(r == Fraction(first.max()! - first.min()! + 1), "\(layers)")
                #expect(start == Fraction(first.max()! + first.min()!, 2), "\(layers)")
                #expect(j == Fraction(second.max()! + second.min()!, 2) - start, "\(layers)")
            }
        }
    }

    @Test func transposedStacksReportTheWidestCellOverAPeriod() {
        var random = SplitMixRandom(start: 11)
        var checked = 0
        for _ in 0..<300 {
            let layers = Self.randomStack(&random, transposed: true)
            guard let field = Self.field(layers) else { continue }
            for axis in [PaddingSpec.Axis.height, .width] {
                let period = layers.reduce(1) { p, l in
                    if case let .convTranspose2d(t) = l { return p * t.stride[axis] }
                    return p
                }
                let cells = (0..<2 * period).map { Self.bruteForce(layers, axis: axis, output: $0) }
                let widest = cells.filter { !$0.isEmpty }.map { $0.max()! - $0.min()! + 1 }.max()!
                #expect(field[axis].size == Fraction(widest), "\(layers)")
                let q = cells.firstIndex { !$0.isEmpty }!
                #expect(field[axis].jump == Fraction(cells[q + period].min()! - cells[q].min()!, period), "\(layers)")
                #expect(field[axis].start == Fraction(cells[q].max()! + cells[q].min()!, 2) - Fraction(q) * field[axis].jump)
            }
            checked += 1
        }
        #expect(checked > 250)
        // k=3, s=2: outputs read 1 or 2 inputs (the checkerboard); r is the wider, j is ½.
        let up = Self.field([try! LayerParser.parse("ConvTranspose2d(1, 1, 3, stride=2, padding=1)")])!.h
        #expect(up == FieldAlongAxis(size: Fraction(2), jump: Fraction(1, 2), start: Fraction(0)))
    }

    @Test func sevenAndEightBothGiveFourAtStrideTwo() throws {
        let conv = try LayerParser.parse("Conv2d(1, 1, 3, stride=2, padding=1)")
        let size = try #require(UNetSizing.outputSizeFunction(of: conv, axis: .height))
        #expect(size(7) == 4 && size(8) == 4)
        #expect(UNetSizing.inputsSharingOutput(with: 7, in: 1...64, outputSize: size) == [7, 8])
        let pool = try LayerParser.parse("MaxPool2d(2)")
        #expect(UNetSizing.inputsSharingOutput(with: 71, in: 1...200, outputSize: UNetSizing.outputSizeFunction(of: pool, axis: .width)!) == [70, 71])
    }

    @Test func outputPaddingIsFoundOrRefused() throws {
        guard case let .convTranspose2d(up) = try LayerParser.parse("ConvTranspose2d(4, 2, 2, stride=2)") else { return }
        let ok = UNetSizing.outputPadding(for: up, input: SpatialPair(35, 35), target: SpatialPair(71, 70))
        #expect(ok.h == 1 && ok.w == 0)
        let none = UNetSizing.outputPadding(for: up, input: SpatialPair(35, 35), target: SpatialPair(72, 69))
        #expect(none.h == nil && none.w == nil)
    }

    @Test func coverageCountsReadsAndWrites() throws {
        // One row, 7 columns, k=3, s=2, no padding: windows read 0-2, 2-4, 4-6; nothing is dropped.
        let conv = try LayerParser.parse("Conv2d(1, 1, (1, 3), stride=(1, 2))")
        #expect(Coverage.counts(layer: conv, input: SpatialPair(1, 7))! == [[1, 1, 2, 1, 2, 1, 1]])
        // 8 columns: the last is never read (the floor drops it).
        #expect(Coverage.counts(layer: conv, input: SpatialPair(1, 8))! == [[1, 1, 2, 1, 2, 1, 1, 0]])
        // Rows and columns multiply: with padding 1 every window of a 3×3 map reads the centre.
        #expect(Coverage.counts(layer: try LayerParser.parse("Conv2d(1, 1, 3, padding=1)"), input: SpatialPair(3, 3))!
                    == [[4, 6, 4], [6, 9, 6], [4, 6, 4]])
        // Stride above the kernel leaves gaps.
        let gaps = try LayerParser.parse("MaxPool2d(1, stride=2)")
        #expect(Coverage.counts(layer: gaps, input: SpatialPair(1, 5))! == [[1, 0, 1, 0, 1]])
        // Reflect padding reads the mirrored cells again; zero padding reads nothing.
        let reflect = try LayerParser.parse("Conv2d(1, 1, (1, 3), padding=(0, 1), padding_mode='reflect')")
        #expect(Coverage.counts(layer: reflect, input: SpatialPair(1, 4))! == [[2, 4, 4, 2]])
        let zeros = try LayerParser.parse("Conv2d(1, 1, (1, 3), padding=(0, 1))")
        #expect(Coverage.counts(layer: zeros, input: SpatialPair(1, 4))! == [[2, 3, 3, 2]])
        // Transposed k=3, s=2: outputs alternate 1 and 2 writers, the checkerboard; k=4, s=2 is even
        // inside (the edges lose the writers that padding=1 crops away).
        let uneven = try LayerParser.parse("ConvTranspose2d(1, 1, (1, 3), stride=(1, 2), padding=(0, 1))")
        #expect(Coverage.counts(layer: uneven, input: SpatialPair(1, 4))! == [[1, 2, 1, 2, 1, 2, 1]])
        let even = try LayerParser.parse("ConvTranspose2d(1, 1, (1, 4), stride=(1, 2), padding=(0, 1))")
        #expect(Coverage.counts(layer: even, input: SpatialPair(1, 4))! == [[1, 2, 2, 2, 2, 2, 2, 1]])
        #expect(Coverage.counts(layer: .shapePreserving(.identity), input: SpatialPair(2, 2)) == nil)
    }

    @Test func parametersAndMultiplicationsLikeTorchinfo() throws {
        let layers = try ModelParser.parse("""
            Conv2d(3, 8, 3, padding=1)
            BatchNorm2d(8)
            ConvTranspose2d(8, 4, 2, stride=2, groups=2, bias=False)
            MaxPool2d(2)
            """)
        let trace = StackTrace(inputShape: [1, 3, 16, 16], layers: layers)
        #expect(trace.layers.map(\.parameterCount) == [3 * 8 * 9 + 8, 16, 8 * 2 * 4, 0])
        #expect(trace.layers.map(\.multiplications) == [8 * 16 * 16 * 27, 0, 8 * 16 * 16 * 2 * 4, 0])
        #expect(trace.shapeLine == "1×3×16×16 → 1×8×16×16 → 1×8×16×16 → 1×4×32×32 → 1×4×16×16")
    }

    @Test func layersAfterTheBreakAreKeptAsNotRun() throws {
        let layers = try ModelParser.parse("Conv2d(3, 8, 3)\nConv2d(4, 8, 3)\nReLU()\nCat(0)")
        let trace = StackTrace(inputShape: [1, 3, 16, 16], layers: layers)
        #expect(trace.layers.map(\.status) == [
            .ran,
            .failed(.channelMismatch(conv: "groups=1", weightShape: [8, 4, 3, 3], inputShape: [1, 8, 14, 14], expected: 4)),
            .notRun, .notRun,
        ])
        #expect(trace.failure?.error.message == "Given groups=1, weight of size [8, 4, 3, 3], expected input[1, 8, 14, 14] "
                    + "to have 4 channels, but got 8 channels instead")
        #expect(trace.shapeLine == "1×3×16×16 → 1×8×14×14 → ✗ Conv2d")
        // The first layer's C_in must be the input's channels: PyTorch's own message at layer 0.
        let first = StackTrace(inputShape: [1, 1, 16, 16], layers: layers)
        #expect(first.failure?.index == 0)
    }
}
