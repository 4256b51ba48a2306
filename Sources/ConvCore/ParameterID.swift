/// One of a layer's parameters; its row in `LayerSpec.conv2d` says everything else about it.
public enum ParameterID: Int, CaseIterable, Sendable, Codable {
    case hIn, wIn, inChannels, outChannels
    case kernelSizeH, kernelSizeW, paddingH, paddingW
    case strideH, strideW, dilationH, dilationW
    case paddingMode, padding, groups, bias, input, kernel
    case layerKind, outputPaddingH, outputPaddingW

    /// The notebook's twelve sliders: the values `ConvParameters` holds.
    public static let geometry: [ParameterID] = allCases.filter(\.isGeometry)

    /// True for the notebook's twelve sliders (sizes, channels, kernel, padding, stride, dilation).
    public var isGeometry: Bool { rawValue <= ParameterID.dilationW.rawValue }

    /// Its row in the parameter table.
    public var spec: ParameterSpec { LayerSpec.conv2d.spec(self) }
    /// The notebook's name, e.g. `kernel_size_h`.
    public var name: String { spec.name }
    /// The command-line flag, e.g. `--kernel-size-h`.
    public var flag: String { spec.flag }
    /// The values convscope allows (wider than the notebook's sliders).
    public var range: ClosedRange<Int> { spec.range }
    /// The notebook widget's starting value.
    public var notebookDefault: Int { spec.defaultValue }
    /// The other half of an h/w pair (kernel, padding, stride, dilation, size), if any.
    public var partner: ParameterID? { spec.partner }
}
