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

    /// The kernels, one slice per (output, input) channel pair, each distinct slice stored once:
    /// shape [1, C_out · C_in, kH, kW] (all ones: one slice of kH·kW values).
    public func makeKernels(_ p: ConvParameters) -> FeatureMaps {
        let slices = p.outChannels * p.inChannels, taps = p.kernelSizeH * p.kernelSizeW
        switch self {
        case .ones:
            return FeatureMaps(shape: [1, slices, p.kernelSizeH, p.kernelSizeW],
                               planeOfChannel: [Int](repeating: 0, count: slices),
                               storage: slices == 0 ? [] : [Float](repeating: 1, count: taps))
        }
    }

    /// The weight tensor (C_out, C_in, kH, kW), every slice written out.
    public func makeWeights(_ p: ConvParameters) -> Tensor4 {
        Tensor4(shape: p.kernelShape, storage: makeKernels(p).tensor.storage)
    }

}
