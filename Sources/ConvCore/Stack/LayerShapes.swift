extension StackLayer {
    /// The ValueError PyTorch raises when the module is built, or nil when it builds.
    public var constructionError: StackLayerError? {
        switch self {
        case let .conv2d(layer):
            // The constructor's checks do not depend on the input: any size gives the same verdict.
            switch layer.spec(inputHeight: 1, inputWidth: 1).validate() {
            case let error? where error.pythonType == "ValueError": return .conv2d(error)
            default: return nil
            }
        case let .convTranspose2d(layer):
            if layer.groups <= 0 { return .conv2d(.groupsNotPositive) }
            if layer.inChannels % layer.groups != 0 { return .conv2d(.inChannelsNotDivisibleByGroups) }
            if layer.outChannels % layer.groups != 0 { return .conv2d(.outChannelsNotDivisibleByGroups) }
            return nil
        case let .shapePreserving(.dropout(p, _)), let .shapePreserving(.dropout2d(p, _)):
            return (0...1).contains(p) ? nil : .dropoutProbability(p)
        default:
            return nil
        }
    }

    /// The output shape for a [1, C, H, W] input, or the error PyTorch raises running the module.
    /// Cat is answered by `StackTrace`, which knows the skip's shape.
    public func outputShape(input shape: [Int]) throws(StackLayerError) -> [Int] {
        let (c, h, w) = (shape[1], shape[2], shape[3])
        switch self {
        case let .conv2d(layer):
            return try layer.outputShape(channels: c, height: h, width: w)
        case let .convTranspose2d(layer):
            if c != layer.inChannels {
                throw .channelMismatch(conv: "transposed=1", weightShape: layer.weightShape, inputShape: shape,
                                       expected: layer.inChannels)
            }
            let (s, d, op) = (layer.stride, layer.dilation, layer.outputPadding)
            if !((op.w < s.w || op.w < d.w) && (op.h < s.h || op.h < d.h)) {
                throw .outputPaddingTooLarge(outputPadding: op, stride: s, dilation: d)
            }
            let out = SpatialPair(layer.outputSize(input: h, axis: .height), layer.outputSize(input: w, axis: .width))
            if out.h < 1 || out.w < 1 { throw .transposedOutputTooSmall(input: SpatialPair(h, w), output: out) }
            return [1, layer.outChannels, out.h, out.w]
        case let .maxPool2d(layer):
            return try layer.window.outputShape(channels: c, height: h, width: w)
        case let .avgPool2d(layer):
            return try layer.window.outputShape(channels: c, height: h, width: w)
        case let .shapePreserving(.batchNorm2d(bn)):
            if bn.trackRunningStats, c != bn.numFeatures {
                throw .batchNormChannels(buffer: "running_mean", features: bn.numFeatures, inputChannels: c)
            }
            if bn.usesBatchStatistics && h * w == 1 { throw .batchNormSingleValue(inputShape: shape) }
            if bn.affine, c != bn.numFeatures {
                throw .batchNormChannels(buffer: "weight", features: bn.numFeatures, inputChannels: c)
            }
            return shape
        case .shapePreserving:
            return shape
        case let .module(layer):
            return try layer.module.outputShape(input: shape)
        case .cat:
            preconditionFailure("Cat's shape depends on its skip: ask StackTrace")
        }
    }
}

extension Conv2dLayer {
    /// The output shape, or PyTorch's error in its order: F.pad's reflect/circular errors (the
    /// padding is applied before the convolution sees the input), then the channel check, then the
    /// kernel-size check.
    func outputShape(channels c: Int, height h: Int, width w: Int) throws(StackLayerError) -> [Int] {
        // Groups 1 here: the padding and kernel checks do not depend on them, the channel check comes next.
        let asRun = spec(channels: c, inputHeight: h, inputWidth: w, groups: 1)
        let verdict = asRun.validate()
        if let verdict, case .kernelLargerThanPaddedInput = verdict {} else if let verdict { throw .conv2d(verdict) }
        let expected = inChannels
        if c != expected {
            throw .channelMismatch(conv: "groups=\(groups)", weightShape: weightShape,
                                   inputShape: [1, c, h + padOutsideConv(.height), w + padOutsideConv(.width)],
                                   expected: expected)
        }
        if let verdict { throw .conv2d(verdict) }
        return [1, outChannels, asRun.heightAxis.outputSize, asRun.widthAxis.outputSize]
    }

    /// The padding added to the input before the convolution itself runs: all of it for reflect,
    /// replicate and circular (F.pad), the odd extra one of 'same' with zeros (ATen pads that
    /// asymmetrically first), none otherwise. The channel message prints the padded shape.
    func padOutsideConv(_ axis: PaddingSpec.Axis) -> Int {
        let sides = appliedPadding(axis)
        if paddingMode != .zeros { return sides.total }
        return sides.after - sides.before
    }
}

extension PoolWindow {
    /// The output shape, or ATen's pooling errors in their order: each axis's effective-kernel
    /// pad check (height first), the plain kernel pad check, then the empty output.
    func outputShape(channels c: Int, height h: Int, width w: Int) throws(StackLayerError) -> [Int] {
        for axis in [PaddingSpec.Axis.height, .width] where padding[axis] > effectiveKernel(axis) / 2 {
            throw .poolPadAboveHalfEffectiveKernel(pad: padding[axis], kernel: kernel[axis], dilation: dilation[axis])
        }
        let out = SpatialPair(outputSize(input: h, axis: .height), outputSize(input: w, axis: .width))
        if kernel.w / 2 < padding.w || kernel.h / 2 < padding.h {
            throw .poolPadAboveHalfKernel(pad: padding, kernel: kernel)
        }
        if out.h < 1 || out.w < 1 { throw .poolOutputTooSmall(channels: c, input: SpatialPair(h, w), output: out) }
        return [1, c, out.h, out.w]
    }
}
