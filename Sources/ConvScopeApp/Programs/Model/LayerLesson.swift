import ConvCore

/// A model's Conv2d layer opened in the course screen: the course screen is the model's graph with
/// one Conv2d, so every teaching view (animation, kernel section, presets, inspectors, padded view,
/// panels) works on the layer as it works on the notebook's. The layer's input is the model's: the
/// previous layer's output values (fixed while the lesson is open); its weights are the model's
/// weight source for it. Closing writes the layer's arguments and weight source back into the
/// model, a stack or a traced graph (`GraphScreenState.writeBack`).
public struct LayerLesson: Equatable, Sendable {
    /// Where the layer was opened from.
    public enum Origin: Equatable, Sendable {
        /// A stack of layers (its arguments are written back into it on closing).
        case stack(Model)
        /// A traced graph's Conv2d node: its module's name and the node its input comes from (its
        /// edits are written into the graph screen's model on closing).
        case graph(module: String, inputNode: String)
    }

    /// The layer's index in the model (a stack's layer, a graph's step).
    public let index: Int
    /// The layer's settings when it was opened (`r` comes back to them).
    public let opened: Conv2dSettings
    public let origin: Origin

    /// A lesson on layer `index` of `model`, opened with `opened`.
    init(index: Int, opened: Conv2dSettings, model: Model) {
        self.index = index; self.opened = opened; origin = .stack(model)
    }

    /// A lesson on a traced graph's Conv2d node (step `index`, module `module`) reading `inputNode`.
    init(step index: Int, module: String, inputNode: String, opened: Conv2dSettings) {
        self.index = index; self.opened = opened; origin = .graph(module: module, inputNode: inputNode)
    }

    /// The stack the layer was opened from; nil for a traced graph's node.
    public var model: Model? { if case .stack(let model) = origin { model } else { nil } }

    /// The lesson's layer name, as the model screen lists it (`features.3`, `layer1.0.conv1`).
    public var layerName: String {
        switch origin {
        case .stack(let model): model.name(index)
        case .graph(let module, _): module
        }
    }

    /// Why layer `index` of `stack` cannot be opened, or nil when it can: it must be a Conv2d
    /// that ran, with its input's values computed.
    static func refusal(_ stack: StackState, at index: Int) -> LessonNote? {
        let name = stack.model.name(index)
        guard stack.model.layers[index].isConv2d else { return .needsConv2d(name: name) }
        switch stack.trace.layers[index].status {
        case .ran: break
        case .failed: return .didNotRun(name: name, refused: true)
        case .notRun: return .didNotRun(name: name, refused: false)
        }
        guard let run = stack.run, input(of: index, model: stack.model, run: run) != nil else { return .needsValues(name: name) }
        return nil
    }

    /// Layer `index`'s input values: the model's input, or the output of the layer before it.
    static func input(of index: Int, model: Model, run: StackRun) -> Tensor4? {
        index == 0 ? model.makeInput() : run.outputs[index - 1]
    }

    /// Model layer → course settings: the Conv2d's every argument (padding mode, 'same'/'valid',
    /// groups, bias), `input` as the layer's input (named `inputName`), and the layer's weight
    /// source as the kernel. Nil when layer `index` is not a Conv2d.
    public static func settings(_ model: Model, index: Int, input: Tensor4, inputName: String) -> Conv2dSettings? {
        guard case let .conv2d(layer) = model.layers[index] else { return nil }
        return settings(layer, weighed: model.weightSource(index), input: input, inputName: inputName)
    }

    /// A Conv2d weighed by `source` on `input` (named `inputName`) as course settings.
    static func settings(_ layer: Conv2dLayer, weighed source: LayerWeightSource, input: Tensor4, inputName: String) -> Conv2dSettings {
        var p = Conv2dSettings(layer, inputHeight: input.shape[2], inputWidth: input.shape[3])
        p.useInput(.file(LoadedFile(name: inputName, content: input)))
        p.bias = layer.bias ? source.bias : nil
        if case .file(let file) = source.kernel { p.loadedKernel = file }
        p.kernel = source.kernel
        return p
    }

    /// Course settings → model (a chain or a traced graph): node `index` becomes the Conv2d
    /// `settings` describes (its input channels stay the model's), weighed by its kernel and bias.
    public static func model(_ model: Model, index: Int, settings p: Conv2dSettings) -> Model {
        guard model.nodes.indices.contains(index), case let .conv2d(before)? = model.layer(index) else { return model }
        // The one conversion back; the input's channels stay the model's. A chain's node and a
        // traced graph's alike keep their name, inputs and line.
        var layer = p.layer
        layer.inChannels = before.inChannels
        return model.replacingLayer(at: index, with: .conv2d(layer))
            .settingWeightSource(LayerWeightSource(kernel: p.kernel, bias: p.bias ?? 0), at: index)
    }
}

extension StackLayer {
    /// True for a Conv2d: the one kind `o` opens in the course screen.
    var isConv2d: Bool { if case .conv2d = self { true } else { false } }
}

extension StackState {
    /// True when the selected layer is a Conv2d: the one kind `o` opens.
    var selectsConv2d: Bool { layer.isConv2d }
}
