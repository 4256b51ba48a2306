import ConvCore

/// The panel's keys on a stack layer: they move through and change the layer's own parameter
/// table (`Model.parameterRows(at:)`: the first layer's begin with the input's h_in and w_in),
/// and the model is traced and run again at once.
extension ModelProgram {
    /// The selected layer's rows.
    var stackRows: [LayerParameterRow] {
        guard let s = stack else { return [] }
        return s.model.parameterRows(at: s.selected)
    }

    /// Applies a panel action to the selected layer; false when the action is not a panel edit.
    mutating func editStackRow(_ action: Action) -> Bool {
        // u d scroll the stack's own panel (the single-layer screen's lay theirs out differently).
        if case .scrollPanel(let delta) = action, !showHelp {
            scrollStackPanel(delta)
            return true
        }
        guard var s = stack, !showHelp, !s.inspecting else { return false }
        var setting: (id: ParameterID, value: Int)?
        if case let .set(id, value) = action { setting = (id, value) }
        var clicked: Int?
        if case let .stack(.setRowValue(value)) = action { clicked = value }
        guard KeyMap.editsParameter(action) || action == .commitTyping || setting != nil || clicked != nil else { return false }
        notice = nil
        s.note = nil
        let rows = stackRows
        guard !rows.isEmpty else {
            s.note = .readOnly(name: s.layer.name)
            typing = nil
            stack = s
            return true
        }
        if let setting {
            // A value set by name (the mouse, scripts): the row of that name, if this layer has one.
            let name = setting.id.spec.name
            guard let found = rows.firstIndex(where: { $0.name == name }) else {
                s.note = [.hIn, .wIn].contains(setting.id) ? .sizeFromPrevious(index: s.selected) : .readOnly(name: s.layer.name)
                stack = s
                return true
            }
            s.row = found
        }
        let index = min(s.row, rows.count - 1), row = rows[index]
        var value: Int?
        switch action {
        case .set(_, let v): value = v
        case .stack(.setRowValue(let v)): value = v
        case .selectPrevious: s.row = RowSteps.wrapped(index, step: -1, count: rows.count)
        case .selectNext: s.row = RowSteps.wrapped(index, step: 1, count: rows.count)
        case .decrement: value = row.value - 1
        case .increment: value = row.value + 1
        case .bigDecrement: value = row.step.step(row.value, up: false)
        case .bigIncrement: value = row.step.step(row.value, up: true)
        case .setMinimum: value = row.range.lowerBound
        case .setMaximum: value = row.range.upperBound
        case .commitTyping:
            guard let text = typing, let typed = Int(text) else { break }
            value = RowSteps.accepted(typed, name: row.name, range: row.range, notice: &notice)
        default: break
        }
        typing = nil
        if let value {
            var model = row.setting(value, s.model)
            // Linked h/w: the partner takes the same value (read back from the changed model).
            let changedRows = model.parameterRows(at: s.selected)
            if linked, let partner = row.partner,
               let partnerRow = changedRows.first(where: { $0.name == partner }),
               let newValue = changedRows.first(where: { $0.name == row.name })?.value {
                model = partnerRow.setting(newValue, model)
            }
            s.replaceModel(model)
        }
        stack = s
        clampToLayout()
        return true
    }
}
