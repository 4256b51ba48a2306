import Testing
@testable import ConvCore

/// The generated inputs, filled row by row, against their one-element definitions; the
/// vectorised min/max against a plain scan.
@Suite struct FillAndScanTests {
    /// The value each generated input defines at (y, x) of a height × width plane.
    static func defined(_ source: InputSource, y: Int, x: Int, height: Int, width: Int) -> Float {
        let side = max(1, min(height, width) / 4)
        return switch source {
        case .rampX, .notebook: Float(x)
        case .rampY: Float(y)
        case .impulse: y == height / 2 && x == width / 2 ? 1 : 0
        case .checker: (y / side + x / side) % 2 == 0 ? 1 : 0
        case .random: .nan
        }
    }

    @Test(arguments: [InputSource.rampX, .rampY, .impulse, .checker, .notebook], [(1, 1), (7, 5), (4, 9), (13, 13)])
    func generatedInputMatchesItsDefinition(source: InputSource, size: (h: Int, w: Int)) {
        let t = source.makeInput(channels: 3, hIn: size.h, wIn: size.w)
        let (height, width) = source.planeSize(hIn: size.h, wIn: size.w)
        #expect(t.shape == [1, 3, height, width])
        for c in 0..<3 {
            for y in 0..<height {
                for x in 0..<width {
                    #expect(t[0, c, y, x] == Self.defined(source, y: y, x: x, height: height, width: width), "\(c) \(y) \(x)")
                }
            }
        }
    }

    @Test(arguments: [2, 15, 16, 17, 100, 1027])
    func planeRangesMatchAPlainScan(size: Int) {
        var generator = SplitMixRandom(start: UInt64(size))
        var values = generator.floats(2 * size, in: -9...9)
        values[size + size / 2] = .nan  // skipped: not the first value of its plane
        let maps = FeatureMaps(shape: [1, 2, 1, size], planeOfChannel: [0, 1], storage: values)
        for (plane, range) in maps.planeRanges().enumerated() {
            let finite = values[plane * size..<(plane + 1) * size].filter { !$0.isNaN }
            #expect(range.min == finite.min() && range.max == finite.max(), "plane \(plane)")
        }
    }

    @Test func aPlaneStartingWithNaNKeepsIt() {
        let maps = FeatureMaps(shape: [1, 1, 1, 20], planeOfChannel: [0], storage: [.nan] + (1...19).map(Float.init))
        #expect(maps.planeRanges()[0].min.isNaN && maps.planeRanges()[0].max.isNaN)
    }
}
