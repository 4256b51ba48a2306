extension FamilyLayer {
    /// The output shape for a [1, C, spatial…] input, or the error PyTorch raises running the
    /// module, checked in PyTorch's order.
    public func outputShape(input shape: [Int]) throws(FamilyError) -> [Int] {
        if let error = constructionError { throw error }
        switch self {
        case let .conv(layer): return try layer.outputShape(input: shape)
        case let .convTranspose(layer): return try layer.outputShape(input: shape)
        case let .pool(layer): return try layer.outputShape(input: shape)
        }
    }
}

extension ConvNdLayer {
    /// F.pad's errors for reflect and circular, then the channel check, then the kernel check.
    func outputShape(input shape: [Int]) throws(FamilyError) -> [Int] {
        guard shape.count == dims + 2 else {
            throw .runtime("Expected \(dims + 1)D (unbatched) or \(dims + 2)D (batched) input to conv\(dims)d, "
                           + "but got input of size: \(sizeList(shape))")
        }
        let spatial = Array(shape.dropFirst(2))
        let axes = axes(spatial: spatial)
        switch paddingMode {
        case .reflect:
            // ATen's reflection_pad checks the width (argument #4), then height (#6), then depth (#8).
            for (order, a) in axes.indices.reversed().enumerated()
            where axes[a].padding.before >= axes[a].size || axes[a].padding.after >= axes[a].size {
                throw .runtime("Argument #\(4 + 2 * order): Padding size should be less than the corresponding input "
                    + "dimension, but got: padding (\(axes[a].padding.before), \(axes[a].padding.after)) at dimension "
                    + "\(a + 2) of input \(sizeList(shape))")
            }
        case .circular:
            if axes.contains(where: { $0.padding.before > $0.size || $0.padding.after > $0.size }) {
                throw .runtime("Padding value causes wrapping around more than once.")
            }
        case .zeros, .replicate:
            break
        }
        if shape[1] != inChannels {
            // F.pad has already padded the input for the other modes; 'same' pads its odd extra one first.
            let padded = axes.map { $0.size + ($0.mode != .zeros ? $0.padding.total : $0.padding.after - $0.padding.before) }
            throw .runtime("Given groups=\(groups), weight of size \(sizeList(weightShape)), expected input"
                + "\(sizeList([1, shape[1]] + padded)) to have \(inChannels) channels, but got \(shape[1]) channels instead")
        }
        if !axes.allSatisfy(\.kernelFits) {
            throw .runtime("Calculated padded input size per channel: (\(axes.map { String($0.paddedSize) }.joined(separator: " x "))). "
                + "Kernel size: (\(axes.map { String($0.effectiveKernel) }.joined(separator: " x "))). "
                + "Kernel size can't be greater than actual input size")
        }
        return [1, outChannels] + axes.map(\.outputSize)
    }
}

extension ConvTransposeNdLayer {
    /// The channel check, then the output padding, then the empty output (ATen's 2-D kernel, height 1).
    func outputShape(input shape: [Int]) throws(FamilyError) -> [Int] {
        guard shape.count == dims + 2 else {
            throw .runtime("Expected \(dims + 1)D (unbatched) or \(dims + 2)D (batched) input to conv_transpose\(dims)d, "
                           + "but got input of size: \(sizeList(shape))")
        }
        if shape[1] != inChannels {
            throw .runtime("Given transposed=1, weight of size \(sizeList(weightShape)), expected input\(sizeList(shape)) "
                + "to have \(inChannels) channels, but got \(shape[1]) channels instead")
        }
        let (op, s, d) = (outputPadding[0], stride[0], dilation[0])
        if !(op < s || op < d) {
            throw .runtime("output padding must be smaller than either stride or dilation, but got output_padding_height: 0 "
                + "output_padding_width: \(op) stride_height: 1 stride_width: \(s) dilation_height: 1 dilation_width: \(d)")
        }
        let out = outputSize(input: shape[2], axis: 0)
        if out < 1 {
            throw .runtime("Given input size per channel: (1 x \(shape[2])). Calculated output size per channel: "
                + "(1 x \(out)). Output size is too small")
        }
        return [1, outChannels, out]
    }
}

extension PoolNdLayer {
    /// ATen's checks: max_pool1d's own; avg_pool1d as avg_pool2d of a 1 × L map; pool3d's for volumes.
    func outputShape(input shape: [Int]) throws(FamilyError) -> [Int] {
        let c = shape[1], spatial = Array(shape.dropFirst(2))
        let (k, p, d) = (kernels, paddings, dilations)
        let out = spatial.indices.map { outputSize(input: spatial[$0], axis: $0) }
        if dims == 1 && kind == .max {
            if p[0] > k[0] / 2 {
                throw .runtime("max_pool1d() padding should be at most half of kernel size, but got padding=\(p[0]) "
                               + "and kernel_size=\(k[0])")
            }
            if out[0] <= 0 { throw .runtime("max_pool1d() Invalid computed output size: \(out[0])") }
            return [1, c, out[0]]
        }
        for a in 0..<dims where p[a] > (d[a] * (k[a] - 1) + 1) / 2 {
            throw .runtime("pad should be at most half of effective kernel size, but got pad=\(p[a]), "
                           + "kernel_size=\(k[a]) and dilation=\(d[a])")
        }
        if dims == 1 {
            if out[0] < 1 {
                throw .runtime("Given input size: (\(c)x1x\(spatial[0])). Calculated output size: (\(c)x1x\(out[0])). "
                               + "Output size is too small")
            }
            return [1, c, out[0]]
        }
        if kind == .average && zip(spatial, k).contains(where: { $0 < $1 }) {
            throw .runtime("input image (T: \(spatial[0]) H: \(spatial[1]) W: \(spatial[2])) smaller than kernel size "
                           + "(kT: \(k[0]) kH: \(k[1]) kW: \(k[2]))")
        }
        if zip(k, p).contains(where: { $0 / 2 < $1 }) {
            throw .runtime("pad should be smaller than or equal to half of kernel size, but got kT: \(k[0]) kW: \(k[2]) "
                           + "kH: \(k[1]) padT: \(p[0]) padW: \(p[2]) padH: \(p[1])")
        }
        if out.contains(where: { $0 < 1 }) {
            throw .runtime("Given input size: (\(([c] + spatial).map(String.init).joined(separator: "x"))). "
                + "Calculated output size: (\(([c] + out).map(String.init).joined(separator: "x"))). Output size is too small")
        }
        return [1, c] + out
    }
}
