import ConvCore

/// Writes a lab of varied, non-trivial questions: the same variant always gives the same file.
public struct LabGenerator {
    /// The kinds `--kinds` accepts.
    public static let generatableKinds: [QuestionKind] = [.shape, .size, .value, .padding, .stride, .kernel,
                                                           .receptiveField, .parameters, .multiplications, .valid,
                                                           .outputPadding]
    /// The kinds used when none are named.
    public static let defaultKinds: [QuestionKind] = [.shape, .padding, .value, .receptiveField]
    /// The course notebook's slider ranges for h_in and w_in.
    public static let notebookSizes = 8...32

    let kinds: [QuestionKind]
    let sizes: ClosedRange<Int>
    var random: SplitMixRandom
    let variant: LabVariant

    /// A generator for `kinds`, input sizes up to `maxSize` (the course notebook's 8…32 by default).
    public init(kinds: [QuestionKind], variant: LabVariant, maxSize: Int? = nil) {
        self.kinds = kinds.isEmpty ? Self.defaultKinds : kinds
        let top = maxSize ?? Self.notebookSizes.upperBound
        sizes = min(Self.notebookSizes.lowerBound, top)...top
        random = SplitMixRandom(start: variant.seed)
        self.variant = variant
    }

    /// A generator for a numbered variant (`--variant 3`).
    public init(kinds: [QuestionKind], variant: UInt64, maxSize: Int? = nil) {
        self.init(kinds: kinds, variant: LabVariant("\(variant)"), maxSize: maxSize)
    }

    /// The exercise file for `count` questions, kinds taken in turn; in Russian every question
    /// carries its prompt (`prompt = "…"`), so the file reads the same on any screen.
    public mutating func generate(count: Int, language: Language) -> String {
        var blocks: [String] = []
        var seen: Set<String> = []
        var asked: [QuestionKind: Int] = [:]  // how many of each kind so far: valid and padding alternate
        for index in 0..<count {
            let kind = kinds[index % kinds.count]
            for _ in 0..<500 {
                guard let draft = draft(kind, turn: asked[kind, default: 0]), !seen.contains(draft.key) else { continue }
                let block = "[[exercise]]\nid = \"q\(index + 1)\"\n" + draft.body
                // The block must load as written: layer strings re-parsed, answers computed.
                guard let loaded = try? ExerciseLoader.load("title = \"check\"\n" + block, language: language),
                      !Self.isTrivial(loaded.exercises[0]) else { continue }
                seen.insert(draft.key)
                blocks.append(language == Language.en ? block : block + "prompt = \(Self.quoted(loaded.exercises[0].prompt))\n")
                asked[kind, default: 0] += 1
                break
            }
        }
        let kindList = kinds.map(\.rawValue).joined(separator: ", ")
        let title = Self.quoted(language.pick("Generated lab, variant \(variant.word): ", "Сгенерированная лабораторная, вариант \(variant.word): ") + kindList)
        return language.pick("# Made by", "# Сделано командой") + " convscope exercise --generate \(count)"
            + " --kinds \(kinds.map(\.rawValue).joined(separator: ","))" + (language == Language.en ? "" : " --lang \(language.rawValue)")
            + " --variant \(variant.shellWord)" + language.pick("; the answers are computed when the file is loaded.\n",
                                                     "; ответы вычисляются при загрузке файла.\n")
            + "title = \(title)\n\n" + blocks.joined(separator: "\n")
    }

