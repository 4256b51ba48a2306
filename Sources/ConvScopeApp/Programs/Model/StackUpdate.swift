import ConvCore

extension ModelProgram {
    /// The stack screen's actions of `update`.
    mutating func applyStack(_ action: StackAction) {
        guard var s = stack else { return }
        typing = nil
        let count = s.model.layers.count
        switch action {
        case .selectLayer(let delta):
            s.selected = min(max(0, s.selected + delta), count - 1)
        case .chooseLayer(let index):
            s.selected = min(max(0, index), count - 1)
        case .chooseRow(let index):
            s.row = min(max(0, index), max(0, s.model.parameterRows(at: s.selected).count - 1))
        case .setRowValue:
            break  // editStackRow sets it, as every panel edit
        case .inspectCell(let cell):
            if s.outputShape != nil, s.outputValues != nil, !s.coverage {
                if case .cat = s.layer { s.note = .catShowsPair } else { s.inspecting = true; s.cursor = cell }
            }
        case .duplicate:
            s.replaceModel(s.model.inserting(s.layer, at: s.selected + 1))
            s.selected += 1
            s.note = .added(index: s.selected)
        case .openPrompt:
            s.prompt = ""
        case .promptType(let c):
            if let text = s.prompt, text.count < Self.promptLimit { s.prompt = text + String(c) }
        case .promptBackspace:
            if let text = s.prompt { s.prompt = String(text.dropLast()) }
        case .cancelPrompt:
            s.prompt = nil
        case .commitPrompt:
            guard let text = s.prompt else { break }
            if s.insertParsed(text) { s.prompt = nil }
        case .insert(let text):
            _ = s.insertParsed(text)
        case .remove:
            guard count > 1 else { s.note = .lastLayer; break }
            if let cat = s.model.catsJoining(s.selected).first {
                s.note = .joinedByCat(index: s.selected, cat: cat)
                break
            }
            let removed = s.selected
            let name = s.model.name(removed)
            s.replaceModel(s.model.removing(at: removed))
            s.note = .removed(name: name)
        case .move(let delta):
            let target = s.selected + delta
            guard target >= 0, target < count else { break }
            // The lower of the two may be a Cat joining the upper: swapping would put it first.
            let (upper, lower) = (min(s.selected, target), max(s.selected, target))
            if s.model.catsJoining(upper).contains(lower) {
                s.note = .joinedByCat(index: upper, cat: lower)
                break
            }
            s.replaceModel(s.model.swapping(upper))
            s.selected = target
        case .toggleInspect:
            if s.inspecting {
                s.inspecting = false
                s.fieldInInput = false
            } else if case .cat = s.layer {
                s.note = .catShowsPair
            } else if s.outputShape != nil, s.outputValues != nil {
                s.inspecting = true
            } else {
                s.note = .noMapsToInspect
            }
        case .moveCursor(let dx, let dy):
            s.cursor.x += dx; s.cursor.y += dy
        case .cursorChannel(let delta):
            s.cursor.channel += delta
        case .toggleField:
            if s.fieldInInput {
                s.fieldInInput = false
            } else if s.inspecting, s.trace.inputSpan(layer: s.selected, y: s.cursor.y, x: s.cursor.x) != nil {
                s.fieldInInput = true
            } else {
                s.note = .fieldNeedsInspector
            }
        case .toggleCoverage:
            if s.cycleTransposedOrCoverage() {
                transposedScroll = TransposedScroll()
            } else if s.coverage {
                s.coverage = false
            } else if s.coverageCounts != nil {
                s.coverage = true
            } else {
                s.note = .noWindows(name: s.layer.name)
            }
        case .openLesson:
            break  // ModelProgram.openLesson opens it, before the stack's actions
        case .back:
            if panel != nil { panel = nil } else if s.fieldInInput { s.fieldInInput = false } else if s.inspecting { s.inspecting = false }
            else if s.coverage || s.transposedView != nil { s.coverage = false; s.transposedView = nil } else { s.note = .nothingToClose }
        }
        if s.outputShape == nil || s.outputValues == nil { s.inspecting = false; s.fieldInInput = false }
        if s.coverage && s.coverageCounts == nil { s.coverage = false }
        if case .convTranspose2d = s.layer {} else { s.transposedView = nil }
        s.clampCursor()
        stack = s
        clampToLayout()
    }

    /// The stack screen's effects after an action: its values, when wanted and not all here yet
    /// (the selected layer's first).
    var stackEffects: [Effect] {
        guard let s = stack, s.awaitsValues else { return [] }
        return [.computeStack(s.model, selected: s.selected)]
    }

    /// The longest layer text the prompt takes.
    static let promptLimit = 200

    /// The selected Conv2d layer as the course screen's settings (nil for another layer or the
    /// graph screen): the one conversion from the layer, on its input (from the layer before).
    public var selectedLayerSettings: Conv2dSettings? {
        guard let s = stack, case let .conv2d(layer) = s.layer else { return nil }
        let input = s.selectedTrace.inputShape ?? (s.selected == 0 ? s.model.inputShape : nil)
        return Conv2dSettings(layer, inputHeight: input?[2], inputWidth: input?[3])
    }
}

extension StackState {
    /// Parses a layer as in PyTorch and inserts it after the selected one; false (with the
    /// parser's or PyTorch's words in the note) when it does not parse or build.
    mutating func insertParsed(_ text: String) -> Bool {
        let trimmed = text.trimmingSpacesAround
        do throws(LayerParseError) {
            let layer = try LayerParser.parse(trimmed)
            replaceModel(model.inserting(layer, at: selected + 1))
            selected += 1
            note = .added(index: selected)
            return true
        } catch let .construction(_, error) {
            note = .parseError("\(error.pythonType): \(error.message)")
        } catch {
            note = .parseError(error.message)
        }
        return false
    }

    /// The selected layer's coverage counts (rows × columns), if it ran and has windows.
    public var coverageCounts: [[Int]]? {
        guard let input = selectedTrace.inputShape, selectedTrace.status == .ran else { return nil }
        return Coverage.counts(layer: layer, input: SpatialPair(input[2], input[3]))
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpacesAround: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
