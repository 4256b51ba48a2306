import ConvCore

/// The panel's keys on a stack layer that is not a Conv2d: they move through and change the
/// layer's own parameter table (`StackLayer.parameterRows(at:)`) instead of the single-layer
/// parameters, and the model is traced and run again at once.
extension AppState {
    /// The selected layer's rows (empty on a Conv2d, whose rows are the single-layer panel's).
    var stackRows: [LayerParameterRow] {
        guard let s = stack else { return [] }
        return s.layer.parameterRows(at: s.selected)
    }

    /// Applies a panel action to the selected non-Conv2d layer; false when the action is not a
    /// panel edit or the layer is a Conv2d (then the single-layer path handles it).
    mutating func editStackRow(_ action: Action) -> Bool {
        guard var s = stack, !showHelp, !s.inspecting else { return false }
        if case .conv2d = s.layer { return false }
        guard KeyMap.editsParameter(action) || action == .commitTyping else { return false }
        notice = nil
        s.note = nil
        let rows = stackRows
        guard !rows.isEmpty else {
            s.note = .readOnly(name: s.layer.name)
            typing = nil
            stack = s
            return true
        }
        let index = min(s.row, rows.count - 1), row = rows[index]
        var value: Int?
        switch action {
        case .selectPrevious: s.row = (index + rows.count - 1) % rows.count
        case .selectNext: s.row = (index + 1) % rows.count
        case .decrement: value = row.value - 1
        case .increment: value = row.value + 1
        case .bigDecrement:
            if case .linear(let n) = row.step { value = row.value - n } else { value = max(1, row.value / 2) }
        case .bigIncrement:
            if case .linear(let n) = row.step { value = row.value + n } else { value = row.value * 2 }
        case .setMinimum: value = row.range.lowerBound
        case .setMaximum: value = row.range.upperBound
        case .commitTyping:
            guard let text = typing, let typed = Int(text) else { break }
            if row.range.contains(typed) {
                value = typed
            } else {
                notice = .outOfRange(name: row.name, value: typed, range: row.range)
            }
        default: break
        }
        typing = nil
        if let value {
            var layer = row.setting(value)
            // Linked h/w: the partner takes the same value (read back from the changed layer).
            if linked, let partner = row.partner,
               let partnerRow = layer.parameterRows(at: s.selected).first(where: { $0.name == partner }),
               let newValue = layer.parameterRows(at: s.selected).first(where: { $0.name == row.name })?.value {
                layer = partnerRow.setting(newValue)
            }
            var model = s.model
            model.layers[s.selected] = layer
            s.replaceModel(model)
        }
        stack = s
        clampToLayout()
        return true
    }
}
