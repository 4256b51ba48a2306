/// Where a model's Conv2d or ConvTranspose2d layer takes its weights from: the course screen's
/// kernel sources (a preset: ones, identity, sobel, random, …; or a .npy file) and one bias value
/// for every output channel (used only when the layer has `bias=True`). The course notebook's
/// weights, all ones and a zero bias, are the default.
public struct LayerWeightSource: Hashable, Sendable {
    /// The weights' source.
    public var kernel: LayerKernel
    /// The value of every bias entry.
    public var bias: Float

    /// A source of `kernel` weights and a bias of `bias` in every channel.
    public init(kernel: LayerKernel, bias: Float = 0) { self.kernel = kernel; self.bias = bias }

    /// The course notebook's: all ones, zero bias.
    public static let notebook = LayerWeightSource(kernel: .preset(.ones))

    /// The layer's weights from this source; nil for a layer without weights, or for a kernel
    /// file whose shape does not fit the layer (the model then keeps the notebook's weights).
    public func weights(for layer: StackLayer) -> LayerWeights? {
        guard let shape = layer.weightShape else { return nil }
        let weight: Tensor4
        switch kernel {
        case .preset(let preset): weight = preset.makeWeights(shape: shape)
        case .file(let file):
            guard case let .conv2d(conv) = layer,
                  let values = try? file.content.weights(for: conv.spec(inputHeight: shape[2], inputWidth: shape[3]),
                                                         name: file.name)
            else { return nil }
            weight = values
        }
        return LayerWeights(weight: weight, bias: layer.biasCount.map { [Float](repeating: bias, count: $0) })
    }
}

extension Model {
    /// Layer `index`'s weight source (the notebook's unless one was set).
    public func weightSource(_ index: Int) -> LayerWeightSource {
        weightSources?[index] ?? .notebook
    }

    /// The model with layer `index` weighed by `source`.
    public func settingWeightSource(_ source: LayerWeightSource, at index: Int) -> Model {
        var new = self
        var sources = weightSources ?? [LayerWeightSource?](repeating: nil, count: nodes.count)
        sources[index] = source == .notebook ? nil : source
        new.weightSources = sources.allSatisfy { $0 == nil } ? nil : sources
        return new
    }
}
