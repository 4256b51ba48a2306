import ConvCore

extension AppState {
    /// The lesson's part of `update`, before everything else: `o` on the model screen opens the
    /// selected Conv2d in the course screen; in it, `o` (or Esc with nothing left to close) goes
    /// back with the edits written into the model, and `r` resets to the layer as the model has it.
    /// Nil for every other action, which `update` handles as usual.
    mutating func lessonAction(_ action: Action) -> [Effect]? {
        switch action {
        case .stack(.openLesson):
            return openLesson()
        case .key(let key) where lesson != nil && !showHelp && typing == nil:
            if KeyMap.action(for: key, in: self) == .quit { return nil }
            if key == LayerLesson.key || (key == .escape && !hasLevelToClose) { return closeLesson() }
            if KeyMap.action(for: key, in: self) == .reset { resetLesson(); return [.compute(parameters)] }
            return nil
        default:
            return nil
        }
    }

    /// Esc would close something: a typed value, a panel, the inspector or the animation.
    var hasLevelToClose: Bool { typing != nil || panel != nil || focus != .parameters || playing }

    /// The selected layer of the model screen in the course screen, or a note saying why not.
    mutating func openLesson() -> [Effect] {
        guard var s = stack else { return [] }
        s.note = nil
        if let refusal = LayerLesson.refusal(s, at: s.selected) {
            s.note = .lesson(refusal)
            stack = s
            return []
        }
        let index = s.selected, name = s.model.name(index)
        let input = LayerLesson.input(of: index, model: s.model, run: s.run!)!
        let settings = LayerLesson.settings(s.model, index: index, input: input,
                                            inputName: LayerLessonText.inputName(name, environment.language))!
        var origin = self
        origin.stack = s
        var course = AppState(parameters: settings)
        course.terminalSize = terminalSize
        course.environment = environment
        course.theme = theme
        course.mouseEnabled = mouseEnabled
        course.lesson = LayerLesson(index: index, opened: settings, modelScreen: origin)
        course.notice = .lesson(.opened(name: name))
        course.clampToLayout()
        self = course
        return [.compute(parameters)]
    }

    /// Back to the model screen, the layer's arguments and weight source written into the model.
    mutating func closeLesson() -> [Effect] {
        guard let lesson else { return [] }
        var back = lesson.origin
        let model = LayerLesson.model(lesson.model, index: lesson.index, settings: parameters)
        back.stack!.replaceModel(model)
        back.stack!.note = .lesson(.writtenBack(name: lesson.layerName, arguments: model.layers != lesson.model.layers,
                                                weights: model.weightSource(lesson.index) != lesson.model.weightSource(lesson.index)))
        back.terminalSize = terminalSize
        back.environment = environment
        back.theme = theme
        back.mouseEnabled = mouseEnabled
        back.clampToLayout()
        self = back
        return stackEffects
    }

    /// `r` in a lesson: the layer as the model has it, not the notebook's defaults.
    mutating func resetLesson() {
        guard let lesson else { return }
        parameters = lesson.opened
        focus = .parameters
        playing = false
        panel = nil
        notice = .lesson(.reset(name: lesson.layerName))
        clampToLayout()
        clampCursors()
    }

    /// Why row `id` cannot change in a lesson, or nil: the model decides the input, and the
    /// layer stays a Conv2d.
    func lessonRefusal(_ id: ParameterID) -> Notice? {
        guard let lesson else { return nil }
        if [.hIn, .wIn, .inChannels, .input].contains(id) { return .lesson(.fixedByModel(row: id.name, name: lesson.layerName)) }
        if id == .layerKind { return .lesson(.staysConv2d(name: lesson.layerName)) }
        return nil
    }
}

extension LayerLesson {
    /// The key that opens the model screen's selected Conv2d in the course screen and comes back.
    public static let key = Key.character("o")
}
