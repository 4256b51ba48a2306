import ConvCore

/// Paints the stack screen: title, shape trace, layer list, notes, panel, the selected layer's
/// maps, and the bottom line (prompt, report or hints).
enum StackScreenView {
    /// The screen painted from its layout (laid out once by the caller).
    static func paint(_ state: ModelProgram, layout: StackScreenLayout, environment env: RenderEnvironment) -> Canvas {
        let size = state.terminalSize
        var canvas = Canvas(width: size.columns, height: size.rows)
        if layout.tooSmall {
            TooSmallView.paint(into: &canvas, size: size, language: env.language)
            return canvas
        }
        let s = state.stack!, g = env.glyphs
        let text = StackText(lang: env.language, g: g, model: s.model)
        let titles = text.titles(layers: s.model.layers.count, computingTheRest: s.computesTheRest)
        TitleLine.paint(titles: titles, right: text.helpAndQuit, into: &canvas)
        canvas.put(" " + traceLine(s.trace, width: size.columns - 2, glyphs: g), x: 0, y: layout.traceY,
                   style: Style(bold: true), maxWidth: size.columns)
        LayerListView(stack: s, frame: layout.list, firstListed: layout.firstListed, environment: env).paint(into: &canvas)
        for (i, line) in layout.noteLines.enumerated() {
            let color = switch line.kind { case .inspector: Palette.highlight; case .error: Palette.error; case .hint: Palette.accent }
            canvas.put(line.text, x: layout.notes.x, y: layout.notes.y + i, style: Style(foreground: color, bold: line.kind == .error),
                       maxWidth: layout.notes.width)
        }
        if let panel = layout.panel { paintPanel(state, frame: panel, facts: layout.facts, text: text, into: &canvas, env: env) }
        if let explanation = s.transposedExplanation(environment: env, width: layout.maps.width) {
            TransposedNodeView.paint(explanation, shown: s.transposedView, area: layout.maps, scroll: state.transposedScroll,
                                     into: &canvas, environment: env)
        } else {
            paintMaps(s, layout: layout, text: text, into: &canvas, env: env, padded: state.paddedView)
        }
        StackPanelOverlay.paint(into: &canvas, state: state, layout: layout, environment: env)
        paintBottom(state, layout: layout, text: text, into: &canvas, glyphs: g)
        if state.showHelp {
            HelpOverlay.paint(into: &canvas, environment: env, page: state.helpPage, rows: KeyMap.stackHelpRows(g, env.language, for: state))
        }
        return canvas
    }

    /// Just the selected layer's maps (`--frame maps` exports): no list, panel, notes, inspector
    /// marks or hints; blank rows under the maps dropped.
    static func mapsOnly(_ state: ModelProgram, environment env: RenderEnvironment) -> Canvas {
        var plain = state
        plain.showHelp = false
        plain.notice = nil
        plain.typing = nil
        plain.stack?.inspecting = false
        plain.stack?.fieldInInput = false
        plain.stack?.prompt = nil
        plain.stack?.note = nil
        let layout = StackLayout.compute(plain, environment: env)
        let screen = paint(plain, layout: layout, environment: env)
        if layout.tooSmall { return screen }
        let m = layout.maps
        let blank = String(repeating: " ", count: m.width)
        let used = (m.y..<m.maxY).last { String(screen.line($0).dropFirst(m.x)) != blank }.map { $0 - m.y + 1 } ?? m.height
        var canvas = Canvas(width: m.width + 1, height: used)
        canvas.blit(screen, x: 1 - m.x, y: -m.y)
        return env.colorDepth.hasColor ? canvas.themed(plain.theme) : canvas
    }

