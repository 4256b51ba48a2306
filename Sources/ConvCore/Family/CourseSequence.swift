/// The course screen's rows read as `nn.Conv1d` on a [1, C, L] sequence (L the w_in row, the
/// kernel, stride, padding and dilation the width rows), optionally causal: `F.pad(x, (d·(k − 1), 0))`
/// and then the layer with padding=0, as WaveNet and TCN build it, so output t never reads a later input.
public struct CourseSequence: Sendable {
    /// The layer PyTorch runs (padding 0 when causal: the padding is F.pad's).
    public let layer: ConvNdLayer
    /// True for the causal form.
    public let causal: Bool
    /// The input [1, C, L] (before any causal padding); an input file conv1d refuses as it is, [1, C, H, W].
    public let input: TensorN
    /// The weight [C_out, C_in/groups, k].
    public let weight: TensorN
    /// The bias on every output channel, or nil for bias=False.
    public let bias: [Float]?
    /// The input axis as the kernel reads it: its padding (the causal left padding, or the layer's) and mode.
    public let axis: PaddedAxis
    /// The output [1, C_out, L_out], or PyTorch's refusal.
    public let output: Result<TensorN, FamilyError>

    /// Reads the rows of `settings`; `causal` pads on the left instead of the padding rows.
    public init(_ settings: Conv2dSettings, causal: Bool) {
        let g = settings.geometry
        layer = Self.layer(settings, causal: causal)
        self.causal = causal
        let fileInput = Self.fileInput(settings), fileWeight = Self.fileWeight(settings, shape: layer.weightShape)
        switch (fileInput, settings.input) {
        case (.success(let sequence)?, _): input = sequence
        // The file conv1d refuses stays the 4-D tensor it is, so its shape is the one on screen.
        case (.failure?, .file(let file)): input = TensorN(shape: file.content.shape, storage: file.content.storage)
        default: input = Self.makeInput(settings, channels: g.inChannels, length: g.wIn)
        }
        weight = (try? fileWeight?.get()) ?? Self.makeWeight(settings, shape: layer.weightShape)
        bias = settings.bias.map { [Float](repeating: $0, count: g.outChannels) }
        axis = Self.axis(settings, layer: layer, causal: causal)
        output = Self.run(layer, causal: causal, input: input, weight: weight, bias: bias,
                          fileRefusal: Self.fileRefusal(weight: fileWeight, input: fileInput))
    }

    /// The layer PyTorch runs for the rows of `settings` (padding 0 when causal: the padding is F.pad's).
    public static func layer(_ settings: Conv2dSettings, causal: Bool) -> ConvNdLayer {
        let g = settings.geometry
        let rowsPadding: NdPadding = switch settings.paddingChoice {
        case .explicit: .explicit([g.paddingW])
        case .same: .same
        case .valid: .valid
        }
        return ConvNdLayer(dims: 1, g.inChannels, g.outChannels, kernelSize: [g.kernelSizeW], stride: [g.strideW],
                           padding: causal ? .explicit([0]) : rowsPadding, dilation: [g.dilationW], groups: settings.groups,
                           bias: settings.bias != nil, paddingMode: causal ? .zeros : settings.paddingMode)
    }

    /// The input axis of `layer` as the kernel reads it: the causal left padding, or the layer's padding and mode.
    public static func axis(_ settings: Conv2dSettings, layer: ConvNdLayer, causal: Bool) -> PaddedAxis {
        let g = settings.geometry, k = g.kernelSizeW, d = g.dilationW
        return causal
            ? PaddedAxis(size: g.wIn, kernel: k, stride: g.strideW, dilation: d, padding: AxisPadding(before: d * (k - 1), after: 0),
                         mode: .zeros)
            : layer.axes(spatial: [g.wIn])[0]
    }

    /// PyTorch's verdict on the rows without computing a value: the output's shape [1, C_out, L_out],
    /// or the refusal `output` would hold.
    public static func outputShape(_ settings: Conv2dSettings, causal: Bool) -> Result<[Int], FamilyError> {
        let layer = layer(settings, causal: causal)
        let fileInput = fileInput(settings)
        let inputShape = switch (fileInput, settings.input) {
        case (.success(let sequence)?, _): sequence.shape
        case (.failure?, .file(let file)): file.content.shape
        default: [1, settings.geometry.inChannels, settings.geometry.wIn]
        }
        let refusal = fileRefusal(weight: fileWeight(settings, shape: layer.weightShape), input: fileInput)
        do throws(FamilyError) {
            return .success(try verdict(layer, causal: causal, inputShape: inputShape, fileRefusal: refusal))
        } catch {
            return .failure(error)
        }
    }

