/// Why PyTorch 2.13 refuses an `nn.Conv2d` configuration, with its message word for word.
///
/// PyTorch checks in this order, and the first failure wins: the constructor's ValueErrors
/// (groups positive, in_channels then out_channels divisible by groups, 'same' with stride),
/// then `F.pad`'s RuntimeErrors for reflect (width before height) and circular, then
/// `F.conv2d`'s RuntimeError for a kernel larger than the padded input.
public enum Conv2dError: Error, Equatable, Sendable {
    /// ValueError: groups ≤ 0 (outside convscope's range, kept for completeness).
    case groupsNotPositive
    /// ValueError: in_channels % groups ≠ 0.
    case inChannelsNotDivisibleByGroups
    /// ValueError: out_channels % groups ≠ 0.
    case outChannelsNotDivisibleByGroups
    /// ValueError: padding='same' with a stride other than 1.
    case sameWithStride
    /// RuntimeError from `F.pad(mode='reflect')`: a side's padding is not less than the input size.
    /// `argument` is 4 for the width, 6 for the height; `dimension` is 3 or 2 of the NCHW input.
    case reflectPaddingTooLarge(argument: Int, padding: AxisPadding, dimension: Int, inputShape: [Int])
    /// RuntimeError from `F.pad(mode='circular')`: a side's padding exceeds the input size.
    case circularWrapsMoreThanOnce
    /// RuntimeError from `F.conv2d`: the dilated kernel is larger than the padded input.
    case kernelLargerThanPaddedInput(ConvError)

    /// PyTorch 2.13's message for this error.
    public var message: String {
        switch self {
        case .groupsNotPositive: "groups must be a positive integer"
        case .inChannelsNotDivisibleByGroups: "in_channels must be divisible by groups"
        case .outChannelsNotDivisibleByGroups: "out_channels must be divisible by groups"
        case .sameWithStride: "padding='same' is not supported for strided convolutions"
        case let .reflectPaddingTooLarge(argument, padding, dimension, shape):
            "Argument #\(argument): Padding size should be less than the corresponding input dimension, "
                + "but got: padding (\(padding.before), \(padding.after)) at dimension \(dimension) "
                + "of input [\(shape.map(String.init).joined(separator: ", "))]"
        case .circularWrapsMoreThanOnce: "Padding value causes wrapping around more than once."
        case let .kernelLargerThanPaddedInput(error): error.message
        }
    }

    /// The Python exception PyTorch raises: "ValueError" or "RuntimeError".
    public var pythonType: String {
        switch self {
        case .groupsNotPositive, .inChannelsNotDivisibleByGroups, .outChannelsNotDivisibleByGroups, .sameWithStride:
            "ValueError"
        case .reflectPaddingTooLarge, .circularWrapsMoreThanOnce, .kernelLargerThanPaddedInput:
            "RuntimeError"
        }
    }
}

extension Conv2dSpec {
    /// PyTorch's verdict on this layer for a (1, C_in, H, W) input: nil when it runs.
    public func validate() -> Conv2dError? {
        let p = parameters
        if groups <= 0 { return .groupsNotPositive }
        if p.inChannels % groups != 0 { return .inChannelsNotDivisibleByGroups }
        if p.outChannels % groups != 0 { return .outChannelsNotDivisibleByGroups }
        if padding == .same && (p.strideH != 1 || p.strideW != 1) { return .sameWithStride }
        let h = heightAxis, w = widthAxis
        switch paddingMode {
        case .reflect:
            // ATen's reflection_pad2d checks the width (argument #4, dimension 3) first.
            for (axis, argument, dimension) in [(w, 4, 3), (h, 6, 2)]
            where axis.padding.before >= axis.size || axis.padding.after >= axis.size {
                return .reflectPaddingTooLarge(
                    argument: argument, padding: axis.padding, dimension: dimension, inputShape: inputShape)
            }
        case .circular:
            if [h, w].contains(where: { $0.padding.before > $0.size || $0.padding.after > $0.size }) {
                return .circularWrapsMoreThanOnce
            }
        case .zeros, .replicate:
            break
        }
        if h.kernelFits && w.kernelFits { return nil }
        return .kernelLargerThanPaddedInput(.kernelLargerThanPaddedInput(
            paddedH: h.paddedSize, paddedW: w.paddedSize, kernelH: h.effectiveKernel, kernelW: w.effectiveKernel))
    }
}
