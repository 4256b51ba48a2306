import ArgumentParser
import ConvCore

/// The notebook's twelve parameters as flags, plus `--kernel-size N|HxW`-style shorthands.
struct ParameterOptions: ParsableArguments {
    @Option(name: .customLong("h-in"), parsing: .unconditional, help: "Input height (1...1024).")
    var hIn: Int?
    @Option(name: .customLong("w-in"), parsing: .unconditional, help: "Input width (1...1024).")
    var wIn: Int?
    @Option(name: .customLong("in-channels"), parsing: .unconditional, help: "Input channels (1...64).")
    var inChannels: Int?
    @Option(name: .customLong("out-channels"), parsing: .unconditional, help: "Output channels (1...64).")
    var outChannels: Int?
    @Option(name: .customLong("kernel-size-h"), parsing: .unconditional, help: "Kernel height (1...32).")
    var kernelSizeH: Int?
    @Option(name: .customLong("kernel-size-w"), parsing: .unconditional, help: "Kernel width (1...32).")
    var kernelSizeW: Int?
    @Option(name: .customLong("padding-h"), parsing: .unconditional, help: "Zero padding, top and bottom (0...32).")
    var paddingH: Int?
    @Option(name: .customLong("padding-w"), parsing: .unconditional, help: "Zero padding, left and right (0...32).")
    var paddingW: Int?
    @Option(name: .customLong("stride-h"), parsing: .unconditional, help: "Vertical stride (1...32).")
    var strideH: Int?
    @Option(name: .customLong("stride-w"), parsing: .unconditional, help: "Horizontal stride (1...32).")
    var strideW: Int?
    @Option(name: .customLong("dilation-h"), parsing: .unconditional, help: "Vertical dilation (1...32).")
    var dilationH: Int?
    @Option(name: .customLong("dilation-w"), parsing: .unconditional, help: "Horizontal dilation (1...32).")
    var dilationW: Int?

    @Option(name: .customLong("kernel-size"), parsing: .unconditional,
            help: "Kernel size for both axes: N or HxW (e.g. 3 or 3x5).")
    var kernelSize: String?
    @Option(name: .customLong("padding"), parsing: .unconditional, help: "Padding for both axes: N or HxW.")
    var padding: String?
    @Option(name: .customLong("stride"), parsing: .unconditional, help: "Stride for both axes: N or HxW.")
    var stride: String?
    @Option(name: .customLong("dilation"), parsing: .unconditional, help: "Dilation for both axes: N or HxW.")
    var dilation: String?

    /// The explicit per-parameter flags in `ParameterID` order.
    private var explicit: [ParameterID: Int?] {
        [.hIn: hIn, .wIn: wIn, .inChannels: inChannels, .outChannels: outChannels,
         .kernelSizeH: kernelSizeH, .kernelSizeW: kernelSizeW, .paddingH: paddingH, .paddingW: paddingW,
         .strideH: strideH, .strideW: strideW, .dilationH: dilationH, .dilationW: dilationW]
    }

    /// Shorthand flag name → its value and the pair it sets.
    private var shorthands: [(flag: String, value: String?, pair: (ParameterID, ParameterID))] {
        [("--kernel-size", kernelSize, (.kernelSizeH, .kernelSizeW)),
         ("--padding", padding, (.paddingH, .paddingW)),
         ("--stride", stride, (.strideH, .strideW)),
         ("--dilation", dilation, (.dilationH, .dilationW))]
    }

    /// True when any parameter flag is given: then the saved session is not restored.
    var anyGiven: Bool { explicit.values.contains { $0 != nil } || shorthands.contains { $0.value != nil } }

    func validate() throws {
        _ = try apply(to: ConvParameters())
    }

    /// `base` with every given flag applied; throws a `ValidationError` naming flag, value and range.
    func apply(to base: ConvParameters) throws -> ConvParameters {
        var p = base
        for (flag, value, pair) in shorthands {
            guard let value else { continue }
            for id in [pair.0, pair.1] where explicit[id]! != nil {
                throw ValidationError(
                    "\(flag) and \(id.flag) both set \(id.name); give either the shorthand or the h/w flags.")
            }
            let (h, w) = try Self.parsePair(value, flag: flag, range: pair.0.range)
            p[pair.0] = h
            p[pair.1] = w
        }
        for id in ParameterID.allCases {
            guard let value = explicit[id]! else { continue }
            guard id.range.contains(value) else {
                throw ValidationError(
                    "\(id.flag) \(value) is out of range: allowed \(id.range.lowerBound)...\(id.range.upperBound).")
            }
            p[id] = value
        }
        return p
    }

    /// Parses `N` or `HxW` for a shorthand flag.
    static func parsePair(_ text: String, flag: String, range: ClosedRange<Int>) throws -> (Int, Int) {
        let allowed = "allowed N or HxW with each number in \(range.lowerBound)...\(range.upperBound)"
        let parts = dimensionParts(text)
        guard (1...2).contains(parts.count),
              let numbers = Optional(parts.compactMap { Int($0) }), numbers.count == parts.count
        else { throw ValidationError("\(flag) '\(text)' is not a size: \(allowed) (e.g. 3 or 3x5).") }
        for n in numbers where !range.contains(n) {
            throw ValidationError("\(flag) '\(text)' is out of range: \(allowed).")
        }
        return (numbers[0], numbers.count == 2 ? numbers[1] : numbers[0])
    }
}
