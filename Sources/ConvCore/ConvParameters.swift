/// The twelve parameters of the notebook's `conv2d_example`.
public struct ConvParameters: Equatable, Hashable, Sendable, Codable {
    public var hIn = 8, wIn = 8, inChannels = 3, outChannels = 2
    public var kernelSizeH = 3, kernelSizeW = 3, paddingH = 0, paddingW = 0
    public var strideH = 1, strideW = 1, dilationH = 1, dilationW = 1

    /// The notebook widget's defaults: 8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1.
    public init() {}

    /// A parameter set from values in `ParameterID` order.
    public init(_ values: [Int]) {
        precondition(values.count == ParameterID.allCases.count)
        for (id, value) in zip(ParameterID.allCases, values) { self[id] = value }
    }

    /// The value of one parameter.
    public subscript(id: ParameterID) -> Int {
        get {
            switch id {
            case .hIn: hIn
            case .wIn: wIn
            case .inChannels: inChannels
            case .outChannels: outChannels
            case .kernelSizeH: kernelSizeH
            case .kernelSizeW: kernelSizeW
            case .paddingH: paddingH
            case .paddingW: paddingW
            case .strideH: strideH
            case .strideW: strideW
            case .dilationH: dilationH
            case .dilationW: dilationW
            }
        }
        set {
            switch id {
            case .hIn: hIn = newValue
            case .wIn: wIn = newValue
            case .inChannels: inChannels = newValue
            case .outChannels: outChannels = newValue
            case .kernelSizeH: kernelSizeH = newValue
            case .kernelSizeW: kernelSizeW = newValue
            case .paddingH: paddingH = newValue
            case .paddingW: paddingW = newValue
            case .strideH: strideH = newValue
            case .strideW: strideW = newValue
            case .dilationH: dilationH = newValue
            case .dilationW: dilationW = newValue
            }
        }
    }

    /// Values in `ParameterID` order.
    public var values: [Int] { ParameterID.allCases.map { self[$0] } }

    /// Sets a value, clamped into the parameter's allowed range.
    public mutating func setClamped(_ id: ParameterID, _ value: Int) {
        self[id] = min(max(value, id.range.lowerBound), id.range.upperBound)
    }

    /// The first parameter whose value lies outside its allowed range, if any.
    public var firstOutOfRange: ParameterID? {
        ParameterID.allCases.first { !$0.range.contains(self[$0]) }
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