    /// The first file PyTorch refuses, in its order: loading the weight, then the forward's input.
    static func fileRefusal(weight: Result<TensorN, FamilyError>?, input: Result<TensorN, FamilyError>?) -> FamilyError? {
        [weight, input].lazy.compactMap { result -> FamilyError? in
            if case .failure(let error) = result { return error }
            return nil
        }.first
    }

    /// The left padding F.pad adds in the causal form, d·(k − 1) (0 otherwise).
    public var causalPadding: Int { causal ? axis.padding.before : 0 }

    /// PyTorch's refusal, nil when the layer runs.
    public var refusal: FamilyError? {
        if case let .failure(error) = output { return error }
        return nil
    }

    /// The input coordinates output `t` reads, one per tap (below 0 or past the end: padding).
    public func taps(of t: Int) -> [Int] { (0..<axis.kernel).map { axis.index(output: t, tap: $0) } }

    /// The input channels output channel `o` sums (its group's).
    public func channelsRead(by o: Int) -> Range<Int> {
        let inPerGroup = layer.inChannels / max(layer.groups, 1), outPerGroup = layer.outChannels / max(layer.groups, 1)
        let group = o / max(outPerGroup, 1)
        return group * inPerGroup..<(group + 1) * inPerGroup
    }

    /// The value the padded input holds at coordinate `i` of channel `c` (a zero for zero padding).
    public func paddedValue(channel c: Int, at i: Int) -> Float {
        guard let source = axis.source(of: i) else { return 0 }
        return input.storage[c * input.planeCount + source]
    }

    /// The input row's pattern on a 1 × L plane per channel (the ramps 0, 1, …, L − 1 as
    /// `--input-shape` makes it); the course notebook's input reads as the ramp (a file: `fileInput`).
    static func makeInput(_ settings: Conv2dSettings, channels: Int, length: Int) -> TensorN {
        let shape = [1, channels, length]
        if case .generated(let source) = settings.input, source != .notebook {
            let plane = source.makeInput(channels: channels, hIn: 1, wIn: length)
            if plane.storage.count == channels * length { return TensorN(shape: shape, storage: plane.storage) }
        }
        return TensorN.ramp(shape: shape)
    }

    /// The kernel row's preset laid out as a 1 × k filter per (out, in) pair (a file: `fileWeight`).
    static func makeWeight(_ settings: Conv2dSettings, shape: [Int]) -> TensorN {
        guard case .preset(let preset) = settings.kernel, shape.allSatisfy({ $0 > 0 }) else {
            return TensorN(shape: shape, repeating: 1)
        }
        let planar = preset.makeWeights(shape: [shape[0], shape[1], 1, shape[2]])
        return TensorN(shape: shape, storage: planar.storage)
    }

    /// PyTorch's verdict, then the values (the causal form pads first, then runs the layer).
    static func run(_ layer: ConvNdLayer, causal: Bool, input: TensorN, weight: TensorN, bias: [Float]?,
                    fileRefusal: FamilyError? = nil) -> Result<TensorN, FamilyError>
    {
        do throws(FamilyError) {
            _ = try verdict(layer, causal: causal, inputShape: input.shape, fileRefusal: fileRefusal)
            let padded = causal ? FamilyStackRun.leftPadded(input, by: layer.dilation[0] * (layer.kernelSize[0] - 1)) : input
            return .success(try FamilyForward.run(.conv(layer), input: padded, weight: weight, bias: bias))
        } catch {
            return .failure(error)
        }
    }

    /// The output's shape for an input of `inputShape`, or PyTorch's refusal in its order: the
    /// constructor, loading the weight, the forward's input; then the most the screen computes.
    static func verdict(_ layer: ConvNdLayer, causal: Bool, inputShape: [Int], fileRefusal: FamilyError?) throws(FamilyError) -> [Int] {
        if let error = FamilyLayer.conv(layer).constructionError { throw error }
        if let fileRefusal { throw fileRefusal }
        var padded = inputShape
        if causal { padded[padded.count - 1] += layer.dilation[0] * (layer.kernelSize[0] - 1) }
        let shape = try FamilyLayer.conv(layer).outputShape(input: padded)
        guard Int.saturatingProduct(of: shape) <= maxValues,
              Int.saturatingProduct(of: [shape[2]] + layer.weightShape) <= maxMultiplications else {
            throw FamilyError(pythonType: "convscope", message: "this layer's output \(sizeList(shape)) is more than "
                              + "the course screen computes at once for a sequence; make the sequence or channels smaller")
        }
        return shape
    }

    /// The most output values and multiplications one frame computes.
    static let maxValues = 1 << 20, maxMultiplications = 1 << 24
}
