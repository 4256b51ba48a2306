import ConvCore

/// The parameter table of a stack layer, in a box titled with the layer: one row per parameter
/// (pointer, name, value, and a slider for numbers), the selected one highlighted and taking
/// typed digits, the rows PyTorch's message blames marked; rows past the box scroll so the
/// selected one stays in view.
struct StackLayerPanel {
    let state: ModelProgram
    let rows: [LayerParameterRow]
    let frame: Rect
    let environment: RenderEnvironment

    /// The box's rows: the longest table (the first Conv2d's: h_in, w_in and its fourteen) and the borders.
    static let height = 16 + 2

    /// The first row drawn when `visible` rows fit: just enough to keep the selected one in view.
    static func firstRow(selected: Int, visible: Int, count: Int) -> Int {
        max(0, min(selected - visible + 1, count - visible))
    }

    /// Where the value column starts, from the box's left border: after the longest name.
    static func valueColumn(_ rows: [LayerParameterRow]) -> Int {
        ParameterPanel.Column.name + max(13, rows.map(\.name.count).max() ?? 0) + 1
    }

    /// The box title: `(name) Class`, the name shortened from its start where the box is narrow.
    static func title(_ s: StackState, width: Int, glyphs g: Glyphs) -> String {
        let room = max(6, width - 4 - s.layer.name.count - 1)
        return LayerListView.keepingTheEnd("(\(s.model.name(s.selected)))", width: room, glyphs: g) + " " + s.layer.name
    }

    func paint(into canvas: inout Canvas) {
        let g = environment.glyphs, f = frame, s = state.stack!
        let border = Style(foreground: Palette.muted)
        Box.paint(into: &canvas, frame: f, title: StackLayerPanel.title(s, width: f.width, glyphs: g), glyphs: g, style: border)
        if state.linked {
            canvas.put(ScreenText.linkedBadge(environment.language, g), x: f.x + 2, y: f.maxY - 1,
                       style: Style(foreground: Palette.accent, bold: true))
        }
        let visible = max(0, f.height - 2), selected = min(s.row, rows.count - 1)
        let first = Self.firstRow(selected: selected, visible: visible, count: rows.count)
        if first > 0 { canvas.put(g.arrowUp, x: f.maxX - 3, y: f.y, style: border) }
        if first + visible < rows.count { canvas.put(g.arrowDown, x: f.maxX - 3, y: f.maxY - 1, style: border) }
        let valueWidth = ParameterPanel.Column.valueWidth, nameX = f.x + ParameterPanel.Column.name
        let valueX = f.x + Self.valueColumn(rows), slider = Self.sliderFrame(rows, panel: f)
        let blamed = culprits
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = f.y + 1 + offset, isSelected = first + offset == selected, bad = blamed.contains(row.name)
            let rowStyle = isSelected ? Style(foreground: Palette.accent, bold: true) : Style()
            canvas.put(isSelected ? String(g.pointer) : " ", x: f.x + ParameterPanel.Column.pointer, y: y, style: rowStyle)
            canvas.put(row.name, x: nameX, y: y, style: rowStyle, maxWidth: valueX - nameX - 1)
            var value = ValueWords.word(row.text(row.value), environment.language), valueStyle = rowStyle
            if isSelected, let typed = state.typing {
                value = typed + "_"
                valueStyle = Style(foreground: Palette.highlight, bold: true, underline: true)
            }
            if bad { valueStyle = Style(foreground: Palette.error, bold: true); value = "!" + value }
            if case .integer = row.kind {
                canvas.put(value.leftPadded(to: valueWidth, with: " "), x: valueX, y: y, style: valueStyle)
                if let slider {
                    paintBar(into: &canvas, row: row, x: slider.x, y: y, width: slider.maxX - slider.x, selected: isSelected, bad: bad)
                }
            } else {
                canvas.put(value.leftPadded(to: valueWidth, with: " "), x: valueX, y: y, style: valueStyle,
                           maxWidth: f.maxX - 1 - valueX)
            }
            if isSelected {
                canvas.restyle(x: f.x + 1, y: y, width: f.width - 2, height: 1) { $0.reverse = !environment.colorDepth.hasColor }
            }
        }
    }

    /// The rows PyTorch's message at this layer blames (a channel count, the options of a Conv2d).
    var culprits: Set<String> {
        guard let s = state.stack, case let .failed(error) = s.selectedTrace.status else { return [] }
        switch error {
        case .channelMismatch: return ["in_channels"]
        case let .conv2d(conv) where { if case .conv2d = s.layer { true } else { false } }():
            return Set(conv.culprits(in: state.selectedLayerSettings ?? Conv2dSettings()).map { LayerSpec.conv2d.spec($0).name })
        default: return []
        }
    }

    /// A slider as the single-layer panel draws it: filled up to the knob at the value.
    func paintBar(into canvas: inout Canvas, row: LayerParameterRow, x: Int, y: Int, width: Int, selected: Bool, bad: Bool) {
        guard width >= 3 else { return }
        let g = environment.glyphs
        let knob = ParameterPanel.knob(row.value, range: row.range, width: width)
        let fill = Style(foreground: bad ? Palette.error : Palette.accent)
        let track = Style(foreground: Palette.muted, dim: true)
        for i in 0..<width {
            canvas[x + i, y] = i < knob ? Cell(g.sliderFill, fill)
                : i == knob ? Cell(g.sliderKnob, selected ? fill.bolded : fill) : Cell(g.sliderTrack, track)
        }
    }
}
