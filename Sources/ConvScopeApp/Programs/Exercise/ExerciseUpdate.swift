import ConvCore
import ConvExercises

extension ExerciseState: LoopProgram {
    /// The course screen of the question's layer holds its maps; on a model's screen, its open lesson.
    public var mapsState: AppState? { model == nil ? teaching : model?.lesson }

    /// The only way an exercise session changes: an action in, the effects out (the course
    /// screen's own effects pass through for the revealed layer; answers ask to be recorded).
    public mutating func apply(_ action: Action) -> [Effect] {
        // The mouse works on the revealed layer's maps page only; elsewhere the terminal keeps it
        // for selecting text. Reporting follows the page, whatever the course screen asked for.
        let hadMouse = wantsMouse
        var effects = applyAction(action).filter { if case .mouseReporting = $0 { false } else { true } }
        if case .start = action, wantsMouse { effects.append(.mouseReporting(true)) }
        if wantsMouse != hadMouse { effects.append(.mouseReporting(wantsMouse)) }
        return effects
    }

    /// The maps page is the course screen's frame; the working page has no layout to act on.
    public mutating func showing(_ layout: Frame.Layout?) {
        teaching.adoptFrame(layout)
        model?.showing(layout)
    }

    /// True while mouse events go to the revealed layer's screen.
    var wantsMouse: Bool { page == .maps && current.revealed && teachable && screenSettings.mouseEnabled }

    /// The settings of the screen that shows the question's layer (the model screen's for a model).
    public var screenSettings: ScreenSettings { model?.settings ?? teaching.settings }

    /// Applies an action to the screen that shows the question's layer.
    mutating func applyToScreen(_ action: Action) -> [Effect] {
        if var shown = model {
            let effects = shown.apply(action)
            model = shown
            return effects
        }
        return teaching.apply(action)
    }

    private mutating func applyAction(_ action: Action) -> [Effect] {
        switch action {
        case .start(let size), .resize(let size), .resumed(let size):
            var effects = applyToScreen(action)
            teaching.terminalSize = size
            model?.terminalSize = size
            if case .start = action, !teachable { effects = [] }
            return effects
        case .mouse(let event):
            guard wantsMouse, !answering, !showHelp else { return [] }
            return teach(.mouse(event))
        case .computed, .stackComputed, .graphComputed, .signal, .suspend, .tick:
            return applyToScreen(action)
        case .report(let text):
            notice = text
            return []
        case .key(let key):
            return press(key)
        default:
            return []
        }
    }

    mutating func press(_ key: Key) -> [Effect] {
        if key == .control("c") { return [.quit(0)] }
        if key == .control("z") { return [.suspend] }
        let quitting = confirmingQuit
        confirmingQuit = false
        notice = nil
        if showHelp { showHelp = false; return [] }
        if answering { return type(key) }
        if let command = ExerciseKeys.command(for: key, page: page) {
            if command == .scrollDown || command == .scrollUp { return scrollPage(command, key: key) }
            return run(command, confirmed: quitting)
        }
        if page == .maps {
            // Before the reveal the maps are only looked at: the inspector would give the value away.
            if current.revealed { return teach(key) }
            notice = ExerciseText.answerFirst(language)
            return []
        }
        if key == .escape { notice = ExerciseText.nothingToClose(language) }
        if key == Key.enter, canAnswer { answering = true }
        return []
    }

    /// The answer line: characters type, Backspace erases, Enter checks, Esc leaves.
    mutating func type(_ key: Key) -> [Effect] {
        if let command = ExerciseKeys.answerLineScrolling[key] { return scrollPage(command, key: key) }
        switch key {
        case .character(let c) where !c.isNewline:
            if progress[index].draft.count < 200 { progress[index].draft.append(c) }
        case .backspace:
            if !progress[index].draft.isEmpty { progress[index].draft.removeLast() }
        case .escape:
            answering = false
        case .enter:
            return submit()
        default:
            break
        }
        return []
    }