    /// A TOML basic string: quotes and backslashes escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : "\($0)" }.joined() + "\""
    }

    /// A value of 0 (a cell that reads only padding) or a receptive field under 4 teaches little.
    static func isTrivial(_ exercise: Exercise) -> Bool {
        switch exercise.question.kind {
        case .value: exercise.solution.expected == "0"
        case .receptiveField: (AnswerReading.integers(exercise.solution.expected)?.min() ?? 0) < 4
        default: false
        }
    }

    /// One candidate question: its TOML lines and what makes it a different question.
    struct Draft {
        let lines: [String]
        let layerLines: [String]

        var key: String { (layerLines + lines).joined(separator: "|") }
        var body: String { (layerLines + lines).map { $0 + "\n" }.joined() }
    }

    mutating func pick(_ range: ClosedRange<Int>) -> Int { random.integer(in: range) }

    /// A random single Conv2d on a random input; `plain` allows stride 1, no padding, no dilation.
    mutating func conv(plain: Bool) -> (layer: Conv2dLayer, input: [Int]) {
        while true {
            let c = pick(1...4), o = pick(1...4), k = pick(1...7)
            let s = pick(1...3), p = pick(0...3), d = pick(1...6) == 1 ? 2 : 1
            let h = pick(sizes), w = pick(1...3) == 1 ? pick(sizes) : h
            if !plain && s == 1 && p == 0 && d == 1 { continue }
            let layer = Conv2dLayer(c, o, kernelSize: SpatialPair(square: k), stride: SpatialPair(square: s),
                                    padding: .explicit(h: p, w: p), dilation: SpatialPair(square: d))
            return (layer, [1, c, h, w])
        }
    }

    /// `Conv2d(3, 8, 3, stride=2, padding=1)`: the layer-string form, defaults left out.
    static func text(_ l: Conv2dLayer) -> String {
        var parts = ["\(l.inChannels)", "\(l.outChannels)", "\(l.kernelSize.h)"]
        if l.stride.h != 1 { parts.append("stride=\(l.stride.h)") }
        if case let .explicit(p, _) = l.padding, p != 0 { parts.append("padding=\(p)") }
        if l.dilation.h != 1 { parts.append("dilation=\(l.dilation.h)") }
        return "Conv2d(" + parts.joined(separator: ", ") + ")"
    }

    static func inputLine(_ shape: [Int]) -> String { "input = [\(shape.map(String.init).joined(separator: ", "))]" }

    mutating func single(_ plain: Bool, _ make: (Conv2dLayer, [Int]) -> [String]?) -> Draft? {
        let (layer, input) = conv(plain: plain)
        guard let lines = make(layer, input) else { return nil }
        return Draft(lines: lines,
                     layerLines: ["layer = \"\(Self.text(layer))\"", Self.inputLine(input)])
    }

    /// A candidate for the `turn`-th question of `kind` (0-based): even turns of valid are invalid
    /// layers, even turns of padding keep the size, odd ones halve it.
    mutating func draft(_ kind: QuestionKind, turn: Int) -> Draft? {
        switch kind {
        case .shape: return single(false) { _, _ in ["ask = \"shape\""] }
        case .size: return single(false) { _, _ in ["ask = \"size\""] }
        case .value:
            let (c, y, x) = (pick(0...3), pick(0...4), pick(0...4))
            return single(false) { l, _ in
                c < l.outChannels ? ["ask = \"value\"", "cell = [\(c), \(y), \(x)]"] : nil
            }
        case .padding:
            let goal: SizeGoal = turn % 2 == 0 ? .same : .half
            var (layer, input) = conv(plain: true)
            layer.padding = .explicit(h: 0, w: 0)
            layer.stride = SpatialPair(square: goal == .same ? 1 : 2)
            if layer.kernelSize.h % 2 == 0 || layer.kernelSize.h == 1 { return nil }
            if goal == .half {
                input[2] -= input[2] % 2; input[3] -= input[3] % 2
                guard sizes.contains(input[2]), sizes.contains(input[3]) else { return nil }
            }
            return Draft(lines: ["ask = \"padding\"", "goal = \"\(goal.rawValue)\""],
                         layerLines: ["layer = \"\(Self.text(layer))\"", Self.inputLine(input)])
        case .stride, .kernel:
            let (layer, input) = conv(plain: false)
            guard let out = StackTrace(inputShape: input, layers: [.conv2d(layer)]).outputShape,
                  (kind == .stride ? layer.stride.h : layer.kernelSize.h) > 1 else { return nil }
            var shown = layer
            if kind == .stride { shown.stride = SpatialPair(square: 1) } else { shown.kernelSize = SpatialPair(square: 1) }
            let target = SpatialPair(out[2], out[3])
            return Draft(lines: ["ask = \"\(kind.rawValue)\"", "target = [\(target.h), \(target.w)]"],
                         layerLines: ["layer = \"\(Self.text(shown))\"", Self.inputLine(input)])
        case .receptiveField: return stack()
        case .parameters: return single(true) { _, _ in ["ask = \"params\""] }
        case .multiplications: return single(false) { _, _ in ["ask = \"mults\""] }
        case .valid: return turn % 2 == 0 ? broken() : single(true) { layer, input in
                StackTrace(inputShape: input, layers: [.conv2d(layer)]).failure == nil ? ["ask = \"valid\""] : nil
            }
        case .outputPadding: return transposed()
        case .denseParameters, .denseMultiplications: return nil
        }
    }

    /// A Conv2d PyTorch refuses when it runs, one of two ways: the input's channels are not
    /// in_channels, or the dilated kernel is larger than the padded input. (A layer string whose
    /// arguments PyTorch refuses at construction, like groups not dividing the channels, does not
    /// parse, so a file cannot hold it.)
    mutating func broken() -> Draft? {
        var (layer, input) = conv(plain: true)
        if pick(0...1) == 0 {
            input[1] = pick(1...4)
            guard input[1] != layer.inChannels else { return nil }
        } else {
            layer.dilation = SpatialPair(square: pick(1...3))
            layer.kernelSize = SpatialPair(square: pick(4...8))
            layer.padding = .explicit(h: 0, w: 0)
            let effective = layer.dilation.h * (layer.kernelSize.h - 1) + 1
            guard effective - 1 >= sizes.lowerBound else { return nil }
            input[2] = pick(sizes.lowerBound...min(effective - 1, sizes.upperBound))
        }
        guard StackTrace(inputShape: input, layers: [.conv2d(layer)]).failure != nil else { return nil }
        return Draft(lines: ["ask = \"valid\""], layerLines: ["layer = \"\(Self.text(layer))\"", Self.inputLine(input)])
    }

    /// Two or three layers (convolutions and poolings) for a receptive-field question.
    mutating func stack() -> Draft? {
        var texts: [String] = []
        var channels = pick(1...3)
        let input = [1, channels, pick(sizes), pick(sizes)]
        for _ in 0..<pick(2...3) {
            if pick(0...2) == 0 {
                texts.append("MaxPool2d(\(pick(2...3)))")
            } else {
                let (layer, _) = conv(plain: true)
                let fixed = Conv2dLayer(channels, layer.outChannels, kernelSize: layer.kernelSize, stride: layer.stride,
                                        padding: layer.padding, dilation: layer.dilation)
                channels = layer.outChannels
                texts.append(Self.text(fixed))
            }
        }
        let list = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        return Draft(lines: ["ask = \"rf\""], layerLines: ["layers = [\(list)]", Self.inputLine(input)])
    }

    /// A ConvTranspose2d that needs an output_padding to reach a target size.
    mutating func transposed() -> Draft? {
        // An up-convolution's input is a downsampled map: half the sizes allowed, so its output lands among them.
        let halves = max(1, sizes.lowerBound / 2)...max(1, sizes.upperBound / 2)
        let s = pick(2...3), k = pick(2...5), p = pick(0...1), h = pick(halves), w = pick(1...2) == 1 ? pick(halves) : h
        let op = pick(1...(s - 1))
        let (c, o) = (pick(1...4), pick(1...4))
        let layer = ConvTranspose2dLayer(c, o, kernelSize: SpatialPair(square: k), stride: SpatialPair(square: s),
                                         padding: SpatialPair(square: p))
        let target = SpatialPair(layer.outputSize(input: h, axis: .height) + op, layer.outputSize(input: w, axis: .width) + op)
        let text = "ConvTranspose2d(\(c), \(o), \(k), stride=\(s)" + (p > 0 ? ", padding=\(p))" : ")")
        let input = [1, c, h, w]
        return Draft(lines: ["ask = \"output_padding\"", "target = [\(target.h), \(target.w)]"],
                     layerLines: ["layer = \"\(text)\"", Self.inputLine(input)])
    }
}

/// Which variant of a generated lab: any word (a student's name or number). A whole number is
/// the random generator's start value itself (`--variant 3` as before); another word is hashed (FNV-1a of its UTF-8, trimmed
/// and lower-cased), so the same name gives the same lab on every machine.
public struct LabVariant: Sendable, Equatable {
    /// The word as given, trimmed and on one line.
    public let word: String
    /// The generator's start.
    public let seed: UInt64

    /// The variant named `word`.
    public init(_ word: String) {
        // On one line and without control characters: the word goes into the lab's title and first comment.
        let printable = String(String.UnicodeScalarView(word.unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\n" }))
        let trimmed = printable.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        self.word = trimmed
        if let number = UInt64(trimmed) {
            seed = number
        } else {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in trimmed.lowercased().utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            seed = hash
        }
    }

    /// The word as a shell would take it back: quoted unless it is letters, digits, - and _ only.
    public var shellWord: String {
        word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && !word.isEmpty ? word
            : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
