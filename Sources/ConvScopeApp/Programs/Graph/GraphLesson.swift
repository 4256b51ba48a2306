import ConvCore

/// `o` on the graph screen: the selected Conv2d node in the course screen, on the value of the node
/// it reads (the graph forward's) with the node's weights (its weight source, all ones until a
/// lesson gives it another); coming back writes the node's arguments and weights into the graph.
extension GraphScreenState {
    /// The selected row's name in a note: a module's qualified name, a function node's, a block's.
    var selectedName: String {
        switch selectedEntry {
        case let .block(name, _, _): name
        case .node: outputStep.node.module != nil ? outputStep.node.target : outputStep.node.name
        }
    }

    /// True when the selected row is a Conv2d node: the one kind `o` opens.
    var selectsConv2d: Bool {
        guard case .node = selectedEntry, case .layer(.conv2d) = outputStep.node.operation else { return false }
        return true
    }

    /// Why the selected row opens no lesson, or nil when it does: it must be a Conv2d node that
    /// ran, its input's values computed.
    var lessonRefusal: LessonNote? {
        guard selectsConv2d else { return .needsConv2d(name: selectedName) }
        switch outputStep.status {
        case .ran: break
        case .failed: return .didNotRun(name: selectedName, refused: true)
        case .notRun: return .didNotRun(name: selectedName, refused: false)
        }
        guard let inputNode = inputNames.first, let x = tensor(inputNode), x.shape.count == 4
        else { return .needsValues(name: selectedName) }
        return nil
    }

    /// The course screen on the selected Conv2d node, its input the value of the node it reads;
    /// nil when `lessonRefusal` says why not.
    func lesson(language l: Language) -> AppState? {
        guard lessonRefusal == nil, case .node(let index, _) = selectedEntry, case let .layer(.conv2d(layer)) = outputStep.node.operation,
              let inputNode = inputNames.first, let x = tensor(inputNode) else { return nil }
        let input = Tensor4(shape: x.shape, storage: x.storage)
        var settings = LayerLesson.settings(layer, weighed: model.weightSource(index), input: input,
                                            inputName: LayerLessonText.inputName(selectedName, l))
        // The model's own input is the course notebook's ramp (the same values), written as such in the code.
        if inputNode == model.inputName { settings.useInput(.generated(.rampX)) }
        var course = AppState(parameters: settings)
        course.modelLayer = LayerLesson(step: index, module: selectedName, inputNode: inputNode, opened: settings)
        return course
    }
}

extension ModelProgram {
    /// Opens the graph screen's selected Conv2d node in the course screen, or notes why not.
    mutating func openGraphLesson() -> [Effect] {
        guard var g = graph else { return [] }
        guard let course = g.lesson(language: environment.language) else {
            g.note = g.lessonRefusal.map { .lesson($0) }
            graph = g
            return []
        }
        g.note = nil
        graph = g
        let effects = open(course)
        lesson?.notice = .lesson(.openedFromGraph(name: course.modelLayer!.layerName))
        return effects
    }

    /// Back on the graph screen from a lesson: the node's arguments and weight source written into
    /// the traced model, which is traced again and recomputed; the note names what changed.
    mutating func closeGraphLesson(_ course: AppState) {
        guard var g = graph, let opened = course.modelLayer, case .graph = opened.origin else { return }
        let (arguments, weights) = g.writeBack(course.parameters, at: opened.index)
        g.note = .lesson(.writtenBack(name: opened.layerName, arguments: arguments, weights: weights))
        graph = g
    }
}
