import ConvCore

extension EntryReader {
    /// The first 1-D or 3-D module print(model)'s `text` lists (`(0): Conv1d(…)`), by its class name.
    func familyModule(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let module = line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
            if FamilyLayerParser.names(module) { return String(module.trimmingSpaces.prefix { $0 != "(" }) }
        }
        return nil
    }

    /// The layers of a 1-D or 3-D exercise (`layer = "Conv1d(…)"` or `layers = […]`, all of one
    /// dimension) on `input = [1, C, L]` or `[1, C, D, H, W]`.
    func readFamilySetup(_ key: String, _ texts: [String]) throws(ExerciseFileError) -> ExerciseSetup {
        let allowed = "an exercise's layers are all 1-D (Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d) "
            + "or all 3-D (Conv3d, MaxPool3d, AvgPool3d)"
        var layers: [FamilyLayer] = []
        for text in texts {
            guard FamilyLayerParser.names(text) else {
                throw error(key, "\(key): \(TerminalText.excerpt(text.trimmingSpaces)) does not mix with 1-D and 3-D layers: \(allowed)")
            }
            do throws(LayerParseError) {
                layers.append(try FamilyLayerParser.parse(text))
            } catch {
                throw self.error(key, "\(key): \(error.message)")
            }
        }
        guard Set(layers.map(\.dims)).count == 1 else {
            throw error(key, "\(key): \(layers.map(\.name).joined(separator: ", ")) do not mix: \(allowed)")
        }
        let asksValid = table["ask"]?.string == QuestionKind.valid.rawValue
        if !asksValid, let index = layers.firstIndex(where: { $0.constructionError != nil }), let refusal = layers[index].constructionError {
            throw error(key, "\(key): \(TerminalText.excerpt(texts[index].trimmingSpaces)): \(refusal.pythonType): \(refusal.message) "
                        + "(ask = \"valid\" asks about that)")
        }
        let dims = layers[0].dims
        let sizes = ParameterID.hIn.range, channels = StackLimits.channels
        guard let shape = try intList("input") else { throw error("ask", "needs input = \(dims == 1 ? "[1, C, L]" : "[1, C, D, H, W]")") }
        guard shape.count == dims + 2, shape[0] == 1, channels.contains(shape[1]), shape.dropFirst(2).allSatisfy(sizes.contains) else {
            let form = dims == 1 ? "[1, C, L] for a 1-D layer with C \(channels.lowerBound)…\(channels.upperBound) and L"
                : "[1, C, D, H, W] for a 3-D layer with C \(channels.lowerBound)…\(channels.upperBound) and D, H, W"
            throw error("input", "input must be \(form) \(sizes.lowerBound)…\(sizes.upperBound)")
        }
        if table["fill"] != nil {
            throw error("fill", "fill sets the input of a value question, which a \(layers[0].name) exercise does not ask")
        }
        return ExerciseSetup(family: FamilySetup(layers: layers, inputShape: shape))
    }
}
