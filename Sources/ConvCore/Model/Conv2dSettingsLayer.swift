/// The one conversion each way between the course screen's layer and a model's `Conv2dLayer`.
extension Conv2dSettings {
    /// The module the screen's rows describe: channels, kernel, padding (amounts, 'same' or
    /// 'valid'), stride, dilation, padding mode, groups, and `bias=True` when a bias is set.
    public var layer: Conv2dLayer { spec.layer }

    /// The course screen showing `layer` on an H × W input (nil keeps the notebook's size), each
    /// value clamped into its row's range; a bias is 0, the value a model's layer starts with.
    public init(_ layer: Conv2dLayer, inputHeight: Int?, inputWidth: Int?) {
        self.init()
        if let inputHeight { geometry.setClamped(.hIn, inputHeight) }
        if let inputWidth { geometry.setClamped(.wIn, inputWidth) }
        let sliders = ConvParameters(layer, inputHeight: geometry.hIn, inputWidth: geometry.wIn)
        for id in ParameterID.geometry where id != .hIn && id != .wIn { geometry.setClamped(id, sliders[id]) }
        paddingMode = layer.paddingMode
        paddingChoice = PaddingChoice(layer.padding)
        groups = min(max(layer.groups, Conv2dLimits.groups.lowerBound), Conv2dLimits.groups.upperBound)
        bias = layer.bias ? 0 : nil
    }
}

extension PaddingChoice {
    /// The padding row's choice for `padding=`.
    public init(_ padding: PaddingSpec) {
        switch padding {
        case .explicit: self = .explicit
        case .same: self = .same
        case .valid: self = .valid
        }
    }

    /// `padding=` for this choice with the rows' amounts.
    public func padding(h: Int, w: Int) -> PaddingSpec {
        switch self {
        case .explicit: .explicit(h: h, w: w)
        case .same: .same
        case .valid: .valid
        }
    }
}
