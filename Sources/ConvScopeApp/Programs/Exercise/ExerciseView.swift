import ConvCore
import ConvExercises

/// The exercise screen: the working page (question, locked layer, answer line, hints, the
/// working) or, after the reveal, the course screen on the question's layer under an exercise row.
struct ExerciseView {
    let state: ExerciseState
    let maps: ComputedMaps?
    let environment: RenderEnvironment
    let spinner: Int

    var l: Language { state.language }
    var g: Glyphs { environment.glyphs }
    var size: TerminalSize { state.screenSettings.terminalSize }

    /// The maps page is the course screen's frame under the exercise row; the working page has no
    /// layout the mouse reaches.
    var frame: Frame {
        if state.page == .maps && !state.showHelp { return mapsPage }
        return Frame(layout: .none, canvas: canvas)
    }

    var canvas: Canvas {
        var canvas = Canvas(width: size.columns, height: size.rows)
        if size.columns < ScreenLayout.minimum.columns || size.rows < ScreenLayout.minimum.rows {
            TooSmallView.paint(into: &canvas, size: size, language: l)
            return canvas
        }
        paintTitle(into: &canvas)
        if state.showHelp { paintHelp(into: &canvas) } else { paintWorking(into: &canvas) }
        return environment.colorDepth.hasColor ? canvas.themed(state.screenSettings.theme) : canvas
    }

    /// `3/10 · score 2/10`.
    var progressText: String {
        "\(state.index + 1)/\(state.lab.exercises.count) \(g.dot) \(ExerciseText.score(state.score, of: state.lab.exercises.count, l))"
    }

    func paintTitle(into canvas: inout Canvas) {
        let right = progressText + " "
        let room = size.columns - right.count - 1
        let titles = [" convscope \(g.dot) \(state.lab.title)", " \(state.lab.title)"]
        var title = titles.first { $0.count <= room } ?? titles[1]
        if title.count > room { title = String(title.prefix(max(0, room - g.ellipsis.count))) + g.ellipsis }
        canvas.put(title, x: 0, y: 0, style: Style(foreground: Palette.accent, bold: true))
        canvas.put(right, x: max(0, size.columns - right.count), y: 0, style: Style(foreground: Palette.muted))
    }

    /// The course screen on the revealed layer; its title row carries the exercise's progress and keys.
    var mapsPage: Frame {
        let teaching = state.model?.frame(maps: maps, environment: environment, spinner: spinner)
            ?? state.teaching.frame(maps: maps, environment: environment, spinner: spinner)
        var canvas = teaching.canvas
        if !state.current.revealed, case .value = state.exercise.question, case .course(let layout) = teaching.layout {
            hideOutput(in: &canvas, layout: layout)
        }
        guard size.columns >= ScreenLayout.minimum.columns, size.rows >= ScreenLayout.minimum.rows else {
            return Frame(layout: teaching.layout, canvas: canvas)
        }
        let keys = [ExerciseCommand.working, .next, .previous, .quit]
            .map { "\(ExerciseKeys.label($0, l)) \(ExerciseText.command($0, l))" }.joined(separator: " \(g.dot) ") + " "
        var row = Canvas(width: size.columns, height: 1)
        let left = " " + (state.notice ?? "\(ExerciseText.title(l)) \(progressText)")
        let showsKeys = state.notice == nil && left.count + keys.count < size.columns
        row.put(left, x: 0, y: 0, style: Style(foreground: state.notice == nil ? Palette.accent : Palette.highlight, bold: true),
                maxWidth: size.columns)
        if showsKeys {
            row.put(keys, x: size.columns - keys.count, y: 0, style: Style(foreground: Palette.muted))
        }
        canvas.blit(environment.colorDepth.hasColor ? row.themed(state.screenSettings.theme) : row, x: 0, y: 0)
        if !state.current.revealed {
            // Before the answer the course screen's keys wait: the bottom row offers the exercise's own.
            var hints = Canvas(width: size.columns, height: 1)
            hints.put(" " + keys + "\(g.dot) " + ExerciseText.keysAfterAnswer(l), x: 0, y: 0, style: Style(foreground: Palette.muted),
                      maxWidth: size.columns)
            canvas.blit(environment.colorDepth.hasColor ? hints.themed(state.screenSettings.theme) : hints, x: 0, y: size.rows - 1)
        }
        return Frame(layout: teaching.layout, canvas: canvas)
    }

    /// Before a value question's answer the whole output section is blank but for one line
    /// saying so: any of its cells, its scale or the pattern of its rows would give the value away.
    func hideOutput(in canvas: inout Canvas, layout: ScreenLayout) {
        guard let output = layout.output else { return }
        let frame = output.frame
        canvas.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        canvas.put(ExerciseText.hiddenOutput(l), x: frame.x, y: frame.y, style: Style(foreground: Palette.muted, bold: true),
                   maxWidth: frame.width)
    }