    /// `1×3×8×8 → 1×16×8×8 → … → 1×1×8×8`, the middle elided when it does not fit, up to the
    /// layer that broke (✗ and its name).
    static func traceLine(_ trace: StackTrace, width: Int, glyphs g: Glyphs) -> String {
        let times = g.times, arrow = g.unicode ? " → " : " -> "
        // Only the parts that can fit are ever made (each takes a character and an arrow), so a
        // key costs the same at 5,000 layers as at 5 (it was quadratic in the layers).
        let broken = trace.failure?.index
        let count = 1 + (broken ?? trace.layers.count) + (broken == nil ? 0 : 1)
        func part(_ i: Int) -> String {
            if i == 0 { return trace.inputShape.map(String.init).joined(separator: times) }
            let step = trace.layers[i - 1]
            if i - 1 == broken { return (g.unicode ? "✗ " : "X ") + step.layer.name }
            return (step.outputShape ?? []).map(String.init).joined(separator: times)
        }
        let reach = min(count, max(2, width))
        let head = (0..<reach).map(part), tail = (count - reach..<count).map(part)
        if count == reach {
            let whole = head.joined(separator: arrow)
            if whole.count <= width { return whole }
        }
        // Lengths of the first h and the last t parts with their arrows, then the most that fit.
        var headLength = [0], tailLength = [0]
        for p in head { headLength.append(headLength.last! + p.count + arrow.count) }
        for p in tail.reversed() { tailLength.append(tailLength.last! + p.count + arrow.count) }
        for kept in stride(from: min(count - 1, reach - 1), through: 2, by: -1) {
            let h = (kept + 1) / 2, t = kept / 2
            if headLength[h] + g.ellipsis.count + tailLength[t] <= width {
                return (head.prefix(h) + [g.ellipsis] + tail.suffix(t)).joined(separator: arrow)
            }
        }
        return ([head.first!, g.ellipsis, tail.last!]).joined(separator: arrow)
    }

    /// The parameter table of the selected layer, or for a
    /// layer without parameters a box with the module's repr; the layer's parameters, multiplications and field under it.
    static func paintPanel(_ state: ModelProgram, frame: Rect, facts: Rect?, text: StackText, into canvas: inout Canvas,
                           env: RenderEnvironment) {
        let s = state.stack!
        if case let rows = state.stackRows, !rows.isEmpty {
            StackLayerPanel(state: state, rows: rows, frame: frame, environment: env).paint(into: &canvas)
        } else {
            Box.paint(into: &canvas, frame: frame, title: StackLayerPanel.title(s, width: frame.width, glyphs: env.glyphs), glyphs: env.glyphs,
                      style: Style(foreground: Palette.muted))
            // The repr may touch the right border (its words are long); sentences keep a margin.
            let inner = frame.width - 3
            var lines = TextWrap.lines(s.trace.repr(s.selected), width: inner) + [""]
            lines += TextWrap.lines(text.readOnly(s.selectedTrace), width: inner - 1)
            for (i, line) in lines.prefix(frame.height - 2).enumerated() {
                canvas.put(line, x: frame.x + 2, y: frame.y + 1 + i, style: i < lines.count - 2 ? .plain : Style(foreground: Palette.muted),
                           maxWidth: inner)
            }
        }
        guard let facts else { return }
        for (i, line) in text.facts(s.selectedTrace, width: facts.width - 1).prefix(facts.height).enumerated() {
            canvas.put(" " + line, x: facts.x, y: facts.y + i, style: Style(foreground: Palette.muted), maxWidth: facts.width)
        }
    }

