/// The layer the course screen's rows describe: the notebook's nn.Conv2d, nn.ConvTranspose2d
/// read from the same rows (in/out channels, kernel, stride, padding, dilation, groups, bias)
/// plus output_padding, or nn.Conv1d read from the width rows.
public enum CourseLayerKind: String, CaseIterable, Sendable, Codable {
    case conv2d = "Conv2d"
    case convTranspose2d = "ConvTranspose2d"
    /// nn.Conv1d on a sequence: the width rows (`CourseSequence`).
    case conv1d = "Conv1d"
}

/// Why PyTorch refuses the course screen's ConvTranspose2d: its exception type and message.
public struct TransposedRefusal: Equatable, Sendable {
    public let pythonType: String, message: String
    /// The rows that contribute to it, for marking them on screen.
    public var culprits: [ParameterID] = []

    /// A refusal of this type with this message.
    public init(pythonType: String, message: String, culprits: [ParameterID] = []) {
        self.pythonType = pythonType; self.message = message; self.culprits = culprits
    }
}

extension Conv2dSettings {
    /// The rows read as `nn.ConvTranspose2d` (padding the explicit amounts, bias on when the bias row has one).
    public var transposedLayer: ConvTranspose2dLayer {
        let p = geometry
        return ConvTranspose2dLayer(
            p.inChannels, p.outChannels, kernelSize: SpatialPair(p.kernelSizeH, p.kernelSizeW),
            stride: SpatialPair(p.strideH, p.strideW), padding: SpatialPair(p.paddingH, p.paddingW),
            outputPadding: SpatialPair(outputPaddingH, outputPaddingW), groups: groups, bias: bias != nil,
            dilation: SpatialPair(p.dilationH, p.dilationW))
    }

    /// The input's height and width as the transposed layer reads them.
    public var transposedInputSize: SpatialPair { SpatialPair(spec.parameters.hIn, spec.parameters.wIn) }

    /// PyTorch's verdict on the transposed layer for this input: nil when it runs. In PyTorch's
    /// order: the constructor refuses another padding mode, then groups that do not divide the
    /// channels; a padding string (taken apart into letters by the constructor) fails in
    /// `conv_transpose2d` itself, before its input is looked at; the rest as the stack traces them
    /// (output_padding, channels, an empty output).
    public var transposedRefusal: TransposedRefusal? {
        if paddingMode != .zeros {
            return TransposedRefusal(pythonType: StackLayerError.transposedPaddingMode.pythonType,
                                     message: StackLayerError.transposedPaddingMode.message, culprits: [.paddingMode])
        }
        let size = transposedInputSize
        let trace = StackTrace(inputShape: [1, geometry.inChannels, size.h, size.w], layers: [.convTranspose2d(transposedLayer)])
        let refusal = trace.failure.map {
            TransposedRefusal(pythonType: $0.error.pythonType, message: $0.error.message, culprits: Self.transposedCulprits($0.error))
        }
        if paddingChoice != .explicit, !(trace.failure.map { Self.isConstructorRefusal($0.error) } ?? false) {
            let error = StackLayerError.transposedPaddingString
            return TransposedRefusal(pythonType: error.pythonType, message: error.message, culprits: [.padding])
        }
        // A weight of another shape is refused when it is loaded: after the constructor, before the forward.
        if !(trace.failure.map { Self.isConstructorRefusal($0.error) } ?? false),
           case .failure(let fileRefusal)? = transposedFileWeight() {
            return fileRefusal
        }
        return refusal
    }

    /// True for what nn.ConvTranspose2d's constructor refuses (before any forward).
    static func isConstructorRefusal(_ error: StackLayerError) -> Bool {
        switch error {
        case .conv2d(.groupsNotPositive), .conv2d(.inChannelsNotDivisibleByGroups), .conv2d(.outChannelsNotDivisibleByGroups): true
        default: false
        }
    }

    /// The rows behind a stack's refusal of the transposed layer.
    static func transposedCulprits(_ error: StackLayerError) -> [ParameterID] {
        switch error {
        case .outputPaddingTooLarge: [.outputPaddingH, .outputPaddingW, .strideH, .strideW, .dilationH, .dilationW]
        case .transposedOutputTooSmall: [.hIn, .wIn, .paddingH, .paddingW]
        case .conv2d(.groupsNotPositive): [.groups]
        case .conv2d(.inChannelsNotDivisibleByGroups): [.inChannels, .groups]
        case .conv2d(.outChannelsNotDivisibleByGroups): [.outChannels, .groups]
        default: []
        }
    }

    /// The kernel row's weights laid out as a transposed weight [C_in, C_out/g, kH, kW]: a preset,
    /// or the kernel file as `transposedFileWeight` reads it (zeros when it is refused, which
    /// `transposedRefusal` says first).
    public func transposedWeight() -> Tensor4 {
        let layer = transposedLayer
        if let file = transposedFileWeight() { return (try? file.get()) ?? Tensor4(shape: layer.weightShape) }
        guard case .preset(let preset) = kernel else { return Tensor4(shape: layer.weightShape, repeating: 1) }
        var p = ConvParameters()
        p.outChannels = layer.inChannels; p.inChannels = layer.outChannels
        p.kernelSizeH = layer.kernelSize.h; p.kernelSizeW = layer.kernelSize.w
        return preset.makeWeights(Conv2dSpec(p, groups: layer.groups))
    }

    /// The transposed layer's bias vector (the bias row on every output channel), or nil.
    public var transposedBias: [Float]? { bias.map { [Float](repeating: $0, count: geometry.outChannels) } }
}
