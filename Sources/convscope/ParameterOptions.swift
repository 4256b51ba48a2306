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
    @Option(name: .customLong("padding"), parsing: .unconditional,
            help: "Padding for both axes: N or HxW, or PyTorch's 'same' or 'valid'.")
    var padding: String?
    @Option(name: .customLong("stride"), parsing: .unconditional, help: "Stride for both axes: N or HxW.")
    var stride: String?
    @Option(name: .customLong("dilation"), parsing: .unconditional, help: "Dilation for both axes: N or HxW.")
    var dilation: String?

    @Option(name: .customLong(ParameterID.paddingMode.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.paddingMode.spec.flagHelp))
    var paddingMode: String?
    @Option(name: .customLong(ParameterID.groups.spec.flagName), parsing: .unconditional,
            help: ArgumentHelp(ParameterID.groups.spec.flagHelp))
    var groups: Int?
    @Option(name: .customLong(ParameterID.bias.spec.flagName), parsing: .unconditional,
            help: "One bias added to every output channel: none (the notebook's) or a number.")
    var bias: String?
    @Option(name: .customLong(ParameterID.input.spec.flagName), parsing: .unconditional,
            help: "The input: \(InputSource.all.dropLast(2).map(\.argument).joined(separator: ", ")), random[:N], notebook, or a .npy, .csv, .pgm or .ppm file (it sets h_in, w_in and in_channels).")
    var input: String?
    @Option(name: .customLong(ParameterID.kernel.spec.flagName), parsing: .unconditional,
            help: "The kernel: \(KernelPreset.all.dropLast().map(\.argument).joined(separator: ", ")), random[:N], or a .npy file of shape (kH, kW) or (C_out, C_in/groups, kH, kW).")
    var kernel: String?

    /// The explicit per-parameter flags, one per slider row.
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
    var anyGiven: Bool {
        explicit.values.contains { $0 != nil } || shorthands.contains { $0.value != nil }
            || [paddingMode, bias, input, kernel].contains { $0 != nil } || groups != nil
    }

    func validate() throws {
        precondition(Set(explicit.keys) == Set(ParameterID.geometry), "a slider row has no flag")
        _ = try apply(to: Conv2dSettings(), readingFiles: false)
    }

    /// `base` with every given flag applied; throws a `ValidationError` naming flag, value and
    /// what is allowed. Files are read only when `readingFiles` (validation runs before them).
    func apply(to base: Conv2dSettings, readingFiles: Bool = true) throws -> Conv2dSettings {
        var s = base
        s.geometry = try apply(to: base.geometry)
        if let padding, let choice = PaddingChoice(rawValue: padding), choice != .explicit {
            s.paddingChoice = choice
        } else if padding != nil || paddingH != nil || paddingW != nil {
            s.paddingChoice = .explicit
        }
        if let paddingMode {
            guard let mode = PaddingMode(rawValue: paddingMode) else {
                throw ValidationError("--padding-mode '\(paddingMode)' is not a padding mode: allowed "
                    + PaddingMode.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            s.paddingMode = mode
        }
        if let groups {
            let range = ParameterID.groups.range
            guard range.contains(groups) else {
                throw ValidationError("--groups \(groups) is out of range: allowed \(range.lowerBound)...\(range.upperBound).")
            }
            s.groups = groups
        }
        if let bias { s.bias = try Self.parseBias(bias) }
        if let input {
            if let source = InputSource(argument: input) {
                s.input = .generated(source)
            } else if InputFileFormat(fileName: input) != nil || input.contains("/") || input.contains(".") {
                if readingFiles { s.useInput(.file(LoadedFile(name: input, content: try InputFileLoader.input(input)))) }
            } else {
                throw ValidationError("--input '\(input)' is not an input: allowed "
                    + InputSource.all.filter { $0.choiceName != "random" }.map(\.argument).joined(separator: ", ")
                    + ", random[:N] (N a whole number 0...\(UInt64.max)) or a .npy, .csv, .pgm or .ppm file.")
            }
        }
        if let kernel {
            if let preset = KernelPreset(argument: kernel) {
                try! s.useKernel(.preset(preset))
            } else if InputFileFormat(fileName: kernel) != nil || kernel.contains("/") || kernel.contains(".") {
                if readingFiles {
                    do {
                        try s.useKernel(.file(LoadedFile(name: kernel, content: try InputFileLoader.kernel(kernel))))
                    } catch let error as InputFileError {
                        throw ValidationError("--kernel " + error.message)
                    }
                }
            } else {
                throw ValidationError("--kernel '\(kernel)' is not a kernel: allowed "
                    + KernelPreset.all.filter { $0.choiceName != "random" }.map(\.argument).joined(separator: ", ")
                    + ", random[:N] (N a whole number 0...\(UInt64.max)) or a .npy file.")
            }
        }
        return s
    }

    /// The one line an option error shows (a `ValidationError`'s message, or ArgumentParser's).
    static func message(for error: Error) -> String {
        if let validation = error as? ValidationError { return validation.message }
        return fullMessage(for: error)
    }

    /// `none` or a finite number within the bias limits.
    static func parseBias(_ text: String) throws -> Float? {
        if text == "none" { return nil }
        let limits = Conv2dLimits.bias
        guard let value = Float(text), value.isFinite, limits.contains(value) else {
            throw ValidationError("--bias '\(text)' is not a bias: allowed none or a number in "
                + "\(formatNumber(limits.lowerBound))...\(formatNumber(limits.upperBound)).")
        }
        return value
    }

    /// `base` with every given slider flag applied (stacks take only these).
    func apply(to base: ConvParameters) throws -> ConvParameters {
        var p = base
        for (flag, value, pair) in shorthands {
            guard let value else { continue }
            // 'same' and 'valid' are the padding row's, not amounts.
            if flag == "--padding", PaddingChoice(rawValue: value) != nil, value != "explicit" { continue }
            for id in [pair.0, pair.1] where explicit[id]! != nil {
                throw ValidationError(
                    "\(flag) and \(id.flag) both set \(id.name); give either the shorthand or the h/w flags.")
            }
            let (h, w) = try Self.parsePair(value, flag: flag, range: pair.0.range)
            p[pair.0] = h
            p[pair.1] = w
        }
        for id in ParameterID.geometry {
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
            + (flag == "--padding" ? ", or same or valid" : "")
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
