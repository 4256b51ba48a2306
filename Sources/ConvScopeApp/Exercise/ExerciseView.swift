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
    var size: TerminalSize { state.teaching.terminalSize }

    var canvas: Canvas {
        if state.page == .maps && !state.showHelp { return mapsPage }
        var canvas = Canvas(width: size.columns, height: size.rows)
        if size.columns < ScreenLayout.minimum.columns || size.rows < ScreenLayout.minimum.rows {
            TooSmallView.paint(into: &canvas, size: size, language: l)
            return canvas
        }
        paintTitle(into: &canvas)
        if state.showHelp { paintHelp(into: &canvas) } else { paintWorking(into: &canvas) }
        return environment.colorDepth.hasColor ? canvas.themed(state.teaching.theme) : canvas
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
    var mapsPage: Canvas {
        var canvas = state.teaching.paint(maps: maps, environment: environment, spinner: spinner)
        if !state.current.revealed, case let .value(_, channel, y, x) = state.exercise.question {
            blankOutputCell(CellCursor(channel: channel, y: y, x: x), in: &canvas)
        }
        guard size.columns >= ScreenLayout.minimum.columns, size.rows >= ScreenLayout.minimum.rows else { return canvas }
        let keys = [ExerciseCommand.working, .next, .previous, .quit]
            .map { "\(ExerciseKeys.label($0)) \(ExerciseText.command($0, l))" }.joined(separator: " \(g.dot) ") + " "
        var row = Canvas(width: size.columns, height: 1)
        let left = " " + (state.notice ?? "\(ExerciseText.title(l)) \(progressText)")
        let showsKeys = state.notice == nil && left.count + keys.count < size.columns
        row.put(left, x: 0, y: 0, style: Style(foreground: state.notice == nil ? Palette.accent : Palette.highlight, bold: true),
                maxWidth: size.columns)
        if showsKeys {
            row.put(keys, x: size.columns - keys.count, y: 0, style: Style(foreground: Palette.muted))
        }
        canvas.blit(environment.colorDepth.hasColor ? row.themed(state.teaching.theme) : row, x: 0, y: 0)
        return canvas
    }

    /// Clears every screen cell that draws output[0, c, y, x], so the asked value is not on the map.
    func blankOutputCell(_ cell: CellCursor, in canvas: inout Canvas) {
        let current = maps?.parameters == state.teaching.parameters ? maps : nil
        let layout = Layout.compute(state.teaching, environment: environment, widths: current?.widths)
        let asked = MapCellAddress(section: .output, channel: cell.channel, y: cell.y, x: cell.x)
        for row in 0..<size.rows {
            for column in 0..<size.columns where layout.element(at: column, row) == .mapCell(asked) {
                canvas.put(" ", x: column, y: row)
            }
        }
    }

    func paintWorking(into canvas: inout Canvas) {
        let width = size.columns - 2
        let exercise = state.exercise, progress = state.current
        let bold = Style(bold: true), muted = Style(foreground: Palette.muted)
        let heading = ExerciseText.question(exercise.number, of: state.lab.exercises.count, l) + " \(g.dot) \(exercise.id)"
        let head = [(heading, muted)] + TextWrap.lines(exercise.prompt, width: width).map { ($0, bold) }
        var given = ExerciseSetupText(exercise: exercise, revealed: progress.revealed, glyphs: g, language: l)
            .lines(width: width).map { ($0, Style.plain) }
        if state.previewsMaps && !progress.revealed { given.append((ExerciseText.mapsPreview(l), muted)) }
        var after = feedback(width: width)
        // Rows 2 ..< rows−2 hold the page; when it does not fit, the given layer gives up lines
        // first (the answer line and the feedback matter more), then the end of the feedback.
        let room = size.rows - 4
        let overflow = head.count + 1 + given.count + 1 + 1 + after.count - room
        if overflow > 0, given.count > 1 {
            given = Array(given.prefix(max(1, given.count - overflow - 1))) + [(g.ellipsis, muted)]
        }
        let spare = room - (head.count + 1 + given.count + 1 + 1)
        if after.count > max(0, spare) { after = Array(after.prefix(max(0, spare - 1))) + [(g.ellipsis, muted)] }
        let lines = head + [("", .plain)] + given + [("", .plain)]
        let answerRow = lines.count
        for (offset, line) in (lines + [("", .plain)] + after).enumerated() where 2 + offset < size.rows - 2 {
            canvas.put(" " + line.0, x: 0, y: 2 + offset, style: line.1, maxWidth: size.columns)
        }
        paintAnswerLine(into: &canvas, y: 2 + answerRow)
        if let notice = state.notice {
            canvas.put(" " + notice, x: 0, y: size.rows - 2, style: Style(foreground: Palette.highlight, bold: true),
                       maxWidth: size.columns)
        }
        canvas.put(" " + hints, x: 0, y: size.rows - 1, style: muted, maxWidth: size.columns)
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
        } else if !progress.draft.isEmpty, !progress.isUnanswered {
            canvas.put(" \(ExerciseText.yourAnswer(l)): \(progress.draft)", x: 0, y: y, maxWidth: size.columns)
        }
    }

    /// The verdict, the hint for the try, or the answer and its working.
    func feedback(width: Int) -> [(String, Style)] {
        let exercise = state.exercise, progress = state.current
        var lines: [(String, Style)] = []
        let wrap = { (text: String, style: Style) in TextWrap.lines(text, width: width).map { ($0, style) } }
        let step = { (text: String) in TextWrap.lines([text], lead: "  ", indent: "    ", width: width).map { ($0, Style.plain) } }
        if progress.right {
            lines.append((ExerciseText.right(l) + " " + exercise.solution.expected, Style(foreground: Palette.accent, bold: true)))
        } else if progress.skipped {
            lines.append((ExerciseText.skipped(l), Style(foreground: Palette.muted, bold: true)))
        } else if progress.wrongTries > 0 {
            lines.append((ExerciseText.wrong(l), Style(foreground: Palette.error, bold: true)))
        }
        if progress.revealed {
            if !progress.right {
                lines += wrap(ExerciseText.expected(l) + " " + exercise.solution.expected, Style(bold: true))
            }
            if !exercise.solution.steps.isEmpty { lines.append((ExerciseText.working(l), Style(foreground: Palette.muted))) }
            lines += exercise.solution.steps.flatMap(step)
        } else if progress.wrongTries == 1 {
            lines += wrap(ExerciseText.hint(l) + " " + hintText, .plain)
        } else if progress.wrongTries > 1 {
            lines.append((ExerciseText.formulaHint(l), .plain))
            lines += HintSteps.masked(exercise.solution).flatMap(step)
        }
        return lines
    }

    /// The teacher's hint, or the question kind's own in the screen's language.
    var hintText: String {
        let exercise = state.exercise
        let kind = exercise.question.kind
        return exercise.hint == kind.defaultHint ? ExerciseText.defaultHint(kind, l) : exercise.hint
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
            list.map { "\(ExerciseKeys.label($0)) \(ExerciseText.command($0, l))" }.joined(separator: " \(g.dot) ")
        }
        // A narrow screen drops keys from the end, but always keeps the way out.
        while words(commands).count > size.columns - 2, commands.count > 1 { commands.remove(at: commands.count - 2) }
        return words(commands)
    }

    func paintHelp(into canvas: inout Canvas) {
        var y = 2
        canvas.put(" " + ExerciseText.helpTitle(l), x: 0, y: y, style: Style(foreground: Palette.accent, bold: true))
        y += 2
        for (key, command) in ExerciseKeys.bindings where y < size.rows - 2 {
            let name = key.label(g)
            let label = " " + name + String(repeating: " ", count: max(1, 4 - name.count))
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
            return text.replacingOccurrences(of: solution.expected, with: "?")
        }
    }
}
