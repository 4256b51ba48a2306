import ConvCore
import ConvExercises

/// The working page in lines: the question, the locked layer, the answer line, the verdict, hints
/// and the working. Painting and scrolling share it, so a page taller than the screen scrolls to
/// its last line and no further.
struct ExerciseWorkingPage {
    let state: ExerciseState
    let glyphs: Glyphs
    /// Every line of the page; the answer line's row holds a blank the view paints over.
    private(set) var lines: [(text: String, style: Style)] = []
    /// The answer line's index in `lines`.
    private(set) var answerRow = 0

    var size: TerminalSize { state.screenSettings.terminalSize }
    var l: Language { state.language }
    var width: Int { max(10, size.columns - 2) }

    init(state: ExerciseState, glyphs: Glyphs) {
        self.state = state
        self.glyphs = glyphs
        let exercise = state.exercise, progress = state.current
        let bold = Style(bold: true), muted = Style(foreground: Palette.muted)
        let heading = ExerciseText.question(exercise.number, of: state.lab.exercises.count, l) + " \(glyphs.dot) \(exercise.id)"
        lines = [(heading, muted)] + TextWrap.lines(exercise.prompt, width: width).map { ($0, bold) } + [("", .plain)]
        lines += ExerciseSetupText(exercise: exercise, revealed: progress.revealed, glyphs: glyphs, language: l)
            .lines(width: width).map { ($0, Style.plain) }
        if state.previewsMaps && !progress.revealed { lines.append((ExerciseText.mapsPreview(l), muted)) }
        lines.append(("", .plain))
        // A retry starts from an empty line, with the answer it replaces shown above it.
        if state.answering, let last = progress.lastAnswer {
            lines += TextWrap.lines("\(ExerciseText.yourAnswer(l)): \(last)", width: width).map { ($0, muted) }
        }
        answerRow = lines.count
        lines.append(("", .plain))
        lines += feedback
    }

    /// Rows 2 ..< rows−2 hold the page.
    var room: Int { max(1, size.rows - 4) }
    /// True when the page is taller than its rows: the last row then says what is hidden.
    var overflows: Bool { lines.count > room }
    /// Rows that show lines.
    var viewRows: Int { overflows ? max(1, room - 1) : room }
    /// The largest useful scroll.
    var maxScroll: Int { max(0, lines.count - viewRows) }
    /// The first line shown: the state's scroll, moved so an open answer line stays in view.
    var scroll: Int {
        var first = min(max(0, state.scroll), maxScroll)
        if state.answering { first = min(max(first, answerRow - viewRows + 1), answerRow) }
        return first
    }

    /// The marker under a page taller than the screen: lines above and below, and the keys.
    var marker: String? {
        guard overflows else { return nil }
        let above = scroll, below = lines.count - scroll - viewRows
        var parts: [String] = []
        if above > 0 { parts.append("\(glyphs.unicode ? "▲" : "^") \(above)") }
        if below > 0 { parts.append(HintText.moreBelow(l, glyphs, below)) }
        let keys = "\(glyphs.arrowUp)\(glyphs.arrowDown) u d " + HintText.scrollWord(l)
        return (parts + [keys]).joined(separator: " \(glyphs.dot) ")
    }

    /// The verdict, the hint for the try, or the answer and its working.
    var feedback: [(String, Style)] {
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
            lines += wrap(ExerciseText.hint(l) + " " + (exercise.teacherHint ?? Hints.defaultHint(exercise.question, exercise.setup, l)), .plain)
        } else if progress.wrongTries > 1 {
            lines.append((ExerciseText.formulaHint(l), .plain))
            lines += HintSteps.masked(exercise.solution).flatMap(step)
        }
        return lines
    }
}
