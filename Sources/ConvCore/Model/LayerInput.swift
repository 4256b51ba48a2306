/// Where the layer's input comes from: a generated pattern or a file (.npy, .csv, .pgm, .ppm).
public enum LayerInput: Hashable, Sendable {
    case generated(InputSource)
    case file(LoadedFile<Tensor4>)

    /// The `input` row's names, in the panel's cycle order: every generated input, then a file.
    public static let choiceNames = InputSource.all.map(\.choiceName) + ["file"]

    /// Its index among `choiceNames`.
    public var choiceIndex: Int {
        switch self {
        case .generated(let source): InputSource.all.firstIndex { $0.choiceName == source.choiceName }!
        case .file: Self.choiceNames.count - 1
        }
    }

    /// The command-line word: `ramp-x`, `random:7`, or the file's name.
    public var argument: String {
        switch self {
        case .generated(let source): source.argument
        case .file(let file): file.name
        }
    }
}

/// Where the kernel's weights come from: a preset or a .npy file.
public enum LayerKernel: Hashable, Sendable {
    case preset(KernelPreset)
    case file(LoadedFile<KernelFile>)

    /// The `kernel` row's names, in the panel's cycle order: every preset, then a file.
    public static let choiceNames = KernelPreset.all.map(\.choiceName) + ["file"]

    /// Its index among `choiceNames`.
    public var choiceIndex: Int {
        switch self {
        case .preset(let preset): KernelPreset.all.firstIndex { $0.choiceName == preset.choiceName }!
        case .file: Self.choiceNames.count - 1
        }
    }

    /// The command-line word: `sobel-x`, `random:7`, or the file's name.
    public var argument: String {
        switch self {
        case .preset(let preset): preset.argument
        case .file(let file): file.name
        }
    }

    /// True when every weight is 1 (the notebook's kernel): the inspector then writes inputs only.
    public var isOnes: Bool { self == .preset(.ones) }
}

extension InputSource {
    /// The name in the panel's cycle: the argument without a random start.
    public var choiceName: String {
        if case .random = self { return "random" }
        return argument
    }
}

extension KernelPreset {
    /// The name in the panel's cycle: the argument without a random start.
    public var choiceName: String {
        if case .random = self { return "random" }
        return argument
    }
}
