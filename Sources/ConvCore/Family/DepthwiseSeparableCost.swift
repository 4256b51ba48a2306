/// A plain k × k convolution against the depthwise-separable pair MobileNet replaces it with:
/// a depthwise k × k (groups = C_in) then a pointwise 1 × 1 (C_in → C_out), on the same output size.
public struct DepthwiseSeparableCost: Equatable, Sendable {
    public let inChannels: Int, outChannels: Int
    public let kernelH: Int, kernelW: Int
    /// The output's height and width (the same for both, padding chosen so).
    public let outputH: Int, outputW: Int

    /// The comparison for C_in → C_out with a kH × kW kernel and an H_out × W_out output.
    public init(inChannels: Int, outChannels: Int, kernelH: Int, kernelW: Int, outputH: Int, outputW: Int) {
        self.inChannels = inChannels; self.outChannels = outChannels
        self.kernelH = kernelH; self.kernelW = kernelW; self.outputH = outputH; self.outputW = outputW
    }

    /// Weights of the plain convolution: C_out·C_in·kH·kW.
    public var plainWeights: Int { .saturatingProduct(outChannels, inChannels, kernelH, kernelW) }
    /// Weights of the depthwise layer (C_in·kH·kW) plus the pointwise one (C_out·C_in).
    public var separableWeights: Int {
        .saturatingSum(.saturatingProduct(inChannels, kernelH, kernelW), .saturatingProduct(outChannels, inChannels))
    }
    /// Multiplications of the plain convolution: one per weight per output position.
    public var plainMultiplications: Int { .saturatingProduct(plainWeights, outputH, outputW) }
    /// Multiplications of the pair: each layer's weights per output position.
    public var separableMultiplications: Int { .saturatingProduct(separableWeights, outputH, outputW) }
    /// separable / plain multiplications, measured.
    public var ratio: Double { Double(separableMultiplications) / Double(plainMultiplications) }
    /// The MobileNet paper's ratio 1/C_out + 1/(kH·kW): the same number, as a formula.
    public var mobileNetRatio: Double { 1 / Double(outChannels) + 1 / Double(kernelH * kernelW) }

    /// The two layers as PyTorch writes them (bias off, as MobileNet puts a BatchNorm after each).
    public var layers: (depthwise: Conv2dLayer, pointwise: Conv2dLayer) {
        (Conv2dLayer(inChannels, inChannels, kernelSize: SpatialPair(kernelH, kernelW),
                     padding: .explicit(h: (kernelH - 1) / 2, w: (kernelW - 1) / 2), groups: inChannels, bias: false),
         Conv2dLayer(inChannels, outChannels, kernelSize: SpatialPair(square: 1), bias: false))
    }
}
