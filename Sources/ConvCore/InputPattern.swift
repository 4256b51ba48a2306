import Synchronization

/// How the input feature maps are filled.
public enum InputPattern: String, CaseIterable, Sendable, Codable {
    /// The notebook's ramp along the width: value(c, y, x) = x.
    case ramp

    /// A one-line rule for headers, e.g. `ramp x[c,y,x] = x`.
    public var rule: String {
        switch self {
        case .ramp: "ramp x[c,y,x] = x"
        }
    }

    /// The input tensor (1, C_in, H, W) for these parameters.
    public func makeInput(_ p: ConvParameters) -> Tensor4 {
        var t = Tensor4(shape: p.inputShape)
        switch self {
        case .ramp:
            let row = (0..<p.wIn).map(Float.init)
            t.storage.withUnsafeMutableBufferPointer { buf in
                for i in 0..<(p.inChannels * p.hIn) {
                    for x in 0..<p.wIn { buf[i * p.wIn + x] = row[x] }
                }
            }
        }
        return t
    }

    /// The input maps for these parameters, each distinct map stored once (the ramp: one plane).
    public func makeMaps(_ p: ConvParameters) -> FeatureMaps {
        switch self {
        case .ramp:
            let row = (0..<p.wIn).map(Float.init)
            var plane = [Float]()
            plane.reserveCapacity(p.hIn * p.wIn)
            for _ in 0..<p.hIn { plane += row }
            return FeatureMaps(shape: p.inputShape, planeOfChannel: [Int](repeating: 0, count: p.inChannels),
                               storage: p.inChannels == 0 ? [] : plane)
        }
    }

    /// The top of the colour scale the notebook uses for input maps: the ramp's length.
    public func colorScaleMax(_ p: ConvParameters) -> Float {
        switch self {
        case .ramp: Float(p.wIn)
        }
    }
}

/// How the kernel weights are filled.
public enum KernelPattern: String, CaseIterable, Sendable, Codable {
    /// The notebook's `torch.ones_like(conv_layer.weight)`.
    case ones

    /// Words for the kernel line, e.g. `all ones`.
    public var label: String {
        switch self {
        case .ones: "all ones"
        }
    }

    /// The weight tensor (C_out, C_in, kH, kW). The last one made is kept and handed out again
    /// for the same shape (its storage shared, copy-on-write): stepping h_in or the stride does
    /// not fill 64·64·32·32 ones again, and experiments alive together hold one copy.
    public func makeWeights(_ p: ConvParameters) -> Tensor4 {
        Self.lastWeights.withLock { last in
            if let last, last.pattern == self, last.weights.shape == p.kernelShape { return last.weights }
            let weights: Tensor4 = switch self {
            case .ones: Tensor4(shape: p.kernelShape, repeating: 1)
            }
            last = (self, weights)
            return weights
        }
    }

    private static let lastWeights = Mutex<(pattern: KernelPattern, weights: Tensor4)?>(nil)
}
