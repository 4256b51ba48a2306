/// A model's input, its chain's trace and values, and the course screen's layer as a model.
extension Model {
    /// The course screen's layer as a model of one Conv2d node reading the input: the settings'
    /// input (a pattern or a file) and kernel source (a preset or a file) with its bias value;
    /// padding mode, groups, stride and dilation included.
    public static func singleConv2d(_ settings: Conv2dSettings) -> Model {
        let geometry = settings.applied
        var model = Model(inputShape: [1, geometry.inChannels, geometry.hIn, geometry.wIn],
                          layers: [.conv2d(settings.layer)])
        model.input = settings.input
        return model.settingWeightSource(LayerWeightSource(kernel: settings.kernel, bias: settings.bias ?? 0), at: 0)
    }

    /// The channels the first layer that names any expects (pools and activations keep them).
    public static func expectedChannels(_ layers: [StackLayer]) -> Int? {
        for layer in layers {
            switch layer {
            case let .conv2d(l): return l.inChannels
            case let .convTranspose2d(l): return l.inChannels
            case let .shapePreserving(.batchNorm2d(bn)): return bn.numFeatures
            case .cat: return nil
            default: continue
            }
        }
        return nil
    }

    /// The course notebook's weights: all ones; biases zero, so a one-layer model gives what the
    /// single-layer screen gives.
    public static func notebookWeights(_ layer: StackLayer) -> LayerWeights? {
        guard let shape = layer.weightShape else { return nil }
        return LayerWeights(weight: Tensor4(shape: shape, repeating: 1),
                            bias: layer.biasCount.map { [Float](repeating: 0, count: $0) })
    }

    /// The input tensor: the pattern at `inputShape`, or the file's tensor.
    public func makeInput() -> Tensor4 {
        switch input {
        case let .generated(source): source.makeInput(channels: inputShape[1], hIn: inputShape[2], wIn: inputShape[3])
        case let .file(file): file.content
        }
    }

    /// The top of the input's colour scale: the ramp's length, or a file's largest value.
    public var inputScaleMax: Float {
        switch input {
        case let .generated(source): source.scaleMax(height: inputShape[2], width: inputShape[3])
        case let .file(file): file.content.storage.filter(\.isFinite).max() ?? 0
        }
    }

    /// A chain's shapes, fields and first error, without values (StackTrace: the chain's
    /// analysis, with crops, skip fields and U-Net findings).
    public var trace: StackTrace { StackTrace(inputShape: inputShape, layers: layers, names: names) }

    /// Every layer's values of a chain, each layer weighed by its source (the notebook's all ones
    /// by default).
    public func run() -> StackRun {
        StackForward.run(input: makeInput(), layers: layers, weights: nodes.indices.map(sourcedWeights), names: names)
    }

    /// Every layer's values of a chain, or nil once `isCancelled` says they are no longer wanted
    /// (checked per layer).
    public func run(isCancelled: () -> Bool) -> StackRun? {
        StackForward.run(input: makeInput(), layers: layers, weights: nodes.indices.map(sourcedWeights), names: names,
                         isCancelled: isCancelled)
    }

    /// Node `index`'s weights for the graph forward: its source's, or nil for the course
    /// notebook's all ones (which the forward computes on shared planes).
    public func sourcedWeights(_ index: Int) -> LayerWeights? {
        guard let source = weightSources?[index], let layer = layer(index) else { return nil }
        return source.weights(for: layer)
    }
}

extension StackTrace {
    /// The input rows and columns (padding included, so they may run past the map) that output
    /// cell (y, x) of layer `index` depends on through every layer before it; nil when the layer
    /// did not run, its field is not traced, or the cell reads no input at all.
    public func inputSpan(layer index: Int, y: Int, x: Int) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        guard layers.indices.contains(index), layers[index].status == .ran,
              let h = layers[index].reach.h?.ends(of: y), let w = layers[index].reach.w?.ends(of: x) else { return nil }
        return (h.0...h.1, w.0...w.1)
    }
}
