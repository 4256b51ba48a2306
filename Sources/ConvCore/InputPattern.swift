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
