import ConvCore

/// The current view as code: the PyTorch layer, and the `convscope` and `convscope render`
/// command lines that reproduce it on any machine, whatever state is saved there.
public enum CodePanelText {
    /// The value of `--zoom` for a zoom override (nil is "auto").
    public static func zoomName(_ zoom: Zoom?) -> String { zoom?.rawValue ?? "auto" }

    /// Every value `--zoom` accepts.
    public static var zoomNames: [String] { [zoomName(nil)] + Zoom.allCases.map { zoomName($0) } }

    /// All three under headings, wrapped between arguments.
    public static func lines(_ state: AppState, glyphs: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        if let lesson = state.modelLayer, let model = LayerLessonCode.lines(state, lesson, width: width, language: l) { return model }
        var out = PanelLine.wrap(text: PanelWords.pytorchHeading(l), width: width, style: PanelStyle.heading)
        let (imports, setup, body) = PyTorchCode.statements(state.parameters)
        out += pythonLines(imports, width: width) + setup.flatMap { pythonLines($0, width: width) }
        // Inside the parentheses Python continues the statement by itself.
        out += PanelLine.wrap(pytorchPieces(state.parameters), lead: "conv = ", indent: "    ", width: width)
        out += body.flatMap { pythonLines($0, width: width) }
        out += PanelLine.wrap(text: PanelWords.commandHeading(l), width: width, style: PanelStyle.heading)
        out += shellLines(commandPieces(state), width: width)
        out += PanelLine.wrap(text: PanelWords.pictureHeading(l), width: width, style: PanelStyle.heading)
        return out + shellLines(renderPieces(state), width: width)
    }

    /// A Python statement wrapped between tokens, its block indent kept (`PythonWrap`): inside
    /// brackets Python continues it by itself, outside them a break takes a backslash.
    static func pythonLines(_ statement: String, width: Int) -> [PanelLine] {
        PythonWrap.lines(statement, width: max(1, width)).map { PanelLine(text: $0) }
    }

    /// A command wrapped between arguments; the shell needs a backslash before each break.
    static func shellLines(_ pieces: [String], width: Int) -> [PanelLine] {
        var command = PanelLine.wrap(pieces, indent: "    ", width: max(1, width - 2))
        for i in command.indices.dropLast() { command[i].text += " \\" }
        return command
    }

    /// `convscope`, the parameter flags, and the view flags the TUI shares with render.
    static func commandPieces(_ state: AppState) -> [String] {
        let parameters = parameterPieces(state.parameters)
        return ["convscope"] + (parameters.isEmpty ? ["--fresh"] : parameters) + sharedViewPieces(state)
    }

    static func renderPieces(_ state: AppState) -> [String] {
        let size = state.terminalSize
        var pieces = ["convscope render --format svg -o convscope.svg", "--size \(size.columns)x\(size.rows)"]
        pieces += parameterPieces(state.parameters) + sharedViewPieces(state)
        if !state.environment.colorDepth.hasColor { pieces.append("--no-color") }
        if !state.environment.glyphs.unicode { pieces.append("--ascii") }
        if state.paddedView { pieces.append("--padded") }
        if let panel = state.panel { pieces.append("--panel \(panel.rawValue)") }
        if let c = state.pinnedInputCell {
            pieces.append("--inspect-input \(c.channel),\(c.y),\(c.x)")
        } else if let c = state.pinnedOutputCell {
            pieces.append("--inspect \(c.channel),\(c.y),\(c.x)")
        }
        return pieces
    }

    /// Zoom, the kernel section (single layer), theme and palette, when they are not the defaults.
    static func sharedViewPieces(_ state: AppState) -> [String] {
        var pieces: [String] = []
        if state.zoomOverride != nil { pieces.append("--zoom \(zoomName(state.zoomOverride))") }
        if state.kernelSection != nil {
            pieces.append("--weights \(WeightsChoice(kernelSection: state.kernelSection).rawValue)")
        }
        if state.theme != .dark { pieces.append("--theme \(state.theme.rawValue)") }
        if state.environment.colormap != .rocket { pieces.append("--cmap \(state.environment.colormap.rawValue)") }
        if state.environment.language != Language.en { pieces.append("--lang \(state.environment.language.rawValue)") }
        return pieces
    }

    /// The PyTorch call split after each top-level comma, so wrapping never breaks a tuple apart.
    /// Each argument comes from its rows: a choice off its first value as a string ('same',
    /// 'reflect'), a number row as True/False (bias), else the amounts (a tuple for a pair). An
    /// argument none of whose rows is a notebook slider is left out while at its default.
    static func pytorchPieces(_ p: Conv2dSettings) -> [String] {
        let layer = LayerSpec.conv2d
        var pieces: [String] = []
        for (i, argument) in layer.pytorchArguments.enumerated() {
            let rows = layer.parameters.filter { $0.pytorchArgument == argument }
            let amounts = rows.filter { $0.kind == .integer }
            let value: String
            if let choice = rows.first(where: { !$0.choiceNames.isEmpty }), p[choice.id] != choice.defaultValue {
                value = "'\(p.valueText(choice.id))'"
            } else if let number = rows.first(where: { $0.kind == .number }) {
                value = p[number: number.id] == nil ? "False" : "True"
            } else if amounts.contains(where: { $0.id.isGeometry || p[$0.id] != $0.defaultValue }) {
                let values = amounts.map { String(p[$0.id]) }
                value = values.count == 1 ? values[0] : "(" + values.joined(separator: ", ") + ")"
            } else {
                continue
            }
            pieces.append((i < layer.positional ? "" : argument + "=") + value + ",")
        }
        pieces[0] = layer.pytorchClass + "(" + pieces[0]
        pieces[pieces.count - 1] = String(pieces[pieces.count - 1].dropLast()) + ")"
        return pieces
    }

    /// One "flag value" piece per row off the notebook defaults, in the table's order; a pair
    /// with a shorthand changed on both axes is written once (`--kernel-size 3x5`). A row another
    /// row decides (the amounts under 'same', the sizes a file sets) is left to that row.
    static func parameterPieces(_ p: Conv2dSettings) -> [String] {
        let notebook = Conv2dSettings()
        func differs(_ id: ParameterID) -> Bool {
            p.overrider(of: id) == nil && !p.kindIgnores(id) && p.valueText(id) != notebook.valueText(id)
        }
        var pieces: [String] = []
        for row in LayerSpec.conv2d.parameters where differs(row.id) {
            guard let flag = row.shorthandFlag, let partner = row.partner, differs(partner) else {
                pieces.append("\(row.flag) \(p.valueText(row.id))")
                continue
            }
            // Both halves changed: the shorthand, written at the first half.
            guard row.id.rawValue < partner.rawValue else { continue }
            let (h, w) = (p.valueText(row.id), p.valueText(partner))
            pieces.append("\(flag) " + (h == w ? h : "\(h)x\(w)"))
        }
        return pieces
    }
}
