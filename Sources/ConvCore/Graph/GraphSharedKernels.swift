/// The operations a forward computes on a map's distinct planes alone, giving the values the
/// whole tensor gives bit for bit:
/// - a cell-by-cell function, BatchNorm2d, a pool or an adaptive pool treats each channel alone,
///   so it runs once per distinct plane and the output shares planes as the input did;
/// - a Conv2d with all-ones weights on the window-sum path gives every output channel the sum
///   over input channels of the channel's window sums: the sum over distinct planes weighted by
///   how many channels hold each, which the window-sum path computes from the same Double sums;
/// - a depthwise Conv2d with all-ones weights convolves each distinct plane once, on the direct
///   path the whole layer takes (`GraphSharedDepthwise`);
/// - `a + b` (and − × ÷) of two maps of one shape adds each pair of planes that meets once.
/// Anything else (nil here) takes the whole tensors.
enum GraphSharedKernels {
    static func maps(_ operation: GraphOperation, _ inputs: [FeatureMaps], shape: [Int]) -> FeatureMaps? {
        guard let x = inputs.first, shape.count == 4, shape[0] == 1 else { return nil }
        switch operation {
        case let .layer(.conv2d(l)):
            return convolution(l, x, shape: shape)
        case .layer(.maxPool2d), .layer(.avgPool2d), .layer(.shapePreserving), .elementwise, .scalar, .adaptivePool:
            if case .elementwise(.identity) = operation { return x }
            return perPlane(x, shape: shape) { planes, planeShape in
                GraphKernels.tensor(operation, GraphTensor(planes), [], shape: planeShape) { _ in 0 }.storage
            }
        case let .broadcast(op):
            guard inputs.count == 2, inputs[0].shape == shape, inputs[1].shape == shape else { return nil }
            return pairwise(inputs[0], inputs[1], op)
        default:
            return nil
        }
    }

    /// `body` on the distinct planes [1, P, H, W] with the output shape [1, P, oh, ow].
    static func perPlane(_ x: FeatureMaps, shape: [Int], _ body: (Tensor4, [Int]) -> [Float]) -> FeatureMaps? {
        guard x.shape[1] == shape[1] else { return nil }
        let planes = body(x.distinctPlanes, [1, x.distinctPlaneCount, shape[2], shape[3]])
        return x.replacingPlanes(planes, height: shape[2], width: shape[3])
    }

    /// An all-ones, bias-free Conv2d on the window-sum path (one group, the same zero padding on
    /// both sides): the layer over the distinct planes with one output channel whose kernel slice
    /// for plane p is the number of input channels holding p. The window-sum path groups equal
    /// planes and weights each group's Double window sums by the sum of its channels' weights,
    /// so both layers round the same Double to float32.
    static func convolution(_ l: Conv2dLayer, _ x: FeatureMaps, shape: [Int]) -> FeatureMaps? {
        let spec = l.spec(inputHeight: x.shape[2], inputWidth: x.shape[3])
        // Maps holding inf or NaN are summed tap by tap, as the whole layer sums them.
        if l.paddingMode == .zeros, x.storage.contains(where: { !$0.isFinite }) { return GraphSharedOnesConvolution.run(l, x, shape: shape) }
        if l.groups > 1 { return GraphSharedDepthwise.run(l, x, shape: shape) }
        guard l.groups == 1, l.inChannels == x.shape[1], Conv2dForward.zeroPaddedEquivalent(spec) != nil,
              x.storage.allSatisfy({ $0.isFinite }) else { return nil }
        var one = l
        one.inChannels = x.distinctPlaneCount
        one.outChannels = 1
        var channelsOfPlane = [Float](repeating: 0, count: x.distinctPlaneCount)
        for p in x.planeOfChannel { channelsOfPlane[p] += 1 }
        let taps = l.kernelSize.h * l.kernelSize.w
        let weights = Tensor4(shape: [1, x.distinctPlaneCount, l.kernelSize.h, l.kernelSize.w],
                              storage: channelsOfPlane.flatMap { Array(repeating: $0, count: taps) })
        guard let out = try? Conv2dForward.run(input: x.distinctPlanes, weights: weights, bias: nil,
                                               spec: one.spec(inputHeight: x.shape[2], inputWidth: x.shape[3]))
        else { return nil }
        return FeatureMaps(shape: shape, planeOfChannel: Array(repeating: 0, count: shape[1]), storage: out.storage)
    }

    /// `a op b` cell by cell, each pair of planes that some channel reads computed once.
    static func pairwise(_ a: FeatureMaps, _ b: FeatureMaps, _ op: String) -> FeatureMaps {
        let f = arithmetic(op)
        return planesOnce(shape: a.shape, key: { a.planeOfChannel[$0] * b.distinctPlaneCount + b.planeOfChannel[$0] }) {
            zip(a.plane(a.planeOfChannel[$0]), b.plane(b.planeOfChannel[$0])).map(f)
        }
    }

    /// Maps of `shape` whose channel c holds `plane(c)`, computed once per distinct `key(c)` (what
    /// the plane is made from) and shared by every channel with that key.
    static func planesOnce<Key: Hashable>(shape: [Int], key: (Int) -> Key, plane: (Int) -> [Float]) -> FeatureMaps {
        var planeOfKey: [Key: Int] = [:]
        var planeOfChannel = [Int](repeating: 0, count: shape[1])
        var storage: [Float] = []
        for c in 0..<shape[1] {
            let k = key(c)
            if let shared = planeOfKey[k] { planeOfChannel[c] = shared; continue }
            planeOfChannel[c] = planeOfKey.count
            planeOfKey[k] = planeOfKey.count
            storage += plane(c)
        }
        return FeatureMaps(shape: shape, planeOfChannel: planeOfChannel, storage: storage)
    }

    /// The cell-by-cell function of a broadcast node's operator.
    static func arithmetic(_ op: String) -> (Float, Float) -> Float {
        switch op {
        case "add": (+)
        case "sub": (-)
        case "mul": (*)
        default: (/)
        }
    }
}
