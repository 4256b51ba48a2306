import ArgumentParser
import ConvCore

/// The parameter table's flags (`ParameterFlag.all()`: every row's own flag and the h/w
/// shorthands), declared to ArgumentParser from the table rather than one property each: its
/// children are reported through `customMirror`, which is how ArgumentParser finds a type's
/// options, so `--help`, completions, "given twice" and "Missing value" cover every row.
/// ArgumentParser only collects the words; the table reads them (`Conv2dSettings.read`).
struct ParameterOptions: ParsableArguments, CustomReflectable {
    /// The word given to each flag, by the flag's name without dashes (`kernel-size`).
    private(set) var words: [String: String] = [:]

    init() {}

    private struct FlagKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: FlagKey.self)
        for flag in ParameterFlag.all() {
            let option = try container.decode(Option<String?>.self, forKey: FlagKey(stringValue: flag.name))
            if let word = option.wrappedValue { words[flag.name] = word }
        }
    }

    var customMirror: Mirror {
        Mirror(self, children: ParameterFlag.all().map { flag in
            (label: flag.name, value: Option<String?>(name: .customLong(flag.name), parsing: .unconditional,
                                                      help: ArgumentHelp(flag.help)) as Any)
        })
    }

    /// True when any parameter flag is given: then the saved session is not restored.
    var anyGiven: Bool { !words.isEmpty }

    /// The flags given, in the help's order, with their words.
    var given: [(flag: ParameterFlag, word: String)] {
        ParameterFlag.all().compactMap { flag in words[flag.name].map { (flag, $0) } }
    }

    /// True when a flag sets this row (its own flag or its pair's shorthand).
    func isGiven(_ id: ParameterID) -> Bool {
        given.contains { given in
            given.flag.row == id || (given.flag.pair.map { [$0.h, $0.w].contains(id) } ?? false) && !isChoiceWord(given)
        }
    }

    func validate() throws {
        // A model's input takes up to 4096 channels (a DCGAN generator's latent is 100×1×1); the
        // single layer's own 1…64 is checked where its settings are read (`apply`).
        var checked = self
        if let word = words[Self.inChannels], let channels = Int(word), channels > ParameterID.inChannels.range.upperBound {
            guard StackLimits.channels.contains(channels) else {
                throw ValidationError("--in-channels \(word) is out of range: allowed \(ParameterID.inChannels.range.lowerBound)"
                    + "…\(ParameterID.inChannels.range.upperBound) for the single layer, \(StackLimits.channels.lowerBound)…"
                    + "\(StackLimits.channels.upperBound) for a model's input (--layer, --model).")
            }
            checked.words[Self.inChannels] = nil
        }
        _ = try checked.apply(to: Conv2dSettings(), readingFiles: false, checkingKind: false)
    }

    static let inChannels = ParameterID.inChannels.spec.flagName

    /// A model's input: h_in and w_in from the flags, and the channels `--in-channels` gives
    /// (1…4096, a model's range), nil when not given.
    func modelInput() throws -> (sizes: ConvParameters, channels: Int?) {
        var rest = self
        rest.words[Self.inChannels] = nil
        let sizes = try rest.apply(to: ConvParameters())
        guard let word = words[Self.inChannels] else { return (sizes, nil) }
        guard let channels = Int(word), StackLimits.channels.contains(channels) else {
            throw ValidationError("--in-channels \(word) is out of range for a model's input: allowed "
                                  + "\(StackLimits.channels.lowerBound)…\(StackLimits.channels.upperBound).")
        }
        return (sizes, channels)
    }

    /// `base` with every given flag applied; throws a `ValidationError` naming flag, value and
    /// what is allowed. Files are read only when `readingFiles` (validation runs before them).
    /// A flag whose value another flag would decide instead is refused, naming both; with
    /// `checkingKind`, so is a flag the layer kind would ignore (`refuseIgnoredByKind`).
    func apply(to base: Conv2dSettings, readingFiles: Bool = true, checkingKind: Bool = true) throws -> Conv2dSettings {
        var s = base
        var setBy: [ParameterID: (flag: String, word: String)] = [:]
        do {
            for (flag, word) in Conv2dSettings.layerKindFirst(given, row: { $0.flag.row }) {
                if let row = flag.row, flag.pair == nil || isChoiceWord((flag, word)) {
                    try s.read(row, word: word, files: readingFiles ? .disk : nil)
                    setBy[row] = (flag.flag, word)
                    continue
                }
                guard let pair = flag.pair else { continue }
                for id in [pair.h, pair.w] where words[id.spec.flagName] != nil {
                    throw ValidationError(
                        "\(flag.flag) and \(id.flag) both set \(id.name); give either the shorthand or the h/w flags.")
                }
                let (h, w) = try flag.readPair(word)
                try s.read(pair.h, word: String(h), files: nil)
                try s.read(pair.w, word: String(w), files: nil)
                setBy[pair.h] = (flag.flag, word)
                setBy[pair.w] = (flag.flag, word)
            }
        } catch let error as ParameterWordError {
            throw ValidationError(error.message)
        }
        for id in ParameterID.allCases {
            guard let mine = setBy[id], let other = s.overrider(of: id), let theirs = setBy[other] else { continue }
            throw ValidationError("\(mine.flag) \(mine.word) would be ignored: \(theirs.flag) \(theirs.word) sets \(id.name) "
                + "itself; give one of them.")
        }
        if checkingKind { try refuseIgnoredByKind(s) }
        return s
    }

    /// True when a shorthand's word is its row's choice (`--padding same`), not amounts.
    private func isChoiceWord(_ given: (flag: ParameterFlag, word: String)) -> Bool {
        given.flag.row?.spec.choiceNames.contains(given.word) ?? false
    }

    /// The one line an option error shows (a `ValidationError`'s message, or ArgumentParser's).
    static func message(for error: Error) -> String {
        if let validation = error as? ValidationError { return validation.message }
        return fullMessage(for: error)
    }

    /// `base` with every given slider flag applied (stacks take only these).
    func apply(to base: ConvParameters) throws -> ConvParameters {
        try apply(to: Conv2dSettings(base), readingFiles: false, checkingKind: false).geometry
    }

    /// What a flag accepts, for ArgumentParser's "Missing value for '--flag'"; nil for other flags.
    static func allowed(flag: String) -> String? {
        ParameterFlag.all().first { $0.flag == flag }?.allowedText
    }
}

extension ParameterFiles {
    /// Files read from disk with their size bounded first (InputFileLoader).
    static let disk = ParameterFiles(input: { try InputFileLoader.input($0) }, kernel: { try InputFileLoader.kernel($0) })
}
