/// How PgUp/PgDn move a parameter.
public enum StepRule: Equatable, Sendable {
    /// Double and halve (sizes, channel counts).
    case geometric
    /// Up and down by this many.
    case linear(Int)

    /// The value PgUp (`up`) or PgDn moves `value` to, before clamping into the row's range.
    public func step(_ value: Int, up: Bool) -> Int {
        switch self {
        case .geometric: up ? value * 2 : max(1, value / 2)
        case .linear(let n): up ? value + n : value - n
        }
    }
}

/// What a parameter's value means.
public enum ParameterKind: Equatable, Sendable {
    /// A whole number in the parameter's range.
    case integer
    /// One of these names; the value is its index (e.g. `padding_mode`).
    case choice([String])
    /// A real value or none (`bias`); the range bounds what may be typed.
    case number
}

/// One row of a layer's parameter table: everything the panel, the command line, the state
/// file, the `P` line and the help know about a parameter.
public struct ParameterSpec: Equatable, Sendable {
    public let id: ParameterID
    /// The notebook's name, e.g. `kernel_size_h`; also the state file's key.
    public let name: String
    /// The command line's help text, without the range (added from `range`).
    public let summary: String
    /// The values convscope allows (wider than the notebook's sliders).
    public let range: ClosedRange<Int>
    /// The values a model's layer allows (`StackLimits`: up to the U-Net paper's sizes).
    public let modelRange: ClosedRange<Int>
    /// The notebook widget's starting value.
    public let defaultValue: Int
    /// The other half of an h/w pair, if any.
    public let partner: ParameterID?
    /// For an h/w pair, PyTorch's argument both halves make (`kernel_size`), which also names the
    /// `--kernel-size N|HxW` shorthand; for a single value, its PyTorch argument; nil when the
    /// parameter is not an argument of the layer (the input's size).
    public let pytorchArgument: String?
    public let step: StepRule
    public let kind: ParameterKind

    /// The command-line flag, e.g. `--kernel-size-h`.
    public var flag: String { "--" + flagName }
    /// The flag without its dashes, e.g. `kernel-size-h`.
    public var flagName: String { name.replacingUnderscores() }
    /// The flag's help: the summary and the allowed values, e.g. "Kernel height (1...32)."
    public var flagHelp: String {
        switch kind {
        case .integer: "\(summary) (\(range.lowerBound)...\(range.upperBound))."
        case .choice(let names): "\(summary): \(names.joined(separator: ", "))."
        case .number: "\(summary): none or a number in \(range.lowerBound)...\(range.upperBound)."
        }
    }
    /// The names of a choice row (empty for other kinds).
    public var choiceNames: [String] {
        if case .choice(let names) = kind { return names }
        return []
    }
    /// The `--kernel-size`-style flag setting both halves of a pair, if the pair has one.
    public var shorthandFlag: String? { partner == nil ? nil : pytorchArgument.map { "--" + $0.replacingUnderscores() } }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
