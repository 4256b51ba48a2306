import ArgumentParser
import ConvCore

/// The parameter table's rows as flags, plus `--kernel-size N|HxW`-style shorthands. Names and
/// help come from the table; ArgumentParser declares options statically, so each row also needs
/// its property here and its entry in `explicit` (checked when the options are validated).
struct ParameterOptions: ParsableArguments {
    @Option(name: .customLong(ParameterID.hIn.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.hIn.spec.flagHelp))
    var hIn: Int?
    @Option(name: .customLong(ParameterID.wIn.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.wIn.spec.flagHelp))
    var wIn: Int?
    @Option(name: .customLong(ParameterID.inChannels.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.inChannels.spec.flagHelp))
    var inChannels: Int?
    @Option(name: .customLong(ParameterID.outChannels.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.outChannels.spec.flagHelp))
    var outChannels: Int?
    @Option(name: .customLong(ParameterID.kernelSizeH.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.kernelSizeH.spec.flagHelp))
    var kernelSizeH: Int?
    @Option(name: .customLong(ParameterID.kernelSizeW.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.kernelSizeW.spec.flagHelp))
    var kernelSizeW: Int?
    @Option(name: .customLong(ParameterID.paddingH.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.paddingH.spec.flagHelp))
    var paddingH: Int?
    @Option(name: .customLong(ParameterID.paddingW.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.paddingW.spec.flagHelp))
    var paddingW: Int?
    @Option(name: .customLong(ParameterID.strideH.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.strideH.spec.flagHelp))
    var strideH: Int?
    @Option(name: .customLong(ParameterID.strideW.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.strideW.spec.flagHelp))
    var strideW: Int?
    @Option(name: .customLong(ParameterID.dilationH.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.dilationH.spec.flagHelp))
    var dilationH: Int?
    @Option(name: .customLong(ParameterID.dilationW.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.dilationW.spec.flagHelp))
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

    /// The explicit per-parameter flags, one per table row.
    private var explicit: [ParameterID: Int?] {
        [.hIn: hIn, .wIn: wIn, .inChannels: inChannels, .outChannels: outChannels,
         .kernelSizeH: kernelSizeH, .kernelSizeW: kernelSizeW, .paddingH: paddingH, .paddingW: paddingW,
         .strideH: strideH, .strideW: strideW, .dilationH: dilationH, .dilationW: dilationW]
    }

    /// Shorthand flag name → its value and the pair it sets, for every pair the table gives one.
    private var shorthands: [(flag: String, value: String?, pair: (ParameterID, ParameterID))] {
        let values = ["--kernel-size": kernelSize, "--padding": padding, "--stride": stride, "--dilation": dilation]
        return LayerSpec.conv2d.parameters.compactMap { row in
            guard let flag = row.shorthandFlag, let partner = row.partner, row.id.rawValue < partner.rawValue else { return nil }
            return (flag, values[flag] ?? nil, (row.id, partner))
        }
    }

    /// True when any parameter flag is given: then the saved session is not restored.
    var anyGiven: Bool { explicit.values.contains { $0 != nil } || shorthands.contains { $0.value != nil } }

    func validate() throws {
        precondition(Set(explicit.keys) == Set(ParameterID.allCases), "a parameter table row has no flag")
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
