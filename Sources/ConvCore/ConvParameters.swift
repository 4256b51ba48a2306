/// The values of a layer's parameters, in `ParameterID` order (its table's rows).
public struct ConvParameters: Equatable, Hashable, Sendable, Codable {
    /// Values in `ParameterID` order.
    public private(set) var values: [Int]

    /// The notebook widget's defaults: 8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1.
    public init() { values = ParameterID.allCases.map(\.notebookDefault) }

    /// A parameter set from values in `ParameterID` order.
    public init(_ values: [Int]) {
        precondition(values.count == ParameterID.allCases.count)
        self.values = values
    }

    /// The value of one parameter.
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
