/// A ConvTranspose1d is the ConvTranspose2d of height 1 it equals (kernel 1×k, stride 1×s,
/// padding 0×p, …): a sequence [1, C, L] is a map [1, C, 1, L], so its direct and scatter
/// explanations are the 2-D ones drawn one row high.
extension ConvTransposeNdLayer {
    /// The equal ConvTranspose2d of height 1 (`dims` 1 only).
    public var asHeightOne: ConvTranspose2dLayer {
        precondition(dims == 1, "a ConvTranspose1d")
        return ConvTranspose2dLayer(inChannels, outChannels, kernelSize: SpatialPair(1, kernelSize[0]),
                                    stride: SpatialPair(1, stride[0]), padding: SpatialPair(0, padding[0]),
                                    outputPadding: SpatialPair(0, outputPadding[0]), groups: groups, bias: bias,
                                    dilation: SpatialPair(1, dilation[0]))
    }
}

extension TensorN {
    /// A sequence [1, C, L] as the map [1, C, 1, L].
    public var asHeightOneMap: Tensor4 {
        precondition(shape.count == 3, "a sequence [1, C, L]")
        return Tensor4(shape: [shape[0], shape[1], 1, shape[2]], storage: storage)
    }
}
