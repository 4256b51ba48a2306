/// One row of a stack layer's parameter table, read from one layer: the same facts a
/// `ParameterSpec` row gives (name, range, default, h/w partner, step, kind), the layer's value,
/// and the model with the value changed. Every kind's rows are `StackLayer.parameterRows(at:)`;
/// `Model.parameterRows(at:)` puts h_in and w_in (the model's input) before the first layer's.
public struct LayerParameterRow {
    /// PyTorch's argument name, per axis where it is a pair: `output_padding_h`.
    public let name: String
    /// The values the panel allows (those PyTorch refuses are shown with its message, not clamped).
    public let range: ClosedRange<Int>
    /// PyTorch's default, or a small usual value for an argument without one.
    public let defaultValue: Int
    /// The other half of an h/w pair (its name), if any.
    public let partner: String?
    public let step: StepRule
    public let kind: ParameterKind
    /// The value in the layer the row was read from.
    public let value: Int
    /// The model with this parameter set to a value (clamped into `range`), partner untouched.
    public let setting: (Int, Model) -> Model

    /// The row, with `effect` also applied to the model it changes (layer 0's in_channels is the input's).
    func then(_ effect: @escaping (Int, inout Model) -> Void) -> LayerParameterRow {
        let setting = self.setting, range = self.range
        return LayerParameterRow(name: name, range: range, defaultValue: defaultValue, partner: partner, step: step,
                                 kind: kind, value: value) { value, model in
            var changed = setting(value, model)
            effect(min(max(value, range.lowerBound), range.upperBound), &changed)
            return changed
        }
    }

    /// The value as the panel writes it: a number, or the chosen name (`True`).
    public func text(_ value: Int) -> String {
        if case let .choice(names) = kind, names.indices.contains(value) { return names[value] }
        return String(value)
    }
}

/// Builds the rows of one layer of type `L` from key paths into it.
private struct RowBuilder<L> {
    let layer: L
    let embed: (L) -> StackLayer
    /// The layer's position in the model.
    let index: Int

    func row(_ name: String, _ range: ClosedRange<Int>, _ defaultValue: Int, partner: String? = nil,
             step: StepRule = .linear(4), kind: ParameterKind = .integer, _ path: WritableKeyPath<L, Int>) -> LayerParameterRow {
        let (layer, embed, index) = (self.layer, self.embed, self.index)
        return LayerParameterRow(name: name, range: range, defaultValue: defaultValue, partner: partner, step: step, kind: kind,
                                 value: layer[keyPath: path]) { value, model in
            var changed = layer, result = model
            changed[keyPath: path] = min(max(value, range.lowerBound), range.upperBound)
            result.layers[index] = embed(changed)
            return result.settingAssumed(name, at: index)
        }
    }

    /// The `name_h` and `name_w` rows of a pair.
    func pair(_ name: String, _ range: ClosedRange<Int>, _ defaultValue: Int, step: StepRule = .linear(4),
              _ h: WritableKeyPath<L, Int>, _ w: WritableKeyPath<L, Int>) -> [LayerParameterRow] {
        [row(name + "_h", range, defaultValue, partner: name + "_w", step: step, h),
         row(name + "_w", range, defaultValue, partner: name + "_h", step: step, w)]
    }

    /// The row of table row `spec` (name, model range, default, partner, step, kind) reading `path`.
    func row(_ spec: ParameterSpec, _ path: WritableKeyPath<L, Int>) -> LayerParameterRow {
        row(spec.name, spec.modelRange, spec.defaultValue, partner: spec.partner?.name, step: spec.step, kind: spec.kind, path)
    }

    func flag(_ name: String, _ defaultValue: Bool, _ path: WritableKeyPath<L, Int>) -> LayerParameterRow {
        choice(name, ["False", "True"], defaultValue ? 1 : 0, path)
    }

    /// A row choosing one of `names` (its value is the index).
    func choice(_ name: String, _ names: [String], _ defaultValue: Int, _ path: WritableKeyPath<L, Int>) -> LayerParameterRow {
        row(name, 0...names.count - 1, defaultValue, step: .linear(1), kind: .choice(names), path)
    }
}

