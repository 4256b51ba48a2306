/// The weight and bias of a Conv2d or ConvTranspose2d layer, in PyTorch's layout.
public struct LayerWeights: Equatable, Sendable {
    /// Conv2d [C_out, C_in/g, kH, kW]; ConvTranspose2d [C_in, C_out/g, kH, kW].
    public var weight: Tensor4
    /// One value per output channel, or nil for `bias=False`.
    public var bias: [Float]?

    /// Weights and an optional bias.
    public init(weight: Tensor4, bias: [Float]?) { self.weight = weight; self.bias = bias }
}

/// A stack's values: every layer's output up to the first that breaks.
public struct StackRun: Equatable, Sendable {
    /// Shapes, fields and the error, if any.
    public let trace: StackTrace
    /// Each layer's output; nil from the layer that broke on.
    public let outputs: [Tensor4?]
    /// The input the layers read, when the run kept it (the screen draws it without making it again).
    public let input: Tensor4?
    /// The input's and each output's extremes and channel maxima, found once (nil beside a nil output).
    public let inputSummary: MapValueSummary?, summaries: [MapValueSummary?]

    /// A run of `outputs` read from `input`; summaries not given are found from the tensors.
    public init(trace: StackTrace, outputs: [Tensor4?], input: Tensor4? = nil, inputSummary: MapValueSummary? = nil,
                summaries: [MapValueSummary?]? = nil) {
        (self.trace, self.outputs, self.input) = (trace, outputs, input)
        self.inputSummary = inputSummary ?? input.map(MapValueSummary.init)
        self.summaries = summaries ?? outputs.map { $0.map(MapValueSummary.init) }
    }
}

/// The forward pass of a stack in eval mode, batch size 1, float32 tensors.
public enum StackForward {
    /// Runs `layers` on `input`; `weights[i]` holds layer i's weights when it has any.
    public static func run(input: Tensor4, layers: [StackLayer], weights: [LayerWeights?], names: [String]? = nil) -> StackRun {
        run(input: input, layers: layers, weights: weights, names: names, isCancelled: { false })!
    }

    /// Runs `layers` on `input`, asking `isCancelled` before each layer; nil once it says so.
    public static func run(input: Tensor4, layers: [StackLayer], weights: [LayerWeights?], names: [String]? = nil,
                           isCancelled: () -> Bool) -> StackRun? {
        precondition(weights.count == layers.count)
        let trace = StackTrace(inputShape: input.shape, layers: layers, names: names)
        var outputs = [Tensor4?](repeating: nil, count: layers.count)
        var summaries = [MapValueSummary?](repeating: nil, count: layers.count)
        let finished = forward(input: input, trace: trace, weights: { weights[$0] }, isCancelled: isCancelled) { index, output, summary, _ in
            outputs[index] = output
            summaries[index] = summary
        }
        return finished ? StackRun(trace: trace, outputs: outputs, input: input, summaries: summaries) : nil
    }

    /// Runs the layers of `trace` that ran one at a time, handing each output to `each` as it is
    /// made and keeping only the outputs a later Cat reads, so memory holds a few maps, not the
    /// whole stack's (40 ReLUs at 64×1024² held 5.8 GB). `weights(i)` is asked for layer i's
    /// weights just before it runs, and they are freed after it.
    public static func stream(input: Tensor4, trace: StackTrace, weights: (Int) -> LayerWeights?,
                              _ each: (Int, Tensor4) -> Void) {
        _ = forward(input: input, trace: trace, weights: weights, keepsOutputs: false, isCancelled: { false }) { index, output, _, _ in
            each(index, output)
        }
    }

    /// The chain's view of the one forward (`GraphForward`): the trace's layers as the nodes of
    /// a chain (node i reads node i − 1, a Cat(k) reads node k and node i − 1), named by their
    /// position so no printed name can be read twice, each with the weights it is given (the
    /// notebook's all ones for nil), every map a whole tensor with its summary (found on the
    /// distinct planes), and the value as the forward keeps it (its maps' planes, which a forward
    /// starting from that output takes as its `planes` instead of finding them again). An output
    /// equal bit for bit to the last written one shares its storage unless `keepsOutputs` is
    /// false (the caller frees each output once handed on). False when cancelled.
    static func forward(input: Tensor4, planes: FeatureMaps? = nil, trace: StackTrace, weights: (Int) -> LayerWeights?,
                        keepsOutputs: Bool = true, isCancelled: () -> Bool, _ each: (Int, Tensor4, MapValueSummary, GraphSharedValue) -> Void) -> Bool {
        let layers = trace.layers.map(\.layer)
        let nodes = Model.chainNodes(layers, names: layers.indices.map { "\($0)" }, inputName: Model.chainInput)
        let planned = zip(nodes, trace.layers).map { node, step in
            GraphForward.Planned(node: node, result: step.status == .ran ? step.outputShape.map { .tensor($0) } : nil)
        }
        // A layer with the course notebook's weights (nil) runs on the maps' distinct planes, as a
        // traced graph's does: a ramp's 16 equal channels are summed once, not 16 times.
        let start = planes.map(GraphSharedValue.maps) ?? GraphSharedValue(.tensor(GraphTensor(input)))
        let startMaps: FeatureMaps? = if case let .maps(m) = start { m } else { nil }
        var dense = StackDenseMaps(input: startMaps, tensor: input, remembers: keepsOutputs)
        return GraphForward.run(planned, inputName: Model.chainInput, input: start, sharingPlanes: true,
                                weights: weights, isCancelled: isCancelled) { index, value in
            if case let .maps(m) = value { each(index, dense.tensor(m), MapValueSummary(m), value); return }
            guard case let .tensor(t) = value.expanded else { return }
            let output = Tensor4(shape: t.shape, storage: t.storage)
            each(index, output, MapValueSummary(output), value)
        }
    }

