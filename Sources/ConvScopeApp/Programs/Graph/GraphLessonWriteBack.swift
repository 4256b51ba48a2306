import ConvCore

/// A lesson's edits written into the graph screen's traced model: the Conv2d node's arguments and
/// weight source, the model traced again (a node whose new arguments no longer fit shows the
/// graph's failure) and its values computed afresh with the node's weights.
extension GraphScreenState {
    /// Writes `settings` into Conv2d node `index` (its input channels stay the graph's); true for
    /// what changed: its arguments, its weights. Nothing changes when neither did.
    mutating func writeBack(_ settings: Conv2dSettings, at index: Int) -> (arguments: Bool, weights: Bool) {
        let new = LayerLesson.model(model, index: index, settings: settings)
        let arguments = new.layer(index) != model.layer(index), weights = new.weightSource(index) != model.weightSource(index)
        guard arguments || weights else { return (false, false) }
        replaceModel(new)
        return (arguments, weights)
    }

    /// Shows `new` in place of the model: traced again from the same input, every value computed
    /// from the old model dropped, the selected row's values computed again; rows and folds stay
    /// (the nodes' names do not change).
    mutating func replaceModel(_ new: Model) {
        model = new
        trace = GraphTrace(new, inputShape: trace.inputShape)
        values = [:]
        effectiveField = nil
        fieldCell = nil
        pending = nil
        clampCursor()
        computeSelected()
        computeField()
    }
}
