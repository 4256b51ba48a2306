import Testing
@testable import ConvCore

/// Causal dilated Conv1d stacks (F.pad on the left, as WaveNet/TCN) and the depthwise-separable cost.
struct CausalConvolutionTests {
    @Test(arguments: 0..<FamilyFixtureFile.shared.causal.count)
    func theStackAgreesWithTorch(_ index: Int) {
        let c = FamilyFixtureFile.shared.causal[index]
        let stack = CausalStack(c.layers.map { CausalConv1d(channels: c.channels, kernelSize: $0.kernel_size, dilation: $0.dilation) })
        let outputs = stack.run(input: TensorN(shape: [1, c.channels, c.length], storage: c.input),
                                weights: zip(c.layers, c.weights).map {
                                    TensorN(shape: [c.channels, c.channels, $0.kernel_size], storage: $1)
                                })
        #expect(outputs.last!.storage == c.output)
    }

    @Test func anOutputNeverReadsTheFuture() {
        let c = FamilyFixtureFile.shared.causal[0]
        let stack = CausalStack(c.layers.map { CausalConv1d(channels: c.channels, kernelSize: $0.kernel_size, dilation: $0.dilation) })
        let weights = zip(c.layers, c.weights).map { TensorN(shape: [c.channels, c.channels, $0.kernel_size], storage: $1) }
        let base = stack.run(input: TensorN(shape: [1, c.channels, c.length], storage: c.input), weights: weights).last!
        for t in 0..<c.length {
            #expect(stack.inputsRead(by: t).allSatisfy { $0 <= t })
            // Changing every input after t leaves outputs 0…t as they were.
            var changed = c.input
            for ch in 0..<c.channels { for s in t + 1..<c.length { changed[ch * c.length + s] += 7 } }
            let after = stack.run(input: TensorN(shape: [1, c.channels, c.length], storage: changed), weights: weights).last!
            for ch in 0..<c.channels {
                for s in 0...t { #expect(after.storage[ch * c.length + s] == base.storage[ch * c.length + s]) }
            }
        }
    }

    @Test func wavenetsReceptiveFieldDoubles() {
        let stack = CausalStack.wavenet(channels: 1, depth: 5)
        #expect(stack.layers.map(\.dilation) == [1, 2, 4, 8, 16])
        #expect(stack.receptiveFields == [2, 4, 8, 16, 32])
        #expect(stack.inputsRead(by: 40) == Set(9...40))
        #expect(stack.tree(from: 40).map(\.count) == [32, 16, 8, 4, 2, 1])
    }
}

struct DepthwiseSeparableCostTests {
    @Test func mobileNetsRatioIsTheMeasuredOne() {
        // MobileNet's 3×3 layer from 32 to 64 channels at 112×112.
        let cost = DepthwiseSeparableCost(inChannels: 32, outChannels: 64, kernelH: 3, kernelW: 3, outputH: 112, outputW: 112)
        #expect(cost.plainWeights == 18_432)
        #expect(cost.separableWeights == 288 + 2_048)
        #expect(cost.plainMultiplications == 18_432 * 12_544)
        #expect(cost.separableMultiplications == 2_336 * 12_544)
        #expect(abs(cost.ratio - cost.mobileNetRatio) < 1e-12)
        #expect(abs(cost.mobileNetRatio - (1.0 / 64 + 1.0 / 9)) < 1e-12)
        let (depthwise, pointwise) = cost.layers
        #expect(depthwise.pytorchRepr == "Conv2d(32, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=32, bias=False)")
        #expect(pointwise.pytorchRepr == "Conv2d(32, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)")
        #expect(StackLayer.conv2d(depthwise).parameterCount + StackLayer.conv2d(pointwise).parameterCount == cost.separableWeights)
    }
}

/// The cells an inspected output reads, traced back through a 3-D stack, are exactly the ones
/// whose change moves it (all-ones weights, zero padding: every read counts).
struct FamilyPositionsReadTests {
    @Test func changingAnUnreadCellNeverMovesTheOutputAndAReadOneDoes() throws {
        let layers = [try FamilyLayerParser.parse("Conv3d(1, 1, (2, 3, 3), padding=(0, 1, 1), stride=(1, 2, 1))"),
                      try FamilyLayerParser.parse("MaxPool3d(kernel_size=(1, 2, 2), stride=1)")]
        let input = TensorN(shape: [1, 1, 3, 6, 5], storage: (0..<90).map { Float($0 % 7) })
        func last(_ x: TensorN) -> TensorN {
            FamilyStackRun(input: x, layers: layers, causal: false).outputs.compactMap { try? $0.get() }.last!
        }
        let outputs = FamilyStackRun(input: input, layers: layers, causal: false).outputs.map { try! $0.get() }
        let cell = [1, 1, 2]
        let read = FamilyStackRun.positionsRead(layers: layers, inputShape: input.shape, outputs: outputs, cell: cell,
                                                causal: false)[0]
        let base = last(input)
        let at = (cell[0] * base.shape[3] + cell[1]) * base.shape[4] + cell[2]
        for z in 0..<3 {
            for y in 0..<6 {
                for x in 0..<5 where !read.contains([z, y, x]) {
                    var changed = input
                    changed.storage[(z * 6 + y) * 5 + x] = -100
                    #expect(last(changed).storage[at] == base.storage[at], "\([z, y, x]) is not read")
                }
            }
        }
        // Raising a read cell far above the rest moves the max, so every read cell is really read.
        for position in read {
            var changed = input
            changed.storage[(position[0] * 6 + position[1]) * 5 + position[2]] = 1000
            #expect(last(changed).storage[at] != base.storage[at], "\(position) is read")
        }
    }
}
