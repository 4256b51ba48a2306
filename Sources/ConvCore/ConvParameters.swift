/// The notebook's twelve sliders, in `ParameterID.geometry` order: a view of one `Conv2dLayer`
/// and its input's size, read with `init(_:inputHeight:inputWidth:)` and written back with
/// `Conv2dLayer.init(_:padding:paddingMode:groups:bias:)` (the layer's other arguments are not sliders).
public struct ConvParameters: Equatable, Hashable, Sendable, Codable {
    /// Values in `ParameterID.geometry` order.
    public private(set) var values: [Int]

    /// The notebook widget's defaults: 8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1.
    public init() { values = Self.notebookDefaults }

    /// Looked up once: every layer of a traced stack starts from them (a retrace of 5,000 layers
    /// spent a sixth of its time finding the defaults in the parameter table).
    private static let notebookDefaults = ParameterID.geometry.map(\.notebookDefault)

    /// A parameter set from values in `ParameterID.geometry` order.
    public init(_ values: [Int]) {
        precondition(values.count == ParameterID.geometry.count)
        self.values = values
    }

    /// The value of one of the twelve sliders (`id.isGeometry`).
    public subscript(id: ParameterID) -> Int {
        get { values[id.rawValue] }
        set { values[id.rawValue] = newValue }
    }

    public var hIn: Int { get { self[.hIn] } set { self[.hIn] = newValue } }
    public var wIn: Int { get { self[.wIn] } set { self[.wIn] = newValue } }
    public var inChannels: Int { get { self[.inChannels] } set { self[.inChannels] = newValue } }
    public var outChannels: Int { get { self[.outChannels] } set { self[.outChannels] = newValue } }
    public var kernelSizeH: Int { get { self[.kernelSizeH] } set { self[.kernelSizeH] = newValue } }
    public var kernelSizeW: Int { get { self[.kernelSizeW] } set { self[.kernelSizeW] = newValue } }
    public var paddingH: Int { get { self[.paddingH] } set { self[.paddingH] = newValue } }
    public var paddingW: Int { get { self[.paddingW] } set { self[.paddingW] = newValue } }
    public var strideH: Int { get { self[.strideH] } set { self[.strideH] = newValue } }
    public var strideW: Int { get { self[.strideW] } set { self[.strideW] = newValue } }
    public var dilationH: Int { get { self[.dilationH] } set { self[.dilationH] = newValue } }
    public var dilationW: Int { get { self[.dilationW] } set { self[.dilationW] = newValue } }

    /// Sets a value, clamped into the parameter's allowed range.
    public mutating func setClamped(_ id: ParameterID, _ value: Int) {
        self[id] = min(max(value, id.range.lowerBound), id.range.upperBound)
    }

    /// Height-axis geometry.
    public var heightAxis: AxisGeometry {
        AxisGeometry(size: hIn, kernel: kernelSizeH, padding: paddingH, stride: strideH, dilation: dilationH)
    }

    /// Width-axis geometry.
    public var widthAxis: AxisGeometry {
        AxisGeometry(size: wIn, kernel: kernelSizeW, padding: paddingW, stride: strideW, dilation: dilationW)
    }
}

extension ConvParameters {
    /// The sliders of `layer` on an H × W input; the padding rows hold the amounts applied before
    /// each axis ('same' with an odd total pads one more after).
    public init(_ layer: Conv2dLayer, inputHeight: Int, inputWidth: Int) {
        self.init([inputHeight, inputWidth, layer.inChannels, layer.outChannels, layer.kernelSize.h, layer.kernelSize.w,
                   layer.paddingH, layer.paddingW, layer.stride.h, layer.stride.w, layer.dilation.h, layer.dilation.w])
    }
}

extension Conv2dLayer {
    /// The layer the sliders describe, with the arguments the sliders do not hold; `padding` nil
    /// means the sliders' explicit amounts.
    public init(_ p: ConvParameters, padding: PaddingSpec? = nil, paddingMode: PaddingMode = .zeros, groups: Int = 1,
                bias: Bool = false) {
        self.init(p.inChannels, p.outChannels, kernelSize: SpatialPair(p.kernelSizeH, p.kernelSizeW),
                  stride: SpatialPair(p.strideH, p.strideW), padding: padding ?? .explicit(h: p.paddingH, w: p.paddingW),
                  dilation: SpatialPair(p.dilationH, p.dilationW), groups: groups, bias: bias, paddingMode: paddingMode)
    }
}
