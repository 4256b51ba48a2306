import ConvCore
import TOMLKit

/// Reads one `[[exercise]]` table; every problem names the line of the key at fault.
struct EntryReader {
    let table: TOMLTable
    let index: Int
    let lines: SourceLines
    /// The language of the working and of the prompts made from the question.
    let language: Language

    func error(_ key: String, _ message: String) -> ExerciseFileError {
        ExerciseFileError(line: lines.line(of: key, inExercise: index), "exercise \(index + 1): \(message)")
    }

    func exercise() throws(ExerciseFileError) -> Exercise {
        for key in table.keys.sorted() where !ExerciseLoader.exerciseKeys.contains(key) {
            throw error(key, "unknown key '\(TerminalText.excerpt(key))': allowed \(ExerciseLoader.exerciseKeys.joined(separator: ", "))")
        }
        let setup = try readSetup()
        let question = try readQuestion(setup)
        let solution: Solution
        do throws(SolveProblem) {
            solution = try Solver.solve(question, setup, language)
        } catch {
            throw self.error(error.key, error.message)
        }
        if let expect = table["expect"] {
            let typed = expect.string ?? expect.int.map(String.init) ?? expect.double.map { "\($0)" }
                ?? expect.array.map { array in array.compactMap { $0.int.map(String.init) }.joined(separator: "×") }
            guard let typed else { throw error("expect", "expect must be a string, a number or a list of numbers") }
            let verdict = solution.verdict(for: typed)
            if case let .unreadable(format) = verdict { throw error("expect", "expect '\(TerminalText.excerpt(typed))' cannot be read: type \(format)") }
            if verdict != .right { throw error("expect", "expect says \(typed) but convscope computes \(solution.expected)") }
        }
        let number = index + 1
        let id = try optionalString("id") ?? "q\(number)"
        let show = try readShow()
        let teacherHint = try optionalString("hint")
        return Exercise(number: number, id: id, line: lines.header(index) ?? 1, setup: setup, question: question,
                        prompt: try optionalString("prompt") ?? Prompts.prompt(for: question, setup, language),
                        hint: teacherHint ?? Hints.defaultHint(question, setup, language), teacherHint: teacherHint,
                        show: show, solution: solution)
    }

