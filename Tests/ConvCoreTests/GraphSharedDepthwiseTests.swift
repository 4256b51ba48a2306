import Testing
@testable import ConvCore

/// A depthwise Conv2d with the course notebook's weights, computed once per distinct plane, gives
/// the whole tensor's forward bit for bit: ConvNeXt's 7×7 padding 3 over several channel counts
/// and ways of sharing planes, fractional inputs whose float32 sums round.
@Suite struct GraphSharedDepthwiseTests {
    /// (channels, how many distinct planes the channels cycle through).
    static let sharing: [(Int, Int)] = [(2, 1), (3, 2), (5, 5), (8, 3), (17, 4), (96, 1), (96, 7), (192, 2)]

    /// Maps of `channels` × side² whose channel c holds plane c % `planes`, values fractions of
    /// several sizes (sums of 49 of them round in float32).
    static func maps(channels: Int, planes: Int, side: Int, seed: UInt64) -> FeatureMaps {
        var random = SplitMixRandom(start: seed)
        let storage: [Float] = (0..<planes * side * side).map { _ in Float(Int64(bitPattern: random.next()) >> 40) / 3_000_000 }
        return FeatureMaps(shape: [1, channels, side, side], planeOfChannel: (0..<channels).map { $0 % planes }, storage: storage)
    }

    /// The graph's whole-tensor value of `layer` on `x` and the one from its distinct planes.
    static func wholeAndShared(_ layer: Conv2dLayer, _ x: FeatureMaps) throws -> (whole: [UInt32], shared: [UInt32], planes: Int) {
        let spec = layer.spec(inputHeight: x.shape[2], inputWidth: x.shape[3])
        let shape = [1, layer.outChannels, spec.heightAxis.outputSize, spec.widthAxis.outputSize]
        let tensor = GraphTensor(x.tensor)
        let whole = GraphKernels.layerOutput(.conv2d(layer), tensor, [tensor], shape: shape, weights: nil)
        let shared = try #require(GraphSharedKernels.maps(.layer(.conv2d(layer)), [x], shape: shape))
        return (whole.storage.map(\.bitPattern), shared.tensor.storage.map(\.bitPattern), shared.distinctPlaneCount)
    }

    @Test(arguments: sharing)
    func convNeXtDepthwiseEqualsTheWholeTensor(_ channels: Int, _ planes: Int) throws {
        let layer = Conv2dLayer(channels, channels, kernelSize: SpatialPair(square: 7), padding: .explicit(h: 3, w: 3),
                                groups: channels)
        let x = Self.maps(channels: channels, planes: planes, side: 19, seed: UInt64(channels * 31 + planes))
        let (whole, shared, outPlanes) = try Self.wholeAndShared(layer, x)
        #expect(whole == shared)
        #expect(outPlanes == planes)
    }

    /// Two outputs per group, stride 2, and a 3×3 kernel with padding 1 (MobileNet's depthwise).
    @Test(arguments: [(2, 1, 1), (6, 3, 2), (32, 5, 2)])
    func otherDepthwiseLayersEqualTheWholeTensor(_ channels: Int, _ planes: Int, _ stride: Int) throws {
        let layer = Conv2dLayer(channels, 2 * channels, kernelSize: SpatialPair(square: 3), stride: SpatialPair(square: stride),
                                padding: .explicit(h: 1, w: 1), groups: channels)
        let x = Self.maps(channels: channels, planes: planes, side: 21, seed: UInt64(channels + stride))
        let (whole, shared, _) = try Self.wholeAndShared(layer, x)
        #expect(whole == shared)
    }

    /// Why the planes keep their own groups: the same maps through one group (a plane's channels
    /// summed into one kernel slice, as `SharedPlaneConvolution` reduces a layer) take the window
    /// sums, Double rounded once, and differ from the depthwise layer's float32 sums.
    @Test func oneGroupRoundsDifferently() throws {
        let x = Self.maps(channels: 4, planes: 1, side: 19, seed: 5)
        let depthwise = Conv2dLayer(4, 4, kernelSize: SpatialPair(square: 7), padding: .explicit(h: 3, w: 3), groups: 4)
        let (whole, _, _) = try Self.wholeAndShared(depthwise, x)
        let single = Conv2dLayer(1, 1, kernelSize: SpatialPair(square: 7), padding: .explicit(h: 3, w: 3), bias: false)
        let plane = Tensor4(shape: [1, 1, 19, 19], storage: x.storage)
        let windowSums = try Conv2dForward.run(input: plane, weights: Tensor4(shape: [1, 1, 7, 7], repeating: 1), bias: nil,
                                               spec: single.spec(inputHeight: 19, inputWidth: 19))
        #expect(Array(whole[0..<361]) != windowSums.storage.map(\.bitPattern))
    }
}
