import Testing
@testable import ConvCore

/// Random values drawn by index (in parallel, or from the middle) are the generator's, in turn.
struct IndexedRandomTests {
    static let starts: [UInt64] = [0, 1, 7, 0x9E37_79B9_7F4A_7C15, .max]
    static let ranges: [ClosedRange<Int>] = [InputSource.randomValues, KernelPreset.randomValues, 0...255, 5...5, -1000...1000]

    @Test(arguments: starts, ranges)
    func manyValuesOnOneCoreAndTwoAreTheGeneratorsInTurn(start: UInt64, range: ClosedRange<Int>) {
        // More than two pieces, the last one short, so pieces meet where the cores split them.
        let count = 2 * IndexedRandom.pieceSize + 4_099
        var generator = SplitMixRandom(start: start)
        let expected = generator.floats(count, in: range)
        #expect(IndexedRandom.floats(count, start: start, in: range, threads: 1) == expected)
        #expect(IndexedRandom.floats(count, start: start, in: range, threads: 2) == expected)
    }

    @Test(arguments: starts)
    func aRunFromTheMiddleIsThatPartOfTheSequence(start: UInt64) {
        var generator = SplitMixRandom(start: start)
        let expected = generator.floats(1_000, in: InputSource.randomValues)
        for (first, count) in [(0, 1), (1, 17), (333, 401), (999, 1)] {
            var part = [Float](repeating: -1, count: count)
            part.withUnsafeMutableBufferPointer {
                IndexedRandom.fill($0.baseAddress!, start: start, first: first, count: count, in: InputSource.randomValues)
            }
            #expect(part == Array(expected[first..<(first + count)]))
        }
    }

    @Test func aRandomInputIsTheGeneratorsValuesInNCHWOrder() {
        let input = InputSource.random(start: 3).makeInput(channels: 3, hIn: 37, wIn: 41)
        var generator = SplitMixRandom(start: 3)
        #expect(input.shape == [1, 3, 37, 41])
        #expect(input.storage == generator.floats(3 * 37 * 41, in: InputSource.randomValues))
    }
}
