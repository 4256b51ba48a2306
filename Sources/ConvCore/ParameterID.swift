/// One of the notebook widget's twelve sliders, in the widget's order.
public enum ParameterID: Int, CaseIterable, Sendable, Codable {
    case hIn, wIn, inChannels, outChannels
    case kernelSizeH, kernelSizeW, paddingH, paddingW
    case strideH, strideW, dilationH, dilationW

    /// The notebook's name, e.g. `kernel_size_h`.
    public var name: String {
        switch self {
        case .hIn: "h_in"
        case .wIn: "w_in"
        case .inChannels: "in_channels"
        case .outChannels: "out_channels"
        case .kernelSizeH: "kernel_size_h"
        case .kernelSizeW: "kernel_size_w"
        case .paddingH: "padding_h"
        case .paddingW: "padding_w"
        case .strideH: "stride_h"
        case .strideW: "stride_w"
        case .dilationH: "dilation_h"
        case .dilationW: "dilation_w"
        }
    }

    /// The command-line flag, e.g. `--kernel-size-h`.
    public var flag: String { "--" + name.replacingUnderscores() }

    /// The values convscope allows (wider than the notebook's sliders).
    public var range: ClosedRange<Int> {
        switch self {
        case .hIn, .wIn: 1...1024
        case .inChannels, .outChannels: 1...64
        case .kernelSizeH, .kernelSizeW: 1...32
        case .paddingH, .paddingW: 0...32
        case .strideH, .strideW: 1...32
        case .dilationH, .dilationW: 1...32
        }
    }

    /// The notebook widget's starting value.
    public var notebookDefault: Int {
        switch self {
        case .hIn, .wIn: 8
        case .inChannels: 3
        case .outChannels: 2
        case .kernelSizeH, .kernelSizeW: 3
        case .paddingH, .paddingW: 0
        case .strideH, .strideW, .dilationH, .dilationW: 1
        }
    }

    /// The other half of an h/w pair (kernel, padding, stride, dilation, size), if any.
    public var partner: ParameterID? {
        switch self {
        case .hIn: .wIn
        case .wIn: .hIn
        case .kernelSizeH: .kernelSizeW
        case .kernelSizeW: .kernelSizeH
        case .paddingH: .paddingW
        case .paddingW: .paddingH
        case .strideH: .strideW
        case .strideW: .strideH
        case .dilationH: .dilationW
        case .dilationW: .dilationH
        case .inChannels, .outChannels: nil
        }
    }

    /// Sizes and channel counts double/halve on PgUp/PgDn; the others step by 4.
    public var scalesGeometrically: Bool {
        switch self {
        case .hIn, .wIn, .inChannels, .outChannels: true
        default: false
        }
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
