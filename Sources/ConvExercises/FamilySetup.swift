import ConvCore

/// The layers of a 1-D or 3-D exercise (Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d, Conv3d,
/// MaxPool3d, AvgPool3d) and what PyTorch makes of them on the input: each layer's input and
/// output shape, up to the first layer it refuses.
public struct FamilySetup: Equatable, Sendable {
    /// The layers, in order.
    public let layers: [FamilyLayer]
    /// [1, C, L] or [1, C, D, H, W].
    public let inputShape: [Int]
    /// Each layer's input shape, for the layers that were reached.
    public let inputs: [[Int]]
    /// Each layer's output shape; nil from the refused layer on.
    public let outputs: [[Int]?]
    /// The first layer PyTorch refuses (building it or running it) and its exception.
    public let failure: Failure?

    /// The refused layer's place and PyTorch's exception.
    public struct Failure: Equatable, Sendable {
        /// The refused layer's position.
        public let index: Int
        /// PyTorch's exception, word for word.
        public let error: FamilyError
    }

    /// Traces `layers` on `inputShape` with PyTorch's checks.
    public init(layers: [FamilyLayer], inputShape: [Int]) {
        self.layers = layers
        self.inputShape = inputShape
        let shapes = FamilyStackRun.shapes(input: inputShape, layers: layers, causal: false)
        inputs = shapes.map(\.input)
        var outputs: [[Int]?] = []
        var failure: Failure?
        for (index, shape) in shapes.enumerated() {
            switch shape.output {
            case let .success(output): outputs.append(output)
            case let .failure(error): outputs.append(nil); failure = Failure(index: index, error: error)
            }
        }
        self.outputs = outputs + [[Int]?](repeating: nil, count: layers.count - outputs.count)
        self.failure = failure
    }

    /// The axis names of the output sizes: L_out for a sequence, D_out, H_out, W_out for a volume.
    public var axisNames: [String] { inputShape.count == 3 ? ["L_out"] : ["D_out", "H_out", "W_out"] }

    /// Layer `index`'s size formulas, one per spatial axis, for an input of `input`.
    func sizeSteps(_ index: Int, input: [Int], _ lang: Language) -> [String] {
        let spatial = Array(input.dropFirst(2))
        switch layers[index] {
        case let .conv(conv):
            return spatial.indices.map { a in
                Formulas.convAxis(axisNames[a], input: spatial[a], pad: conv.appliedPadding(a), kernel: conv.kernelSize[a],
                                  dilation: conv.dilation[a], stride: conv.stride[a], lang)
            }
        case let .convTranspose(t):
            return spatial.indices.map { a in
                Formulas.transposedAxis(axisNames[a], input: spatial[a], stride: t.stride[a], padding: t.padding[a],
                                        dilation: t.dilation[a], kernel: t.kernelSize[a], outputPadding: t.outputPadding[a])
            }
        case let .pool(pool):
            return spatial.indices.map { a in
                Formulas.poolAxis(axisNames[a], input: spatial[a], kernel: pool.kernels[a], dilation: pool.dilations[a],
                                  stride: pool.strides[a], padding: pool.paddings[a], ceilMode: pool.ceilMode,
                                  output: pool.outputSize(input: spatial[a], axis: a), lang)
            }
        }
    }

    /// `C_in/groups·k…·C_out·out…` — the factors of layer `index`'s multiplications (a transposed
    /// layer's per input position), or nil for a pool.
    func multiplicationFactors(_ index: Int) -> [Int]? {
        guard let output = outputs[index] else { return nil }
        let input = inputs[index]
        switch layers[index] {
        case let .conv(conv): return [conv.inChannels / conv.groups] + conv.kernelSize + [output[1]] + Array(output.dropFirst(2))
        case let .convTranspose(t): return [t.outChannels / t.groups] + t.kernelSize + [input[1]] + Array(input.dropFirst(2))
        case .pool: return nil
        }
    }
}
