import ConvCore

/// A model's Conv2d layer opened in the course screen: the course screen is the model's graph with
/// one Conv2d, so every teaching view (animation, kernel section, presets, inspectors, padded view,
/// panels) works on the layer as it works on the notebook's. The layer's input is the model's: the
/// previous layer's output values (fixed while the lesson is open); its weights are the model's
/// weight source for it. Closing writes the layer's arguments and weight source back.
public struct LayerLesson: Equatable, Sendable {
    /// The layer's index in the model.
    public let index: Int
    /// The layer's settings when it was opened (`r` comes back to them).
    public let opened: Conv2dSettings
    /// The model screen's whole state when the layer was opened, kept to come back to (one element).
    private let modelScreen: [AppState]

    /// A lesson on layer `index`, opened from `modelScreen`.
    init(index: Int, opened: Conv2dSettings, modelScreen: AppState) {
        self.index = index; self.opened = opened; self.modelScreen = [modelScreen]
    }

    /// The model screen the lesson came from.
    var origin: AppState { modelScreen[0] }

    /// The model the lesson came from.
    public var model: Model { origin.stack!.model }

    /// The lesson's layer name, as the model screen lists it (`features.3`).
    public var layerName: String { model.name(index) }

    /// Why layer `index` of `stack` cannot be opened, or nil when it can: it must be a Conv2d
    /// that ran, with its input's values computed.
    static func refusal(_ stack: StackState, at index: Int) -> LessonNote? {
        guard case .conv2d = stack.model.layers[index] else { return .needsConv2d(name: stack.model.name(index)) }
        guard stack.trace.layers[index].status == .ran, let run = stack.run, input(of: index, model: stack.model, run: run) != nil
        else { return .needsValues(name: stack.model.name(index)) }
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
        let source = model.weightSource(index)
        var p = Conv2dSettings()
        p.useInput(.file(LoadedFile(name: inputName, content: input)))
        p.geometry.setClamped(.outChannels, layer.outChannels)
        p.geometry.setClamped(.kernelSizeH, layer.kernelSize.h)
        p.geometry.setClamped(.kernelSizeW, layer.kernelSize.w)
        p.geometry.setClamped(.strideH, layer.stride.h)
        p.geometry.setClamped(.strideW, layer.stride.w)
        p.geometry.setClamped(.dilationH, layer.dilation.h)
        p.geometry.setClamped(.dilationW, layer.dilation.w)
        if case let .explicit(h, w) = layer.padding {
            p.geometry.setClamped(.paddingH, h)
            p.geometry.setClamped(.paddingW, w)
        }
        p.paddingChoice = PaddingChoice.allCases[layer.paddingChoiceIndex]
        p.paddingMode = layer.paddingMode
        p.groups = min(max(layer.groups, Conv2dLimits.groups.lowerBound), Conv2dLimits.groups.upperBound)
        p.bias = layer.bias ? source.bias : nil
        if case .file(let file) = source.kernel { p.loadedKernel = file }
        p.kernel = source.kernel
        return p
    }

    /// Course settings → model: layer `index` becomes the Conv2d `settings` describes (its input
    /// channels stay the model's), weighed by its kernel and bias.
    public static func model(_ model: Model, index: Int, settings p: Conv2dSettings) -> Model {
        guard case let .conv2d(before) = model.layers[index] else { return model }
        let g = p.geometry
        let padding: PaddingSpec = switch p.paddingChoice {
        case .explicit: .explicit(h: g.paddingH, w: g.paddingW)
        case .same: .same
        case .valid: .valid
        }
        let layer = Conv2dLayer(before.inChannels, g.outChannels, kernelSize: SpatialPair(g.kernelSizeH, g.kernelSizeW),
                                stride: SpatialPair(g.strideH, g.strideW), padding: padding,
                                dilation: SpatialPair(g.dilationH, g.dilationW), groups: p.groups, bias: p.bias != nil,
                                paddingMode: p.paddingMode)
        var new = model
        new.layers[index] = .conv2d(layer)
        return new.settingWeightSource(LayerWeightSource(kernel: p.kernel, bias: p.bias ?? 0), at: index)
    }
}
