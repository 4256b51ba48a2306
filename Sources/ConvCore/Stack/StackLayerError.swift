/// Why PyTorch 2.13 refuses a layer of a stack, with its message word for word.
///
/// Building a module raises the ValueErrors (`construction`); running it raises the rest at the
/// first layer that breaks. convscope's own Cat layer has messages of its own, written in the
/// same plain style.
public enum StackLayerError: Error, Equatable, Sendable {
    /// Conv2d's own errors, `Conv2dError` (constructor checks, reflect/circular padding, kernel size).
    case conv2d(Conv2dError)
    /// ValueError: ConvTranspose2d with a padding_mode other than 'zeros'.
    case transposedPaddingMode
    /// ValueError: `nn.Dropout`/`Dropout2d` with p outside 0…1.
    case dropoutProbability(Double)
    /// RuntimeError from the convolution: the input's channels are not the weight's.
    /// `conv` names "groups=g" or "transposed=1"; `inputShape` is the (possibly padded) input conv sees.
    case channelMismatch(conv: String, weightShape: [Int], inputShape: [Int], expected: Int)
    /// RuntimeError: ConvTranspose2d's output_padding is not below stride or dilation on some axis.
    case outputPaddingTooLarge(outputPadding: SpatialPair, stride: SpatialPair, dilation: SpatialPair)
    /// RuntimeError: ConvTranspose2d's computed output is smaller than 1×1.
    case transposedOutputTooSmall(input: SpatialPair, output: SpatialPair)
    /// RuntimeError: a pooling pad above half the effective (dilated) kernel, height checked first.
    case poolPadAboveHalfEffectiveKernel(pad: Int, kernel: Int, dilation: Int)
    /// RuntimeError: a max-pooling pad above half the undilated kernel (only dilation > 1 reaches it).
    case poolPadAboveHalfKernel(pad: SpatialPair, kernel: SpatialPair)
    /// RuntimeError: the pooling output would be empty.
    case poolOutputTooSmall(channels: Int, input: SpatialPair, output: SpatialPair)
    /// RuntimeError: BatchNorm2d's running mean (or weight, without running statistics) has C
    /// entries but the input has another channel count.
    case batchNormChannels(buffer: String, features: Int, inputChannels: Int)
    /// ValueError: batch statistics over a single value per channel.
    case batchNormSingleValue(inputShape: [Int])
    /// RuntimeError from torch.cat: the skip and the current map differ in a dimension other than 1.
    case catSizes(expected: Int, got: Int)
    /// Cat names a layer that is not before it.
    case catNeedsEarlierLayer(skip: Int, at: Int)
    /// Cat with crop: the skip is smaller than the current map, nothing to crop.
    case catCropTooSmall(skipShape: [Int], currentShape: [Int])

    /// The error a table kind (`StackModule`) raises, in PyTorch's words.
    case module(pythonType: String, message: String)

    /// convscope's own: an output map past `StackLimits.mapSide` or `.mapChannels`.
    case mapTooLarge(shape: [Int])

    /// The message, PyTorch's word for word where PyTorch has one.
    public var message: String {
        switch self {
        case let .conv2d(error): error.message
        case let .module(_, message): message
        case let .mapTooLarge(shape):
            "the output would be \(shape.map(String.init).joined(separator: "×")), past the \(StackLimits.mapSide) cells "
                + "on a side and \(StackLimits.mapChannels) channels convscope follows"
        case .transposedPaddingMode: "Only \"zeros\" padding mode is supported for ConvTranspose2d"
        case let .dropoutProbability(p): "dropout probability has to be between 0 and 1, but got \(pythonFloat(p))"
        case let .channelMismatch(conv, weight, input, expected):
            "Given \(conv), weight of size \(list(weight)), expected input\(list(input)) to have \(expected) "
                + "channels, but got \(input[1]) channels instead"
        case let .outputPaddingTooLarge(op, s, d):
            "output padding must be smaller than either stride or dilation, but got output_padding_height: \(op.h) "
                + "output_padding_width: \(op.w) stride_height: \(s.h) stride_width: \(s.w) "
                + "dilation_height: \(d.h) dilation_width: \(d.w)"
        case let .transposedOutputTooSmall(input, output):
            "Given input size per channel: (\(input.h) x \(input.w)). Calculated output size per channel: "
                + "(\(output.h) x \(output.w)). Output size is too small"
        case let .poolPadAboveHalfEffectiveKernel(pad, kernel, dilation):
            "pad should be at most half of effective kernel size, but got pad=\(pad), kernel_size=\(kernel) "
                + "and dilation=\(dilation)"
        case let .poolPadAboveHalfKernel(pad, kernel):
            "pad should be smaller than or equal to half of kernel size, but got padW = \(pad.w), padH = \(pad.h), "
                + "kW = \(kernel.w), kH = \(kernel.h)"
        case let .poolOutputTooSmall(c, input, output):
            "Given input size: (\(c)x\(input.h)x\(input.w)). Calculated output size: (\(c)x\(output.h)x\(output.w)). "
                + "Output size is too small"
        case let .batchNormChannels(buffer, features, inputChannels):
            "\(buffer) should contain \(inputChannels) elements not \(features)"
        case let .batchNormSingleValue(shape):
            "Expected more than 1 value per channel when training, got input size torch.Size(\(list(shape)))"
        case let .catSizes(expected, got):
            "Sizes of tensors must match except in dimension 1. Expected size \(expected) but got size \(got) "
                + "for tensor number 1 in the list."
        case let .catNeedsEarlierLayer(skip, at):
            at == 0
                ? "Cat(\(skip)) at (0) has no earlier layer to concatenate: a skip names a layer before it"
                : "Cat(\(skip)) at (\(at)) must name an earlier layer: 0…\(at - 1)"
        case let .catCropTooSmall(skip, current):
            "Cat with crop needs the skip at least as large as the current map, got skip \(list(skip)) "
                + "and current \(list(current))"
        }
    }

    /// The Python exception PyTorch raises ("ValueError" or "RuntimeError"); convscope's own for Cat.
    public var pythonType: String {
        switch self {
        case let .conv2d(error): error.pythonType
        case let .module(pythonType, _): pythonType
        case .transposedPaddingMode, .dropoutProbability, .batchNormSingleValue: "ValueError"
        case .catNeedsEarlierLayer, .catCropTooSmall: "convscope"
        default: "RuntimeError"
        }
    }

    private func list(_ values: [Int]) -> String { "[\(values.map(String.init).joined(separator: ", "))]" }
}