    func optionalString(_ key: String) throws(ExerciseFileError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "\(key) must be a string in quotes") }
        return text
    }

    func optionalInt(_ key: String) throws(ExerciseFileError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw error(key, "\(key) must be a whole number") }
        return number
    }

    /// A list of whole numbers (`[1, 3, 8, 8]`), or nil when the key is absent.
    func intList(_ key: String) throws(ExerciseFileError) -> [Int]? {
        guard let value = table[key] else { return nil }
        if let number = value.int { return [number] }
        guard let array = value.array else { throw error(key, "\(key) must be a list of whole numbers such as [1, 3, 8, 8]") }
        let numbers = array.compactMap { $0.int }
        guard numbers.count == array.count else { throw error(key, "\(key) must hold whole numbers only") }
        return numbers
    }

    func readSetup() throws(ExerciseFileError) -> ExerciseSetup {
        let given = ["layer", "model", "layers"].filter { table[$0] != nil }
        guard given.count == 1 else {
            throw error(given.last ?? "ask", given.isEmpty ? "needs layer = \"Conv2d(…)\", model = \"\"\"…\"\"\" or layers = [\"…\", …]"
                        : "give one of layer, model and layers, not \(given.joined(separator: " and "))")
        }
        let key = given[0]
        let texts: [String]
        switch key {
        case "layer":
            guard let text = table[key]?.string else { throw error(key, "layer must be a string such as \"Conv2d(3, 8, 3)\"") }
            texts = [text]
        case "model":
            guard let text = table[key]?.string else { throw error(key, "model must be a string holding print(model)'s text") }
            texts = [text]
        default:
            guard let array = table[key]?.array, !array.isEmpty, array.allSatisfy({ $0.string != nil }) else {
                throw error(key, "layers must be a list of layer strings such as [\"Conv2d(3, 8, 3)\", \"ReLU()\"]")
            }
            texts = array.map { $0.string! }
        }
        if key != "model", texts.contains(where: FamilyLayerParser.names) { return try readFamilySetup(key, texts) }
        if key == "model", let family = familyModule(texts[0]) {
            throw error(key, "model: \(family) is asked with layers = [\"\(family)(…)\", …] (one string per layer), "
                        + "not as print(model)'s text")
        }
        var layers: [StackLayer] = []
        var refusal: LayerRefusal?
        var names: [String]?
        do throws(LayerParseError) {
            if key == "model" {
                let printed = try ModelParser.read(texts[0])
                layers = printed.layers
                names = printed.names
            }
            for (index, text) in texts.enumerated() where key != "model" {
                do throws(LayerParseError) {
                    layers.append(try LayerParser.parse(text))
                } catch {
                    guard case let .construction(_, failure) = error else { throw error }
                    refusal = LayerRefusal(index: texts.count > 1 ? index : nil, text: text, pythonType: failure.pythonType, message: failure.message)
                    break
                }
            }
        } catch {
            // A layer PyTorch refuses to build is the answer to "is it valid?": no, with its message.
            if table["ask"]?.string == QuestionKind.valid.rawValue, case let .line(_, .construction(text, failure)) = error {
                refusal = LayerRefusal(index: nil, text: text, pythonType: failure.pythonType, message: failure.message)
            } else {
                throw self.error(key, "\(key): \(error.message)")
            }
        }
        if let refusal, table["ask"]?.string != QuestionKind.valid.rawValue {
            throw error(key, "\(key): \(refusal.text): \(refusal.pythonType): \(refusal.message) (ask = \"valid\" asks about that)")
        }
        guard !layers.isEmpty || refusal != nil else { throw error(key, "\(key) holds no layer") }
        guard let shape = try intList("input") else { throw error("ask", "needs input = [1, C, H, W]") }
        let sizes = ParameterID.hIn.range
        let full = shape.count == 3 ? [1] + shape : shape
        guard full.count == 4, full[0] == 1, full.dropFirst().allSatisfy({ $0 >= 1 }),
              StackLimits.channels.contains(full[1]), sizes.contains(full[2]), sizes.contains(full[3]) else {
            throw error("input", "input must be [1, C, H, W] with C \(StackLimits.channels.lowerBound)…\(StackLimits.channels.upperBound) "
                        + "and H, W \(sizes.lowerBound)…\(sizes.upperBound)")
        }
        var fill = InputSource.rampX
        if let word = try optionalString("fill") {
            guard let source = InputSource(argument: word) else {
                throw error("fill", "fill '\(TerminalText.excerpt(word))' is not an input: allowed " + InputSource.all.map(\.argument).joined(separator: ", ") + ", random:N")
            }
            fill = source
        }
        if let refusal {
            let written = key == "model" ? texts[0].split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty } : texts
            return ExerciseSetup(refused: refusal, written: written, inputShape: full, fill: fill)
        }
        return ExerciseSetup(layers: layers, inputShape: full, fill: fill, names: names)
    }

    func readShow() throws(ExerciseFileError) -> [ShownPart] {
        guard let value = table["show"] else { return [.maps] }
        let allowed = ShownPart.allCases.map(\.rawValue).joined(separator: ", ")
        guard let array = value.array else { throw error("show", "show must be a list such as [\"maps\", \"trace\"]: allowed \(allowed)") }
        var parts: [ShownPart] = []
        for item in array {
            guard let word = item.string, let part = ShownPart(rawValue: word) else {
                throw error("show", "show holds '\(TerminalText.excerpt(item.string ?? "a non-string"))': allowed \(allowed)")
            }
            parts.append(part)
        }
        return parts
    }
}
