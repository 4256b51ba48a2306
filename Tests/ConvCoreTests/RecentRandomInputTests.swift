import Testing
@testable import ConvCore

/// A random input made from the one kept before (its shared values copied, the rest drawn) is
/// the input drawn afresh, value for value.
struct RecentRandomInputTests {
    @Test("grown from kept values, longer or shorter, a tensor is the one drawn afresh")
    func grownIsDrawnAfresh() throws {
        let range = InputSource.randomValues
        let kept = IndexedRandom.floats(16 * 256 * 256, start: 3, in: range)
        for count in [16 * 257 * 256, 16 * 256 * 257, 16 * 256 * 256 - 1, 16 * 255 * 256, 16 * 256 * 256 + 1] {
            let grown = try #require(RecentRandomInput.grown(kept, to: count, start: 3, range: range))
            #expect(grown == IndexedRandom.floats(count, start: 3, in: range))
        }
    }

    @Test("more than an eighth left to draw: drawn whole instead (nil)")
    func mostlyNewIsDrawnWhole() {
        let kept = IndexedRandom.floats(1_000, start: 9, in: InputSource.randomValues)
        #expect(RecentRandomInput.grown(kept, to: 1_200, start: 9, range: InputSource.randomValues) == nil)
        #expect(RecentRandomInput.grown([], to: 10, start: 9, range: InputSource.randomValues) == nil)
        #expect(RecentRandomInput.grown(kept, to: 1_125, start: 9, range: InputSource.randomValues) != nil)
    }

    @Test("the course keys' steps (h_in and w_in one up and back) give the inputs drawn afresh")
    func courseKeysSteps() {
        for (h, w) in [(256, 256), (257, 256), (256, 256), (256, 257), (256, 256), (100, 256), (256, 256)] {
            let made = InputSource.random(start: 11).makeInput(channels: 16, hIn: h, wIn: w)
            let count = 16 * h * w
            #expect(made.shape == [1, 16, h, w])
            #expect(made.storage == IndexedRandom.floats(count, start: 11, in: InputSource.randomValues), "\(h)×\(w)")
        }
    }
}