    /// Checks the answer line: right reveals, wrong counts a try and shows a hint.
    mutating func submit() -> [Effect] {
        let typed = String(current.draft.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !typed.isEmpty else { notice = ExerciseText.empty(language); return [] }
        switch exercise.solution.verdict(for: typed) {
        case .right:
            progress[index].right = true
            progress[index].skipped = false
            progress[index].revealed = true
        case .wrong:
            progress[index].wrongTries += 1
            progress[index].skipped = false
        case .unreadable, .skipped:
            notice = ExerciseText.unreadable(exercise.question.kind, language)
            return []
        }
        answering = false
        page = .working
        // The next try starts from an empty line; the answer just given is shown above it.
        progress[index].lastAnswer = typed
        progress[index].draft = ""
        record(typed)
        showVerdict()
        return recorded()
    }

    /// Puts `answer` on the sheet for the current question and regrades that question alone (the
    /// score is kept, not regraded from the whole sheet at every frame: 40,000 questions cost 50 ms).
    mutating func record(_ answer: String) {
        sheet.record(answer, for: exercise.number)
        let right = exercise.solution.verdict(for: answer) == .right
        if right != gradedRight[index] { score += right ? 1 : -1 }
        gradedRight[index] = right
    }

    /// The effect that writes the sheet, when the session records.
    func recorded() -> [Effect] {
        records ? [.recordAnswers(AnswerRecord(number: exercise.number, sheet: sheet, title: lab.title,
                                               questionCount: lab.exercises.count))] : []
    }

    /// A value question whose file shows the maps: they are drawn before the answer, the asked cell blank.
    var previewsMaps: Bool {
        guard teachable, model == nil, exercise.show.contains(.maps), case .value = exercise.question else { return false }
        return true
    }

    /// Scrolls so the answer line and the first lines under it (the verdict, the answer) are in view.
    mutating func showVerdict() {
        let page = ExerciseWorkingPage(state: self, glyphs: screenSettings.environment.glyphs)
        scroll = min(max(0, page.answerRow + 4 - page.viewRows), page.maxScroll)
    }

    /// Scrolls the working page by a few lines or a screenful, within the page.
    mutating func scrollPage(_ command: ExerciseCommand, key: Key) -> [Effect] {
        let page = ExerciseWorkingPage(state: self, glyphs: screenSettings.environment.glyphs)
        let step = ExerciseKeys.scrollStep(key, page: page.viewRows)
        let wanted = (answering ? page.scroll : scroll) + (command == .scrollDown ? step : -step)
        scroll = min(max(0, wanted), page.maxScroll)
        if page.maxScroll == 0 { notice = ExerciseText.allShown(language) }
        return []
    }

    /// Whether the current question still takes an answer.
    var canAnswer: Bool { !current.right && !current.revealed }

    mutating func run(_ command: ExerciseCommand, confirmed: Bool) -> [Effect] {
        let l = language
        switch command {
        case .retry, .answer:
            if current.revealed || current.right { notice = ExerciseText.alreadyShown(l) } else { answering = true }
        case .scrollDown, .scrollUp: break
        case .reveal:
            if current.revealed { notice = ExerciseText.alreadyShown(l) }
            else if current.isUnanswered { notice = ExerciseText.answerFirst(l) }
            else { progress[index].revealed = true; page = .working; showVerdict() }
        case .skip:
            guard canAnswer else { notice = ExerciseText.alreadyShown(l); return [] }
            progress[index].skipped = true
            record("-")
            let effects = recorded()
            return effects + go(to: index + 1, quietAtEnd: true)
        case .next: return go(to: index + 1)
        case .previous: return go(to: index - 1)
        case .maps:
            if !current.revealed && !previewsMaps { notice = ExerciseText.answerFirst(l) }
            else if !teachable { notice = ExerciseText.noMaps(l) }
            else {
                page = .maps
                // A model's values are asked for now, not at the next key: the page shows them
                // as soon as they are computed.
                if let model { return model.kindEffects }
            }
        case .working: page = .working
        case .help: showHelp = true
        case .quit:
            if confirmed || unansweredCount == 0 { return [.quit(0)] }
            confirmingQuit = true
            notice = ExerciseText.confirmQuit(unanswered: unansweredCount, l)
        }
        return []
    }

    /// Moves to question `target` (0-based) with the answer line ready if it is still open.
    mutating func go(to target: Int, quietAtEnd: Bool = false) -> [Effect] {
        guard lab.exercises.indices.contains(target) else {
            if !quietAtEnd || target < 0 { notice = target < 0 ? ExerciseText.first(language) : ExerciseText.last(language) }
            return []
        }
        index = target
        page = .working
        scroll = 0
        answering = current.isUnanswered
        loadTeaching()
        return teachable && model == nil ? [.compute(teaching.parameters)] : []
    }

    /// A key on the maps page: the course screen's action for it, unless it would change the layer.
    mutating func teach(_ key: Key) -> [Effect] {
        if let model {
            guard let action = KeyMap.action(for: key, in: model) else {
                if KeyMap.editsLayer(key, in: model) { notice = ExerciseText.locked(language) }
                return []
            }
            return teach(action)
        }
        guard let action = KeyMap.action(for: key, in: teaching) else {
            // A key that edits the layer elsewhere (→ on a layer with nothing to edit) still says why it does nothing.
            if KeyMap.editsLayer(key, in: teaching) { notice = ExerciseText.locked(language) }
            return []
        }
        return teach(action)
    }

    /// The course screen's action on the revealed layer, refused when it would change the layer.
    mutating func teach(_ action: Action) -> [Effect] {
        if let model { return teachModel(model, action) }
        if action.changesLayer(in: teaching) {
            notice = ExerciseText.locked(language)
            return []
        }
        var next = teaching
        let effects = next.apply(action)
        // Whatever slipped past the list above still cannot change the layer.
        guard next.parameters == teaching.parameters else {
            notice = ExerciseText.locked(language)
            return []
        }
        teaching = next
        return effects.filter { if case .quit = $0 { false } else { true } }
    }

    public func paint(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Canvas {
        frame(maps: maps, environment: environment, spinner: spinner).canvas
    }

    public func frame(maps: ComputedMaps?, environment: RenderEnvironment, spinner: Int) -> Frame {
        ExerciseView(state: self, maps: maps, environment: environment, spinner: spinner).frame
    }
}