extension StackLayer {
    /// The parameters the stack panel edits for this layer at position `index` (a Cat may name
    /// any earlier layer); empty for shape-preserving layers.
    public func parameterRows(at index: Int) -> [LayerParameterRow] {
        let channels = StackLimits.channels, kernel = StackLimits.kernel, stride = StackLimits.stride
        let padding = StackLimits.padding, dilation = StackLimits.dilation
        switch self {
        case let .conv2d(layer):
            // The course screen's table rows that are the module's arguments, in its order.
            let b = RowBuilder(layer: layer, embed: StackLayer.conv2d, index: index)
            return LayerSpec.conv2d.parameters.compactMap { spec -> LayerParameterRow? in
                guard let path = Conv2dLayer.argument(spec.id) else { return nil }
                // bias: the course screen types one value; a model's layer has bias=True or False.
                if spec.id == .bias { return b.flag(spec.name, true, path) }
                // The first layer's in_channels is the input's: changing it changes the input.
                if spec.id == .inChannels && index == 0 { return b.row(spec, path).then { $1.inputShape[1] = $0 } }
                return b.row(spec, path)
            }
        case let .convTranspose2d(layer):
            let b = RowBuilder(layer: layer, embed: StackLayer.convTranspose2d, index: index)
            return [b.row("in_channels", channels, 8, step: .geometric, \.inChannels),
                    b.row("out_channels", channels, 4, step: .geometric, \.outChannels)]
                + b.pair("kernel_size", kernel, 2, \.kernelSize.h, \.kernelSize.w)
                + b.pair("stride", stride, 1, \.stride.h, \.stride.w)
                + b.pair("padding", padding, 0, \.padding.h, \.padding.w)
                + b.pair("output_padding", padding, 0, \.outputPadding.h, \.outputPadding.w)
                + b.pair("dilation", dilation, 1, \.dilation.h, \.dilation.w)
                + [b.row("groups", channels, 1, step: .geometric, \.groups)]
        case let .maxPool2d(layer):
            let b = RowBuilder(layer: layer, embed: StackLayer.maxPool2d, index: index)
            return b.pair("kernel_size", kernel, 2, \.kernelSize.h, \.kernelSize.w)
                + b.pair("stride", stride, 2, \.strideGiven.h, \.strideGiven.w)
                + b.pair("padding", padding, 0, \.padding.h, \.padding.w)
                + b.pair("dilation", dilation, 1, \.dilation.h, \.dilation.w)
                + [b.flag("ceil_mode", false, \.ceilModeIndex)]
        case let .avgPool2d(layer):
            let b = RowBuilder(layer: layer, embed: StackLayer.avgPool2d, index: index)
            return b.pair("kernel_size", kernel, 2, \.kernelSize.h, \.kernelSize.w)
                + b.pair("stride", stride, 2, \.strideGiven.h, \.strideGiven.w)
                + b.pair("padding", padding, 0, \.padding.h, \.padding.w)
                + [b.flag("ceil_mode", false, \.ceilModeIndex), b.flag("count_include_pad", true, \.countIncludePadIndex)]
        case let .cat(layer):
            let b = RowBuilder(layer: layer, embed: StackLayer.cat, index: index)
            return [b.row("skip", 0...max(0, index - 1), 0, step: .linear(1), \.skip),
                    b.flag("crop", false, \.cropIndex)]
        case .shapePreserving, .module:
            return []
        }
    }
}

extension Model {
    /// The panel's rows for layer `index`: the first layer's begin with h_in and w_in, the
    /// model's input size (later layers take theirs from the layer before).
    public func parameterRows(at index: Int) -> [LayerParameterRow] {
        let rows = layers[index].parameterRows(at: index)
        guard index == 0 else { return rows }
        func input(_ id: ParameterID, _ axis: Int) -> LayerParameterRow {
            let spec = id.spec, range = spec.modelRange
            return LayerParameterRow(name: spec.name, range: range, defaultValue: spec.defaultValue,
                                     partner: spec.partner?.name, step: spec.step, kind: spec.kind,
                                     value: inputShape[axis]) { value, model in
                var changed = model
                changed.inputShape[axis] = min(max(value, range.lowerBound), range.upperBound)
                return changed
            }
        }
        return [input(.hIn, 2), input(.wIn, 3)] + rows
    }
}

