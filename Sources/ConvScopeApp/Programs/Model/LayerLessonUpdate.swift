import ConvCore

extension ModelProgram {
    /// `o` on the stack screen: the selected Conv2d in the course screen, on its real input (the
    /// layer before's output) with the model's weights, or a note saying why not.
    mutating func openLesson() -> [Effect] {
        if graph != nil { return openGraphLesson() }
        guard var s = stack else { return [] }
        s.note = nil
        if let refusal = LayerLesson.refusal(s, at: s.selected) {
            s.note = .lesson(refusal)
            stack = s
            return []
        }
        stack = s
        let index = s.selected, name = s.model.name(index)
        let input = LayerLesson.input(of: index, model: s.model, run: s.run!)!
        let settings = LayerLesson.settings(s.model, index: index, input: input,
                                            inputName: LayerLessonText.inputName(name, environment.language))!
        var course = AppState(parameters: settings)
        course.modelLayer = LayerLesson(index: index, opened: settings, model: s.model)
        let effects = open(course)
        lesson?.notice = .lesson(.opened(name: name))
        return effects
    }

    /// Back to the model screen from `course`, the layer's arguments and weight source written
    /// into the model, keeping what the user set for every screen (theme, colours, mouse).
    mutating func closeLesson(_ course: AppState) -> [Effect] {
        lesson = nil
        theme = course.theme
        environment = course.environment
        mouseEnabled = course.mouseEnabled
        closeGraphLesson(course)
        if let opened = course.modelLayer, let before = opened.model, var s = stack {
            let model = LayerLesson.model(before, index: opened.index, settings: course.parameters)
            s.replaceModel(model)
            s.note = .lesson(.writtenBack(name: opened.layerName, arguments: model.layers != before.layers,
                                          weights: model.weightSource(opened.index) != before.weightSource(opened.index)))
            stack = s
        }
        clampToLayout()
        return kindEffects + [.mouseReporting(mouseEnabled)]
    }
}

extension AppState {
    /// A lesson's own part of the course screen's `update`, before everything else: `r` resets
    /// to the layer as the model has it, not the notebook's defaults. Nil for every other action.
    mutating func lessonAction(_ action: Action) -> [Effect]? {
        guard modelLayer != nil, case .key(let key) = action, !showHelp, typing == nil,
              KeyMap.action(for: key, in: self) == .reset else { return nil }
        resetLesson()
        return [.compute(parameters)]
    }

    /// `r` in a lesson: the layer as the model has it.
    mutating func resetLesson() {
        guard let lesson = modelLayer else { return }
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
        guard let lesson = modelLayer else { return nil }
        if [.hIn, .wIn, .inChannels, .input].contains(id) {
            return .lesson(lesson.model == nil ? .fixedByGraph(row: id.name, name: lesson.layerName) : .fixedByModel(row: id.name, name: lesson.layerName))
        }
        // A traced graph's node stays its Conv2d whatever the lesson does; a stack can take other layers.
        if id == .layerKind { return .lesson(lesson.model == nil ? .keptByGraph(name: lesson.layerName) : .staysConv2d(name: lesson.layerName)) }
        return nil
    }
}

extension LayerLesson {
    /// The key that opens the model screen's selected Conv2d in the course screen and comes back.
    public static let key = Key.character("o")
}
