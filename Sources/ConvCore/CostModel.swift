/// The course notes' comparison of a conv layer with a fully-connected layer of K outputs.
public struct CostModel: Equatable, Sendable {
    public let parameters: ConvParameters
    /// Outputs of the dense layer.
    public let denseOutputs: Int
    /// The layer's groups: each kernel sees C_in/groups channels.
    public let groups: Int
    /// Whether the layer has a bias (one per output channel).
    public let hasBias: Bool

    /// K defaults to C_out·H_out·W_out, a dense layer with as many outputs as the conv layer.
    public init(_ parameters: ConvParameters, denseOutputs: Int? = nil, groups: Int = 1, hasBias: Bool = false) {
        self.parameters = parameters
        self.groups = max(1, groups)
        self.hasBias = hasBias
        let shape = parameters.outputShape ?? [1, 0, 0, 0]
        self.denseOutputs = denseOutputs ?? .saturatingProduct(shape[1], shape[2], shape[3])
    }

    var p: ConvParameters { parameters }
    var outH: Int { p.heightAxis.outputSize }
    var outW: Int { p.widthAxis.outputSize }

    /// Weights of one conv kernel: (C_in/groups)·F1·F2.
    public var convWeightsPerKernel: Int { .saturatingProduct(p.inChannels / groups, p.kernelSizeH, p.kernelSizeW) }
    /// What PyTorch counts, `sum(p.numel() for p in conv.parameters())`: C_out·(C_in/groups)·F1·F2,
    /// plus C_out with a bias.
    public var layerParameters: Int { .saturatingSum(convWeights, hasBias ? p.outChannels : 0) }
    /// The course notes' conv parameters, a bias always counted: ((C_in/groups)·F1·F2 + 1)·C_out.
    public var convParameters: Int { .saturatingProduct(.saturatingSum(convWeightsPerKernel, 1), p.outChannels) }
    /// Conv weights without biases: (C_in/groups)·F1·F2·C_out.
    public var convWeights: Int { .saturatingProduct(convWeightsPerKernel, p.outChannels) }
    /// Dense parameters with biases: (C_in·H_in·W_in + 1)·K.
    public var denseParameters: Int { .saturatingProduct(.saturatingSum(.saturatingProduct(p.inChannels, p.hIn, p.wIn), 1), denseOutputs) }
    /// Dense weights without biases: C_in·H_in·W_in·K.
    public var denseWeights: Int { .saturatingProduct(p.inChannels, p.hIn, p.wIn, denseOutputs) }
    /// Conv multiplications: (C_in/groups)·F1·F2·C_out·H_out·W_out.
    public var convMultiplications: Int { .saturatingProduct(convWeights, outH, outW) }
    /// Dense multiplications: C_in·H_in·W_in·K.
    public var denseMultiplications: Int { denseWeights }
    /// Comp_param = dense weights / conv weights (biases left out, as in the course notes).
    public var parameterRatio: Double { Double(denseWeights) / Double(convWeights) }
    /// Comp_mult = dense multiplications / conv multiplications = Comp_param / (H_out·W_out).
    public var multiplicationRatio: Double {
        convMultiplications == 0 ? .nan : Double(denseMultiplications) / Double(convMultiplications)
    }
    /// True when the course notes' simplification H_out = H_in − F1 + 1 (and the same for W) holds.
    public var notesSimplificationHolds: Bool {
        p.validate() == nil && outH == p.hIn - p.kernelSizeH + 1 && outW == p.wIn - p.kernelSizeW + 1
    }
}