    /// The two map sections with the inspector's marks, the line between them, and a sentence
    /// where a section has nothing to draw.
    static func paintMaps(_ s: StackState, layout: StackScreenLayout, text: StackText, into canvas: inout Canvas,
                          env: RenderEnvironment, padded: Bool = false) {
        let (top, bottom) = StackMapSource.sections(s, text: text)
        // The padded view's ring holds the padding mode's values (zeros need no lookup).
        var ring: ((Int, Int, Int) -> Float)?
        if let padding = s.paddedRing(shown: padded), padding.spec.paddingMode != .zeros, let input = top?.tensor {
            ring = { c, y, x in padding.spec.paddedValue(input, channel: c, y: y, x: x) }
        }
        let inspection = StackInspection(s)
        let muted = Style(foreground: Palette.muted)
        if let section = layout.top, let top {
            SectionView(layout: section, title: top.title, subtitle: top.subtitle, scale: top.scaleText(text),
                        tensor: top.tensor.map(FeatureMaps.init(everyChannelOf:)),
                        mapScale: { MapScale(minimum: 0, maximum: top.scale($0)) }, environment: env, marks: inspection.topMarks,
                        ringValue: ring).paint(into: &canvas)
        }
        if layout.middleY < layout.hintsY {
            canvas.put(text.middleLine(index: s.selected, layer: s.layer, width: layout.maps.width), x: layout.maps.x,
                       y: layout.middleY, style: Style(bold: true), maxWidth: layout.maps.width)
        }
        if let section = layout.bottom, let bottom {
            SectionView(layout: section, title: bottom.title, subtitle: bottom.subtitle, scale: bottom.scaleText(text),
                        tensor: bottom.tensor.map(FeatureMaps.init(everyChannelOf:)),
                        mapScale: { MapScale(minimum: 0, maximum: bottom.scale($0)) }, environment: env, marks: inspection.bottomMarks,
                        note: bottom.counts ? text.oneCountPerCell : "").paint(into: &canvas)
            return
        }
        // Nothing below: why, in one sentence.
        let y = layout.middleY + 1
        guard y < layout.hintsY else { return }
        let sentence: String
        if s.awaitsValues {
            sentence = text.computing
        } else if s.run == nil {
            sentence = text.tooLarge(values: StackState.valueLimit)
        } else if let failure = s.trace.failure, failure.index < s.selected {
            sentence = text.notRunMaps(index: s.selected, failure: failure.index)
        } else {
            return  // it broke here: PyTorch's message is in the notes
        }
        for (i, line) in TextWrap.lines(sentence, width: layout.maps.width).prefix(layout.hintsY - y).enumerated() {
            canvas.put(line, x: layout.maps.x, y: y + i, style: muted, maxWidth: layout.maps.width)
        }
    }

    /// The bottom line: the layer prompt (with a parse error above it), a report, a value being
    /// typed, the inspector's keys, or the screen's keys.
    static func paintBottom(_ state: ModelProgram, layout: StackScreenLayout, text: StackText, into canvas: inout Canvas,
                            glyphs g: Glyphs) {
        let s = state.stack!, y = layout.hintsY, width = canvas.width
        let strong = Style(foreground: Palette.highlight, bold: true)
        // A note wraps upwards from `bottom`, at most three lines; one still too long keeps its end
        // (a parse error's problem, a message's sizes) around an ellipsis.
        func paintNote(_ note: String, bottom: Int, style: Style) {
            canvas.putUpwards(TextWrap.linesKeepingEnd(note, width: max(1, width - 1), maxLines: max(1, min(3, bottom)),
                                                       ellipsis: g.ellipsis), bottom: bottom, style: style)
        }
        if let prompt = s.prompt {
            if let note = s.note { paintNote(text.note(note), bottom: y - 1, style: Style(foreground: Palette.error, bold: true)) }
            canvas.put(HintsView.fitting(text.prompt(prompt), width: width, glyphs: g), x: 0, y: y, style: strong)
            return
        }
        if let typed = state.typing {
            // The value typed goes to the selected row of the layer's table.
            let rows = state.stackRows, row = rows.isEmpty ? nil : rows[min(s.row, rows.count - 1)]
            HintsView.paintTyping(into: &canvas, typed: typed, name: row?.name ?? "", range: row?.range ?? 0...0, y: y,
                                  environment: state.environment)
            return
        }
        if s.note == nil, let message = state.message {
            HintsView.paintMessage(message, into: &canvas, y: y, environment: state.environment)
            return
        }
        if let note = s.note {
            paintNote(text.note(note), bottom: y, style: strong)
            return
        }
        if s.inspecting {
            canvas.put(HintsView.fitting(text.inspectHints(field: s.fieldInInput), width: width, glyphs: g), x: 0, y: y,
                       style: Style(foreground: Palette.highlight))
            return
        }
        var hints = KeyMap.stackHints(g, text.lang, for: state)
        // ↑↓ select and ←→ change, unless the layer is locked (then only the selection moves).
        let rowKeys = KeyMap.hints(g, text.lang).prefix(2).filter { KeyMap.hints(g, text.lang, for: state).contains($0) }
        if !state.stackRows.isEmpty { hints.insert(contentsOf: rowKeys, at: 1) }
        canvas.put(HintsView.fitting(hints + [text.lang.pick("z zoom", "z масштаб"), text.lang.pick("e export", "e экспорт")], width: width, glyphs: g), x: 0, y: y,
                   style: Style(foreground: Palette.muted))
    }
}
