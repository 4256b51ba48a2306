import ConvCore

extension AppState {
    /// A mouse event over the maps area of a Conv1d or ConvTranspose2d, whose drawing is its own
    /// and not the Conv2d's sections the layout also holds: a press on an output cell inspects
    /// it (as the keys do), the wheel scrolls a ConvTranspose2d's maps. nil when the
    /// event is not over such a maps area (the panel, hints, overlays answer as on a Conv2d).
    mutating func familyMapsMouse(_ event: MouseEvent, layout: ScreenLayout) -> [Effect]? {
        guard parameters.layerKind != .conv2d, !layout.tooSmall else { return nil }
        let m = layout.maps
        guard event.column >= m.x, event.column < m.maxX, event.row >= m.y, event.row < m.maxY else { return nil }
        switch layout.element(at: event.column, event.row) {
        case nil, .mapCell?, .mapTitle?, .sectionHeader?, .pageMarker?, .kernelLine?: break
        default: return nil
        }
        if event.kind == .press, let cell = sequenceOutputCell(atColumn: event.column, row: event.row, layout: layout) {
            return update(&self, .inspect(.output, cell))
        }
        guard isTransposed else { return [] }
        if event.kind == .press, let area = transposedMapsArea(),
           let cell = area.outputCell(atColumn: event.column, row: event.row, scroll: transposedScroll) {
            return update(&self, .inspect(.output, CellCursor(channel: outputCursor.channel, y: cell.y, x: cell.x)))
        }
        var effects: [Effect] = []
        for action in MouseHits.scroll(event.kind) { effects += update(&self, action) }
        return effects
    }
}
