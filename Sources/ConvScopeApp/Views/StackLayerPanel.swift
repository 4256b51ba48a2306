import ConvCore

/// The parameter table of a stack layer that is not a Conv2d, in a box titled with the layer:
/// one row per parameter (pointer, name, value), the selected one highlighted and taking typed
/// digits; rows past the box scroll so the selected one stays in view.
struct StackLayerPanel {
    let state: AppState
    let rows: [LayerParameterRow]
    let frame: Rect
    let environment: RenderEnvironment

    func paint(into canvas: inout Canvas) {
        let g = environment.glyphs, f = frame, s = state.stack!
        Box.paint(into: &canvas, frame: f, title: "(\(s.selected)) \(s.layer.name)", glyphs: g,
                  style: Style(foreground: Palette.muted))
        if state.linked {
            canvas.put(" \(g.link) h/w linked ", x: f.x + 2, y: f.maxY - 1, style: Style(foreground: Palette.accent, bold: true))
        }
        let visible = max(0, f.height - 2), selected = min(s.row, rows.count - 1)
        let first = max(0, selected - visible + 1)
        let valueWidth = 5, nameX = f.x + ParameterPanel.Column.name
        let valueX = f.maxX - 2 - valueWidth
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = f.y + 1 + offset, isSelected = first + offset == selected
            let rowStyle = isSelected ? Style(foreground: Palette.accent, bold: true) : Style()
            canvas.put(isSelected ? String(g.pointer) : " ", x: f.x + ParameterPanel.Column.pointer, y: y, style: rowStyle)
            canvas.put(row.name, x: nameX, y: y, style: rowStyle, maxWidth: valueX - nameX - 1)
            var value = row.text(row.value), valueStyle = rowStyle
            if isSelected, let typed = state.typing {
                value = typed + "_"
                valueStyle = Style(foreground: Palette.highlight, bold: true, underline: true)
            }
            canvas.put(value.leftPadded(to: valueWidth, with: " "), x: valueX, y: y, style: valueStyle)
            if isSelected {
                canvas.restyle(x: f.x + 1, y: y, width: f.width - 2, height: 1) { $0.reverse = !environment.colorDepth.hasColor }
            }
        }
    }
}
