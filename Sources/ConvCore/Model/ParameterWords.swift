/// A word a row cannot read: one line naming the flag, the value and what is allowed.
public struct ParameterWordError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Reads the files an `--input` or `--kernel` word names (the executable bounds their size first).
public struct ParameterFiles: Sendable {
    public let input: @Sendable (String) throws -> Tensor4
    public let kernel: @Sendable (String) throws -> KernelFile

    /// Readers for the two kinds of file; their errors' messages become the word's error.
    public init(input: @escaping @Sendable (String) throws -> Tensor4,
                kernel: @escaping @Sendable (String) throws -> KernelFile) {
        self.input = input
        self.kernel = kernel
    }
}

/// A row whose words need more than its kind's generic reading: `input` and `kernel` name files
/// and seeded patterns. Registered once, in `registered`; every other row is read by its kind.
public struct ParameterValueReader: Sendable {
    /// The flag's help, instead of the one the kind generates.
    public let help: String
    /// The row's word for a layer (the choice's name would lose `random:7` or the file's name).
    let text: @Sendable (Conv2dSettings) -> String
    /// Reads a word into the layer; `files` nil checks the word without reading a file.
    let read: @Sendable (inout Conv2dSettings, String, ParameterFiles?) throws(ParameterWordError) -> Void

    /// The rows with a reader of their own.
    public static let registered: [ParameterID: ParameterValueReader] = [.input: input, .kernel: kernel]

    static let randomWord = "random[:N] (N a whole number 0...\(UInt64.max))"

    static let input = patternOrFile(
        flag: "--input", noun: "an input", patterns: InputSource.all.map(\.argument), files: "a .npy, .csv, .pgm or .ppm file",
        help: "The input: \(InputSource.all.dropLast(2).map(\.argument).joined(separator: ", ")), random[:N], notebook, "
            + "or a .npy, .csv, .pgm or .ppm file (it sets h_in, w_in and in_channels).",
        text: { $0.input.argument },
        pattern: { settings, word in InputSource(argument: word).map { settings.input = .generated($0) } != nil },
        file: { settings, word, files in settings.useInput(.file(LoadedFile(name: word, content: try files.input(word)))) })

    static let kernel = patternOrFile(
        flag: "--kernel", noun: "a kernel", patterns: KernelPreset.all.map(\.argument), files: "a .npy file",
        help: "The kernel: \(KernelPreset.all.dropLast().map(\.argument).joined(separator: ", ")), random[:N], "
            + "or a .npy file of shape (kH, kW) or (C_out, C_in/groups, kH, kW).",
        text: { $0.kernel.argument },
        pattern: { settings, word in KernelPreset(argument: word).map { settings.kernel = .preset($0) } != nil },
        file: { settings, word, files in
            do {
                try settings.useKernel(.file(LoadedFile(name: word, content: try files.kernel(word))))
            } catch let error as InputFileError {
                throw ParameterWordError("--kernel " + error.message)
            }
        })

    /// A row read as a named pattern (`random:N` included) or, failing that, a file.
    private static func patternOrFile(
        flag: String, noun: String, patterns: [String], files fileKinds: String, help: String,
        text: @escaping @Sendable (Conv2dSettings) -> String,
        pattern: @escaping @Sendable (inout Conv2dSettings, String) -> Bool,
        file: @escaping @Sendable (inout Conv2dSettings, String, ParameterFiles) throws -> Void
    ) -> ParameterValueReader {
        ParameterValueReader(help: help, text: text) { settings, word, files throws(ParameterWordError) in
            if pattern(&settings, word) { return }
            guard namesFile(word) else {
                let named = patterns.filter { !$0.hasPrefix("random") }.joined(separator: ", ")
                throw ParameterWordError("\(flag) '\(word)' is not \(noun): allowed \(named), \(randomWord) or \(fileKinds).")
            }
            guard let files else { return }
            do { try file(&settings, word, files) } catch { throw ParameterWordError(wordMessage(error)) }
        }
    }

    /// A word that is not a pattern's name is a file when it looks like one.
    static func namesFile(_ word: String) -> Bool {
        InputFileFormat(fileName: word) != nil || word.contains("/") || word.contains(".")
    }

    static func wordMessage(_ error: Error) -> String {
        (error as? ParameterWordError)?.message ?? String(describing: error)
    }
}

extension ParameterSpec {
    /// The word for "a value of this row" in messages: `padding mode`, `bias`.
    var noun: String { name.split(separator: "_").joined(separator: " ") }

    /// The flag's help: the registered reader's, or the summary and what the kind allows.
    public var help: String { ParameterValueReader.registered[id]?.help ?? flagHelp }

    /// What the flag accepts, as messages end: `a whole number in 1...1024`, `zeros, reflect, …`.
    public var allowedText: String {
        switch kind {
        case .integer: "a whole number in \(range.lowerBound)...\(range.upperBound)"
        case .choice(let names): names.joined(separator: ", ")
        case .number: "none or a number in \(range.lowerBound)...\(range.upperBound)"
        }
    }
}

extension Conv2dSettings {
    /// A row's word, as the command line and the state file write it: the number, the choice's
    /// name, `none` or the bias, or the registered reader's (`random:7`, a file's name).
    public func valueText(_ id: ParameterID) -> String {
        if let reader = ParameterValueReader.registered[id] { return reader.text(self) }
        switch id.spec.kind {
        case .integer: return String(self[id])
        case .choice(let names): return names[self[id]]
        case .number: return self[number: id].map(formatNumber) ?? "none"
        }
    }

    /// Sets a row from its word (the command line's and the state file's); throws one line naming
    /// the flag, the word and what is allowed. `files` nil checks a file's word without reading it.
    public mutating func read(_ id: ParameterID, word: String,
                              files: ParameterFiles?) throws(ParameterWordError) {
        if let reader = ParameterValueReader.registered[id] { return try reader.read(&self, word, files) }
        let spec = id.spec, range = spec.range
        switch spec.kind {
        case .integer:
            guard let value = Int(word) else {
                // Digits past Int's range are a whole number still, only far out of range.
                let digits = word.drop { $0 == "-" || $0 == "+" }
                if word.count <= 1 + digits.count, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    throw ParameterWordError("\(spec.flag) \(TerminalText.excerpt(word)) is out of range: allowed \(range.lowerBound)...\(range.upperBound).")
                }
                throw ParameterWordError("\(spec.flag) '\(word)' is not a whole number: allowed \(range.lowerBound)...\(range.upperBound).")
            }
            guard range.contains(value) else {
                throw ParameterWordError("\(spec.flag) \(word) is out of range: allowed \(range.lowerBound)...\(range.upperBound).")
            }
            self[id] = value
        case .choice(let names):
            guard let index = names.firstIndex(of: word) else {
                throw ParameterWordError("\(spec.flag) '\(word)' is not a \(spec.noun): allowed \(spec.allowedText).")
            }
            self[id] = index
        case .number:
            if word == "none" { self[number: id] = nil; return }
            guard let value = Float(word), value.isFinite,
                  Float(range.lowerBound)...Float(range.upperBound) ~= value else {
                throw ParameterWordError("\(spec.flag) '\(word)' is not a \(spec.noun): allowed \(spec.allowedText).")
            }
            self[number: id] = value
        }
    }
}
