@testable import ConvCore

/// A square layer with random integer inputs and weights, reflect padding and a bias: one that
/// only the general path computes (the speed and cancellation tests' layer).
struct RandomReflectLayer {
    let spec: Conv2dSpec
    let input: Tensor4
    let weights: Tensor4

    init(size: Int, channels: Int, kernel: Int, inputStart: UInt64, weightStart: UInt64) {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (size, size, channels, channels, kernel, kernel)
        spec = Conv2dSpec(p, paddingMode: .reflect, bias: 1)
        input = InputSource.random(start: inputStart).makeInput(channels: channels, hIn: size, wIn: size)
        weights = KernelPreset.random(start: weightStart).makeWeights(spec)
    }
}
