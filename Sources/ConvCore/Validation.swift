/// Why PyTorch refuses a configuration, with its message word for word.
public enum ConvError: Error, Equatable, Sendable {
    /// The dilated kernel is larger than the padded input in height or width.
    case kernelLargerThanPaddedInput(paddedH: Int, paddedW: Int, kernelH: Int, kernelW: Int)

    /// PyTorch 2.13's message for this error.
    public var message: String {
        switch self {
        case let .kernelLargerThanPaddedInput(ph, pw, kh, kw):
            "Calculated padded input size per channel: (\(ph) x \(pw)). Kernel size: (\(kh) x \(kw)). "
                + "Kernel size can't be greater than actual input size"
        }
    }

    /// The parameters that contribute to the error, for marking them on screen.
    public func culprits(in parameters: ConvParameters) -> [ParameterID] {
        switch self {
        case .kernelLargerThanPaddedInput:
            var ids: [ParameterID] = []
            if !parameters.heightAxis.kernelFits {
                ids += [.hIn, .kernelSizeH, .paddingH, .dilationH]
            }
            if !parameters.widthAxis.kernelFits {
                ids += [.wIn, .kernelSizeW, .paddingW, .dilationW]
            }
            return ids.filter { $0 != .dilationH || parameters.dilationH > 1 }
                .filter { $0 != .dilationW || parameters.dilationW > 1 }
        }
    }
}

extension ConvParameters {
    /// PyTorch's verdict on these parameters: nil when `nn.Conv2d` accepts them.
    public func validate() -> ConvError? {
        let h = heightAxis, w = widthAxis
        if h.kernelFits && w.kernelFits { return nil }
        return .kernelLargerThanPaddedInput(
            paddedH: h.paddedSize, paddedW: w.paddedSize,
            kernelH: h.effectiveKernel, kernelW: w.effectiveKernel)
    }

    /// The output shape [1, C_out, H_out, W_out], or nil when PyTorch rejects the parameters.
    public var outputShape: [Int]? {
        validate() == nil ? [1, outChannels, heightAxis.outputSize, widthAxis.outputSize] : nil
    }
    /// The input shape [1, C_in, H, W].
    public var inputShape: [Int] { [1, inChannels, hIn, wIn] }
    /// The weight shape [C_out, C_in, kH, kW].
    public var kernelShape: [Int] { [outChannels, inChannels, kernelSizeH, kernelSizeW] }
}