extension Conv2dLayer {
    /// The layer's value of parameter-table row `id` (a choice's index, bias 0 or 1); nil for
    /// rows that are not module arguments (the input's size and source, the kernel, the kind).
    static func argument(_ id: ParameterID) -> WritableKeyPath<Conv2dLayer, Int>? {
        switch id {
        case .inChannels: \.inChannels
        case .outChannels: \.outChannels
        case .kernelSizeH: \.kernelSize.h
        case .kernelSizeW: \.kernelSize.w
        case .paddingH: \.paddingH
        case .paddingW: \.paddingW
        case .strideH: \.stride.h
        case .strideW: \.stride.w
        case .dilationH: \.dilation.h
        case .dilationW: \.dilation.w
        case .paddingMode: \.paddingModeIndex
        case .padding: \.paddingChoiceIndex
        case .groups: \.groups
        case .bias: \.biasIndex
        case .hIn, .wIn, .input, .kernel, .layerKind, .outputPaddingH, .outputPaddingW: nil
        }
    }

    /// padding_h as the row shows it: the amount applied before (top); setting it makes the padding explicit.
    public var paddingH: Int {
        get { appliedPadding(.height).before }
        set { padding = .explicit(h: newValue, w: paddingW) }
    }
    /// padding_w: the amount applied before (left); see `paddingH`.
    public var paddingW: Int {
        get { appliedPadding(.width).before }
        set { padding = .explicit(h: paddingH, w: newValue) }
    }
    /// padding_mode as its index in `PaddingMode.allCases`.
    public var paddingModeIndex: Int {
        get { PaddingMode.allCases.firstIndex(of: paddingMode)! }
        set { paddingMode = PaddingMode.allCases[newValue] }
    }
    /// The padding row's choice: explicit amounts (those applied now), 'same' or 'valid'.
    public var paddingChoiceIndex: Int {
        get { PaddingChoice.allCases.firstIndex(of: PaddingChoice(padding))! }
        set { padding = PaddingChoice.allCases[newValue].padding(h: paddingH, w: paddingW) }
    }
    /// bias as 0 (False) or 1 (True).
    public var biasIndex: Int {
        get { bias ? 1 : 0 }
        set { bias = newValue != 0 }
    }
}

extension IntOrPair {
    /// The height; setting it keeps an int an int while both halves agree, as PyTorch prints it.
    public var h: Int {
        get { pair.h }
        set { self = .init(newValue, pair.w, wasInt: isInt) }
    }
    /// The width; see `h`.
    public var w: Int {
        get { pair.w }
        set { self = .init(pair.h, newValue, wasInt: isInt) }
    }

    private var isInt: Bool { if case .int = self { true } else { false } }

    private init(_ h: Int, _ w: Int, wasInt: Bool) { self = wasInt && h == w ? .int(h) : .pair(h, w) }
}

/// The arguments both pooling layers share, so the panel edits them one way.
public protocol PoolArguments {
    var kernelSize: IntOrPair { get }
    var stride: IntOrPair? { get set }
    var ceilMode: Bool { get set }
}

extension PoolArguments {
    /// The stride as PyTorch uses it (the kernel size when not given); setting it gives it.
    public var strideGiven: IntOrPair {
        get { stride ?? kernelSize }
        set { stride = newValue }
    }
    /// ceil_mode as 0 or 1 (the panel's choice row).
    public var ceilModeIndex: Int {
        get { ceilMode ? 1 : 0 }
        set { ceilMode = newValue != 0 }
    }
}

extension MaxPool2dLayer: PoolArguments {}

extension AvgPool2dLayer: PoolArguments {
    /// count_include_pad as 0 or 1.
    public var countIncludePadIndex: Int {
        get { countIncludePad ? 1 : 0 }
        set { countIncludePad = newValue != 0 }
    }
}

extension CatLayer {
    /// crop as 0 or 1.
    public var cropIndex: Int {
        get { crop ? 1 : 0 }
        set { crop = newValue != 0 }
    }
}