    func paintWorking(into canvas: inout Canvas) {
        let page = ExerciseWorkingPage(state: state, glyphs: g)
        let first = page.scroll
        for (offset, line) in page.lines.dropFirst(first).prefix(page.viewRows).enumerated() {
            canvas.put(" " + line.text, x: 0, y: 2 + offset, style: line.style, maxWidth: size.columns)
        }
        let answerShown = (first..<first + page.viewRows).contains(page.answerRow)
        if answerShown { paintAnswerLine(into: &canvas, y: 2 + page.answerRow - first) }
        if let marker = page.marker {
            canvas.put(" " + marker, x: 0, y: 2 + page.viewRows, style: Style(foreground: Palette.highlight, bold: true),
                       maxWidth: size.columns)
        }
        if let notice = state.notice {
            // Wrapped upwards from the line above the keys, never over the answer line: a message
            // that still does not fit ends in an ellipsis rather than mid-word.
            let lowest = size.rows - 2, highest = answerShown ? 2 + page.answerRow - first + 1 : 2
            let lines = TextWrap.lines(notice, width: max(1, size.columns - 1), maxLines: max(1, lowest - highest + 1),
                                       ellipsis: g.ellipsis)
            canvas.putUpwards(lines, bottom: lowest, style: Style(foreground: Palette.highlight, bold: true))
        }
        canvas.put(" " + hints, x: 0, y: size.rows - 1, style: Style(foreground: Palette.muted), maxWidth: size.columns)
    }

    func paintAnswerLine(into canvas: inout Canvas, y: Int) {
        guard y < size.rows - 2 else { return }
        let progress = state.current
        if state.answering {
            let label = " \(ExerciseText.answer(l)) \(g.pointer) "
            canvas.put(label, x: 0, y: y, style: Style(foreground: Palette.accent, bold: true))
            let room = max(1, size.columns - label.count - 1)
            let shown = String(progress.draft.suffix(room - 1))
            canvas.put(shown, x: label.count, y: y, style: Style(bold: true))
            canvas.put(" ", x: label.count + shown.count, y: y, style: Style(reverse: true))
        } else if let last = progress.lastAnswer, !progress.isUnanswered {
            canvas.put(" \(ExerciseText.yourAnswer(l)): \(last)", x: 0, y: y, maxWidth: size.columns)
        }
    }

    /// The keys that act now, for the bottom row.
    var hints: String {
        if state.answering {
            // Narrow screens keep the keys and drop the words "type the answer".
            let full = ExerciseText.typeKeys(l)
            return full.count <= size.columns - 2 ? full : full.split(separator: g.dot.first!).dropFirst()
                .map { $0.trimmingCharacters(in: [" "]) }.joined(separator: " \(g.dot) ")
        }
        let progress = state.current
        var commands: [ExerciseCommand] = []
        if state.canAnswer {
            commands += progress.isUnanswered ? [.answer] : [.retry]
            if !progress.isUnanswered && !progress.revealed { commands.append(.reveal) }
            commands.append(.skip)
        }
        if (progress.revealed && state.teachable) || (state.previewsMaps && !state.answering) { commands.append(.maps) }
        if state.index + 1 < state.lab.exercises.count { commands.append(.next) }
        if state.index > 0 { commands.append(.previous) }
        commands += [.help, .quit]
        let words = { (list: [ExerciseCommand]) in
            list.map { "\(ExerciseKeys.label($0, l)) \(ExerciseText.command($0, l))" }.joined(separator: " \(g.dot) ")
        }
        // A narrow screen drops keys from the end, but always keeps the way out.
        while words(commands).count > size.columns - 2, commands.count > 1 { commands.remove(at: commands.count - 2) }
        return words(commands)
    }

    func paintHelp(into canvas: inout Canvas) {
        var y = 2
        canvas.put(" " + ExerciseText.helpTitle(l), x: 0, y: y, style: Style(foreground: Palette.accent, bold: true))
        y += 2
        let names = ExerciseKeys.bindings.map { ExerciseKeys.label($0.command, l, all: true) }
        let column = min(26, (names.map(\.count).max() ?? 3) + 2)
        for (name, binding) in zip(names, ExerciseKeys.bindings) where y < size.rows - 2 {
            let command = binding.command
            let label = " " + name + String(repeating: " ", count: max(1, column - name.count))
            canvas.put(label, x: 0, y: y, style: Style(bold: true))
            for line in TextWrap.lines(ExerciseText.commandHelp(command, l), width: size.columns - label.count - 2) where y < size.rows - 2 {
                canvas.put(line, x: label.count + 1, y: y)
                y += 1
            }
        }
        y += 1
        for line in TextWrap.lines(ExerciseText.answerLineHelp(l), width: size.columns - 2) where y < size.rows - 2 {
            canvas.put(" " + line, x: 0, y: y)
            y += 1
        }
        canvas.put(" " + ExerciseText.helpClose(l), x: 0, y: size.rows - 1, style: Style(foreground: Palette.muted))
    }
}

/// The working with its results hidden, for the second hint: `H_out = ⌊(8 + 2·1 − 1·(3−1) − 1) / 2⌋ + 1 = ?`.
enum HintSteps {
    static func masked(_ solution: Solution) -> [String] {
        solution.steps.map { step in
            var text = step
            // A line that ends in "= result" keeps its formula and loses the result.
            if let equals = text.range(of: " = ", options: .backwards), !text[equals.upperBound...].contains(" ") {
                text = text[..<equals.upperBound] + "?"
            }
            return replacingWhole(solution.expected, in: text)
        }
    }

    /// `text` with every occurrence of `answer` that is a whole number or shape written `?` (not
    /// part of a longer number, `2` in `12`, nor a term of a written-out sum, `0+1+2`).
    static func replacingWhole(_ answer: String, in text: String) -> String {
        guard !answer.isEmpty else { return text }
        let partOfNumber: (Character?) -> Bool = { c in c.map { $0.isNumber || $0 == "." || $0 == "+" } ?? false }
        var result = "", rest = Substring(text)
        while let range = rest.range(of: answer) {
            let before = range.lowerBound == rest.startIndex ? result.last : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : nil
            result += rest[..<range.lowerBound]
            result += partOfNumber(before) || partOfNumber(after) ? String(rest[range]) : "?"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