    /// One traced layer's output from its input (and, for a Cat, the skip's output).
    static func output(of step: LayerTrace, input: Tensor4, weights: LayerWeights?, skip: Tensor4?, shape: [Int])
        -> Tensor4
    {
        if case .cat = step.layer { return concatenate(skip: skip!, current: input, skipShape: step.skipShape!) }
        return output(of: step.layer, input: input, weights: weights, shape: shape)
    }

    /// A layer's output from its input: the one kernel of each layer kind, for every model
    /// (a Cat, which reads two maps, is `concatenate`).
    static func output(of layer: StackLayer, input: Tensor4, weights: LayerWeights?, shape: [Int]) -> Tensor4 {
        switch layer {
        case let .conv2d(layer):
            let spec = layer.spec(inputHeight: input.shape[2], inputWidth: input.shape[3])
            // The trace has already checked the layer, so the convolution cannot refuse it.
            // A zero bias adds nothing, so the all-ones weights keep the window-sum path the
            // single layer takes (and `notebookWork` counts).
            let bias = weights!.bias.flatMap { $0.allSatisfy { $0 == 0 } ? nil : $0 }
            return (try? Conv2dForward.run(input: input, weights: weights!.weight, bias: bias, spec: spec))!
        case let .convTranspose2d(layer):
            return TransposedForward.run(input: input, weight: weights!.weight, bias: weights!.bias, layer: layer,
                                         output: shape)
        case let .maxPool2d(layer):
            return PoolForward.max(input: input, window: layer.window, output: shape)
        case let .avgPool2d(layer):
            return PoolForward.average(input: input, layer: layer, output: shape)
        case let .shapePreserving(layer):
            return ShapePreservingForward.run(layer, input: input)
        case let .module(layer):
            return layer.module.forward(input, output: shape)
        case .cat:
            return input
        }
    }

    /// torch.cat([skip, current], 1), the skip centre-cropped to `skipShape` first.
    static func concatenate(skip: Tensor4, current: Tensor4, skipShape: [Int]) -> Tensor4 {
        let (h, w) = (skipShape[2], skipShape[3])
        let top = CatLayer.cropOffset(from: skip.shape[2], to: h)
        let left = CatLayer.cropOffset(from: skip.shape[3], to: w)
        var storage: [Float] = []
        storage.reserveCapacity((skipShape[1] + current.shape[1]) * h * w)
        for c in 0..<skip.shape[1] {
            for y in 0..<h { for x in 0..<w { storage.append(skip[0, c, y + top, x + left]) } }
        }
        storage += current.storage
        return Tensor4(shape: [1, skipShape[1] + current.shape[1], h, w], storage: storage)
    }
}

extension StackLayer {
    /// The layer a Cat reads besides its input; nil for every other layer.
    var catSkip: Int? { if case let .cat(cat) = self { cat.skip } else { nil } }
}

extension StackTrace {
    /// The multiply-adds computing this stack's values with the notebook's all-ones weights costs:
    /// a Conv2d the window-sum path takes (groups 1, zero padding alike on both sides) sums each
    /// input plane once and adds the sums per output channel, as the single layer of the
    /// parameter flags does; every other layer costs its multiplications. One rule for
    /// `--layer "Conv2d(64, 64, 32)"` and the same layer given by parameter flags.
    public var notebookWork: Int {
        layers.reduce(0) { total, step in
            guard case let .conv2d(layer) = step.layer, let input = step.inputShape, let output = step.outputShape,
                  Conv2dForward.zeroPaddedEquivalent(layer.spec(inputHeight: input[2], inputWidth: input[3])) != nil
            else { return .saturatingSum(total, step.multiplications) }
            return .saturatingSum(total, .saturatingProduct(of: input), .saturatingProduct(output[1], input[1], output[2], output[3]))
        }
    }
}
