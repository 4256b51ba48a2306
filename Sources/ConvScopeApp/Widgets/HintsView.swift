/// The bottom line: a message, the typing prompt, or key hints.
enum HintsView {
    static func paint(into canvas: inout Canvas, state: AppState, y: Int, environment env: RenderEnvironment) {
        let g = env.glyphs, lang = env.language
        if let typed = state.typing {
            let (name, range) = state.typesK ? ("K", AppState.denseOutputRange) : (state.selected.name, state.selected.range)
            let text = fitting([" \(name) = \(typed)_"] + HintText.typing(lang, g, range: range), width: canvas.width, glyphs: g)
            canvas.put(text, x: 0, y: y, style: Style(foreground: Palette.highlight, bold: true))
            return
        }
        if let message = state.message {
            // A long message (an export's absolute path, a settings file's line and key with what is
            // allowed) borrows the rows above it until the next key, whole up to four lines.
            let shown = TextWrap.lines(message, width: canvas.width - 2, maxLines: 4, ellipsis: g.ellipsis)
            for (i, line) in shown.enumerated() {
                let row = y - shown.count + 1 + i
                canvas.fill(x: 0, y: row, width: canvas.width, height: 1)
                canvas.put(" " + line, x: 0, y: row, style: Style(foreground: Palette.highlight, bold: true))
            }
            return
        }
        if state.isInspecting {
            let hints = state.isTransposed ? HintText.transposedInspector(lang, g)
                : state.isSequence ? HintText.sequenceInspector(lang, g) : animationHints(state, environment: env)
            canvas.put(fitting(hints, width: canvas.width, glyphs: g), x: 0, y: y,
                       style: Style(foreground: Palette.highlight))
            return
        }
        // With the cost panel open digits type K, so the parameters' "0-9 type" would mislead.
        let parameters = KeyMap.hints(g, lang, for: state).filter { !state.typesK || $0 != KeyMap.typeHint.text(first: nil, g, lang) }
        // A Conv1d's causal key leads: it is what the layer kind adds.
        let causal = state.isSequence ? [" " + HintText.sequenceInspector(lang, g)[1]] : []
        canvas.put(fitting(causal + HintText.panel(state.panel, denseKeys: state.typesK, lang, g) + parameters, width: canvas.width, glyphs: g), x: 0, y: y,
                   style: Style(foreground: Palette.muted))
    }

    /// Hints while the inspector or the animation runs, most important first.
    static func animationHints(_ state: AppState, environment env: RenderEnvironment) -> [String] {
        HintText.animation(env.language, env.glyphs, playing: state.playing, speed: AppState.speeds[state.speedIndex],
                           inputFocus: state.focus == .input)
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
