import ConvCore

/// The course screen's computed maps, held by the state (`AppState.maps`, `AppState.preview`):
/// a frame is drawn from the state alone, and `update` is the only door they come in by.
extension AppState {
    /// The maps the screen draws: the part in view while the layer is computed, else the newest
    /// finished maps (of other settings while the new ones are computed: the view says so).
    public var shownMaps: ComputedMaps? { preview ?? maps }

    /// `maps` when they are finished and of the settings on screen, else nil: what the layout
    /// takes its number widths from.
    func finished(_ maps: ComputedMaps?) -> ComputedMaps? {
        maps?.parameters == parameters && maps?.coverage == nil ? maps : nil
    }

    /// Takes computed maps in: finished maps replace the ones before and end the preview; a preview
    /// is kept only for the settings on screen (a key may have left them since).
    mutating func receive(_ computed: ComputedMaps) {
        if computed.coverage == nil {
            maps = computed
            preview = nil
        } else if computed.parameters == parameters {
            preview = computed
        }
    }
}
