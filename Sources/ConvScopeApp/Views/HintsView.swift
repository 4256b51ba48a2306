/// The bottom line: a message, the typing prompt, or key hints.
enum HintsView {
    static func paint(into canvas: inout Canvas, state: AppState, y: Int, glyphs g: Glyphs) {
        if let typed = state.typing {
            let (name, range) = state.typesK ? ("K", AppState.denseOutputRange) : (state.selected.name, state.selected.range)
            let text = fitting([" \(name) = \(typed)_", "Enter set", "Esc cancel",
                                "allowed \(range.lowerBound)\(g.dash)\(range.upperBound)"], width: canvas.width, glyphs: g)
            canvas.put(text, x: 0, y: y, style: Style(foreground: Palette.highlight, bold: true))
            return
        }
        if let message = state.message {
            // A long message (an export's absolute path) borrows the formula row above it until the next key.
            let lines = TextWrap.lines(message, width: canvas.width - 2)
            let shown = lines.count > 2 ? Array(lines.prefix(2)) : lines
            for (i, line) in shown.enumerated() {
                let row = y - shown.count + 1 + i
                canvas.fill(x: 0, y: row, width: canvas.width, height: 1)
                canvas.put(" " + line, x: 0, y: row, style: Style(foreground: Palette.highlight, bold: true))
            }
            return
        }
        if state.isInspecting {
            canvas.put(fitting(animationHints(state, glyphs: g), width: canvas.width, glyphs: g), x: 0, y: y,
                       style: Style(foreground: Palette.highlight))
            return
        }
        // With the cost panel open digits type K, so the parameters' "0-9 type" would mislead.
        let parameters = KeyMap.hints(g).filter { state.panel != .cost || $0 != KeyMap.typeHint }
        canvas.put(fitting(panelHints(state.panel) + parameters, width: canvas.width, glyphs: g), x: 0, y: y,
                   style: Style(foreground: Palette.muted))
    }

    /// With a panel open its own keys come first.
    static func panelHints(_ panel: Panel?) -> [String] {
        switch panel {
        case nil: []
        case .cost: [" ( ) or 0-9 K", "u d scroll", "Esc close"]
        case .formula, .code: [" u d scroll", "Esc close"]
        }
    }

    /// Hints while the inspector or the animation runs, most important first.
    static func animationHints(_ state: AppState, glyphs g: Glyphs) -> [String] {
        let speed = AppState.speeds[state.speedIndex]
        let rate = Plural.count(speed, "cell") + "/s"
        let cursor = state.focus == .input ? "input cursor" : "output cursor"
        if state.playing {
            return [" \(g.unicode ? "▶" : ">") playing \(rate)", "space pause", "{ } speed", "n/N step",
                    "arrows move \(cursor)", "Tab next", "Esc back"]
        }
        return [" paused \(g.dot) \(rate)", "arrows move \(cursor)", "space play", "n/N step", "{ } speed",
                "PgUp/PgDn channel", "Tab next", "Esc back"]
    }

    /// The hints that fit `width`, taken in order of importance and kept in that order; one that
    /// does not fit is skipped so a shorter, less important one can still take the room.
    static func fitting(_ hints: [String], width: Int, glyphs g: Glyphs) -> String {
        var line = ""
        for hint in hints {
            let candidate = line.isEmpty ? (hint.hasPrefix(" ") ? hint : " " + hint) : line + " \(g.dot) " + hint
            if candidate.count <= width { line = candidate }
        }
        return line
    }
}
