import Synchronization
import Testing
@testable import ConvCore

/// The window-sum path split among the cores (planes of 256 K values and more) against the
/// textbook loop, and stopping when cancelled from its threads.
@Suite struct WindowSumSplitTests {
    /// A 600×520 layer with constant 5×5 kernels, padding 3, stride 2, dilation 2.
    static func layer(identicalChannels: Bool) -> (Tensor4, Tensor4, ConvParameters) {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (600, 520, 2, 2, 5, 5)
        (p.paddingH, p.paddingW, p.strideH, p.strideW, p.dilationH, p.dilationW) = (3, 3, 2, 2, 2, 2)
        var generator = SplitMixRandom(start: 11)
        let plane = generator.floats(p.hIn * p.wIn, in: 0...9)
        let input = Tensor4(shape: p.inputShape, storage: identicalChannels ? plane + plane : generator.floats(2 * plane.count, in: 0...9))
        let coefficients: [Float] = [1, -2, 3, 1]  // (o, c) → the slice's one value
        let weights = Tensor4(shape: p.kernelShape, storage: coefficients.flatMap { [Float](repeating: $0, count: 25) })
        return (input, weights, p)
    }

    @Test(arguments: [true, false])
    func splitWindowSumsEqualTheTextbookLoop(identicalChannels: Bool) throws {
        let (input, weights, p) = Self.layer(identicalChannels: identicalChannels)
        #expect(WindowSums.parts(forValues: p.hIn * p.wIn) == min(4, ProcessorCount.online))
        let plan = Convolution.Plan(p)
        let fast = try Convolution.boxSumPath(input: input, weights: weights, plan: plan, isCancelled: { false })
        let reference = try Convolution.directPath(input: input, weights: weights, plan: plan, isCancelled: { false })
        #expect(fast == reference)
    }

    @Test func cancelledFromAnyThreadItStops() {
        let (input, weights, p) = Self.layer(identicalChannels: false)
        let looks = Atomic<Int>(0)
        #expect(throws: ComputationCancelled.self) {
            _ = try Convolution.boxSumPath(input: input, weights: weights, plan: Convolution.Plan(p),
                                           isCancelled: { looks.add(1, ordering: .relaxed).newValue > 3 })
        }
    }
}
