import ConvCore

extension EntryReader {
    /// The `ask` and the keys its kind needs (`at`, `cell`, `goal`, `target`).
    func readQuestion(_ setup: ExerciseSetup) throws(ExerciseFileError) -> Question {
        guard table["ask"] != nil else { throw error("ask", "needs ask = \"…\": one of \(QuestionKind.allowedWords)") }
        guard let word = try optionalString("ask"), let kind = QuestionKind(rawValue: word) else {
            throw error("ask", "ask '\(TerminalText.excerpt(table["ask"]?.string ?? "?"))' is not a question kind: allowed \(QuestionKind.allowedWords)")
        }
        if let family = setup.family, !FamilySolver.kinds.contains(kind) {
            throw error("ask", FamilySolver.notAsked(kind, family))
        }
        let at = try layerAt(setup)
        let layer = at ?? setup.layerCount - 1
        for key in ["cell", "goal", "target"] where table[key] != nil && !kind.uses(key) {
            throw error(key, "\(key) does not apply to ask = \"\(kind.rawValue)\"")
        }
        switch kind {
        case .shape: return .shape(layer: layer)
        case .size: return .size(layer: layer)
        case .value:
            guard let cell = try intList("cell") else { throw error("ask", "ask = \"value\" needs cell = [o, y, x]") }
            guard cell.count == 3 else { throw error("cell", "cell must be [o, y, x], three whole numbers") }
            return .value(layer: layer, channel: cell[0], y: cell[1], x: cell[2])
        case .padding:
            let word = try optionalString("goal") ?? SizeGoal.same.rawValue
            guard let goal = SizeGoal(rawValue: word) else { throw error("goal", "goal '\(TerminalText.excerpt(word))' is not allowed: same or half") }
            return .padding(goal: goal)
        case .stride, .kernel:
            guard let target = try targetPair() else { throw error("ask", "ask = \"\(kind.rawValue)\" needs target = [H, W]") }
            return kind == .stride ? .stride(target: target) : .kernel(target: target)
        case .outputPadding: return .outputPadding(layer: layer, target: try targetPair())
        case .receptiveField: return .receptiveField(layer: layer)
        case .parameters: return .parameters(layer: at)
        case .multiplications: return .multiplications(layer: at)
        case .denseParameters: return .denseParameters
        case .denseMultiplications: return .denseMultiplications
        case .valid: return .valid
        }
    }

    /// The layer `at` names (print(model)'s label: `at = "features.3"`, or an integer for a
    /// top-level index), nil without `at`.
    func layerAt(_ setup: ExerciseSetup) throws(ExerciseFileError) -> Int? {
        guard let value = table["at"] else { return nil }
        let label: String
        if let number = value.int { label = "\(number)" } else if let text = value.string { label = text } else {
            throw error("at", "at must be a layer's label as print(model) prints it: a string such as \"features.3\" or a whole number")
        }
        guard let index = setup.layer(named: label) else {
            let names = setup.names
            let allowed = names.count <= 8 ? names.joined(separator: ", ")
                : names.prefix(4).joined(separator: ", ") + ", …, " + names.suffix(2).joined(separator: ", ")
            throw error("at", "at = \(value.int.map(String.init) ?? "\"\(label)\"") names no layer: allowed \(allowed) "
                        + "(print(model)'s labels)")
        }
        return index
    }

    /// `target = [H, W]` or one number for both.
    func targetPair() throws(ExerciseFileError) -> SpatialPair? {
        guard let numbers = try intList("target") else { return nil }
        guard (1...2).contains(numbers.count), numbers.allSatisfy({ (1...StackLimits.mapSide).contains($0) }) else {
            throw error("target", "target must be [H, W] or one number, each 1…\(StackLimits.mapSide) (the most cells on a side convscope follows)")
        }
        return SpatialPair(numbers[0], numbers.last!)
    }
}

extension QuestionKind {
    /// Whether the kind reads `key` (cell, goal, target).
    func uses(_ key: String) -> Bool {
        switch key {
        case "cell": self == .value
        case "goal": self == .padding
        case "target": self == .stride || self == .kernel || self == .outputPadding
        default: true
        }
    }
}
