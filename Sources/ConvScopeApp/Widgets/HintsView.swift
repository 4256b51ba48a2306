/// The bottom line: a message, the typing prompt, or key hints.
enum HintsView {
    static func paint(into canvas: inout Canvas, state: AppState, y: Int, environment env: RenderEnvironment) {
        let g = env.glyphs, lang = env.language
        if let typed = state.typing {
            let (name, range) = state.typesK ? ("K", AppState.denseOutputRange) : (state.selected.name, state.selected.range)
            paintTyping(into: &canvas, typed: typed, name: name, range: range, y: y, environment: env)
            return
        }
        if let message = state.message {
            paintMessage(message, into: &canvas, y: y, environment: env)
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

    /// The value being typed for `name`, with the keys that commit or cancel it and its range.
    static func paintTyping(into canvas: inout Canvas, typed: String, name: String, range: ClosedRange<Int>, y: Int,
                            environment env: RenderEnvironment) {
        let g = env.glyphs
        let text = fitting([" \(name) = \(typed)_"] + HintText.typing(env.language, g, range: range), width: canvas.width, glyphs: g)
        canvas.put(text, x: 0, y: y, style: Style(foreground: Palette.highlight, bold: true))
    }

    /// A long message (an export's absolute path, a settings file's line and key with what is
    /// allowed) borrows the rows above the bottom line until the next key, whole up to four lines.
    static func paintMessage(_ message: String, into canvas: inout Canvas, y: Int, environment env: RenderEnvironment) {
        let shown = TextWrap.lines(message, width: canvas.width - 2, maxLines: 4, ellipsis: env.glyphs.ellipsis)
        for (i, line) in shown.enumerated() {
            let row = y - shown.count + 1 + i
            canvas.fill(x: 0, y: row, width: canvas.width, height: 1)
            canvas.put(" " + line, x: 0, y: row, style: Style(foreground: Palette.highlight, bold: true))
        }
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
