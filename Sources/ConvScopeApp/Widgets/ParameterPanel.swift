import Foundation
import ConvCore

/// The parameter table in a box, one row each: name, value and a slider bar showing where it
/// sits in its range.
struct ParameterPanel {
    /// Columns inside the box, from its left border: pointer, name, value, then the slider.
    enum Column {
        static let pointer = 1, name = 2
        /// The longest name, `kernel_size_h`, and a space.
        static let value = name + 13
        static let valueWidth = 5
        static let slider = value + valueWidth + 1
        /// The slider stops before a space and the right border.
        static func sliderWidth(panelWidth: Int) -> Int { panelWidth - slider - 2 }
    }
    /// The first row shown when only `visibleRows` fit: 0 while the selection is in view, then
    /// just enough to keep the selected row at the bottom.
    static func firstRow(selected: ParameterID, visibleRows: Int, rows: [ParameterID]) -> Int {
        max(0, min((rows.firstIndex(of: selected) ?? 0) - visibleRows + 1, rows.count - visibleRows))
    }

    let state: AppState
    let frame: Rect
    let culprits: Set<ParameterID>
    let environment: RenderEnvironment
    /// The table row drawn at the top (`ScreenLayout.panelFirstRow`).
    var firstRow = 0

    func paint(into canvas: inout Canvas) {
        let g = environment.glyphs, f = frame, lang = environment.language
        let border = Style(foreground: Palette.muted)
        Box.paint(into: &canvas, frame: f, title: ScreenText.parameters(lang), glyphs: g, style: border)
        if state.linked {
            let label = ScreenText.linkedBadge(lang, g)
            canvas.put(label, x: f.x + 2, y: f.maxY - 1, style: Style(foreground: Palette.accent, bold: true))
        }
        let barWidth = Column.sliderWidth(panelWidth: f.width)
        // The rows the layer kind has (a Conv1d has no height rows).
        let rows = state.shownRows
        let visible = firstRow..<min(rows.count, firstRow + max(0, f.height - 2))
        // Arrows on the border say that rows are hidden above or below.
        if firstRow > 0 { canvas.put(g.arrowUp, x: f.maxX - 3, y: f.y, style: border) }
        if visible.upperBound < rows.count {
            canvas.put(g.arrowDown, x: f.maxX - 3, y: f.maxY - 1, style: border)
        }
        for (position, id) in rows.enumerated() where visible.contains(position) {
            let y = f.y + 1 + position - firstRow
            let selected = id == state.selected
            let bad = culprits.contains(id)
            var rowStyle = Style()
            if selected { rowStyle = Style(foreground: Palette.accent, bold: true) }
            let pointer = selected ? String(g.pointer) : " "
            canvas.put(pointer, x: f.x + Column.pointer, y: y, style: rowStyle)
            let name = state.isSequence ? SequenceWords.rowName(id) ?? Conv2dText.rowName(id, lang) : Conv2dText.rowName(id, lang)
            canvas.put(name, x: f.x + Column.name, y: y, style: rowStyle)
            var value = ValueWords.panelValue(id, state.parameters, lang)
            var valueStyle = rowStyle
            // 'same' and 'valid' decide the amounts: shown as applied, dim, until an edit makes them
            // explicit; a causal Conv1d's layer has the padding F.pad leaves it; a row the kind
            // has no argument for (a Conv2d's output_padding) shows `-`.
            let decided = state.causalPaddingText(id, lang) ?? state.parameters.decidedPaddingText(id)
                ?? state.parameters.ignoredRowText(id)
            if let decided {
                value = decided
                valueStyle.dim = true
            }
            if selected, !state.typesK, let typed = state.typing {
                value = typed + "_"
                valueStyle = Style(foreground: Palette.highlight, bold: true, underline: true)
            }
            if bad { valueStyle = Style(foreground: Palette.error, bold: true); value = "!" + value }
            if case .integer = id.spec.kind {
                canvas.put(value.leftPadded(to: Column.valueWidth, with: " "), x: f.x + Column.value, y: y, style: valueStyle)
                if decided == nil {
                    paintBar(into: &canvas, id: id, x: f.x + Column.slider, y: y, width: barWidth, selected: selected, bad: bad)
                }
            } else {
                // Words and bias values take the slider's room, right-aligned like the numbers.
                let room = Column.valueWidth + 1 + barWidth
                // A word longer than the slider's room (ConvTranspose2d) reaches left up to the name's end.
                let wide = max(room, room + Column.value - (Column.name + name.count + 1))
                let shown = value.count > wide ? String(value.prefix(wide - 1)) + g.ellipsis.prefix(1) : value
                let start = shown.count > room ? Column.value + room - shown.count : Column.value
                canvas.put(shown.leftPadded(to: Column.valueWidth, with: " "), x: f.x + start, y: y,
                           style: valueStyle, maxWidth: Column.value + room - start)
            }
            if selected {
                canvas.restyle(x: f.x + 1, y: y, width: f.width - 2, height: 1) { $0.reverse = !environment.colorDepth.hasColor }
            }
        }
    }

    /// A slider: filled up to the value's position in its range, a knob at the value.
    func paintBar(into canvas: inout Canvas, id: ParameterID, x: Int, y: Int, width: Int, selected: Bool, bad: Bool) {
        guard width >= 3 else { return }
        let g = environment.glyphs
        let knob = Self.knob(state.parameters[id], range: id.range, width: width)
        let fill = Style(foreground: bad ? Palette.error : Palette.accent)
        let track = Style(foreground: Palette.muted, dim: true)
        for i in 0..<width {
            let cell: Cell = i < knob ? Cell(g.sliderFill, fill)
                : i == knob ? Cell(g.sliderKnob, selected ? fill.bolded : fill) : Cell(g.sliderTrack, track)
            canvas[x + i, y] = cell
        }
    }
}

extension ParameterPanel {
    /// Where a slider of `width` cells draws the knob for `value`: logarithmic, so small values
    /// (where the notebook's sliders live) still move the knob.
    static func knob(_ value: Int, range: ClosedRange<Int>, width: Int) -> Int {
        let span = Double(1 + range.upperBound - range.lowerBound)
        guard span > 1, width > 1 else { return 0 }
        let t = log2(Double(1 + value - range.lowerBound)) / log2(span)
        return Int((t * Double(width - 1)).rounded())
    }

    /// The value whose knob is drawn at cell `index` (a click there): of several, the one the
    /// continuous scale puts there; where no value lands on that cell, the nearest drawn one.
    static func value(atKnob index: Int, range: ClosedRange<Int>, width: Int) -> Int {
        let span = Double(1 + range.upperBound - range.lowerBound)
        guard span > 1, width > 1 else { return range.lowerBound }
        let ideal = Double(range.lowerBound) - 1 + pow(span, Double(index) / Double(width - 1))
        func cost(_ v: Int) -> (Int, Double) { (abs(knob(v, range: range, width: width) - index), abs(Double(v) - ideal)) }
        return range.min { cost($0) < cost($1) } ?? range.lowerBound
    }
}

/// A rounded box with a title in its top border.
enum Box {
    static func paint(into canvas: inout Canvas, frame f: Rect, title: String, glyphs g: Glyphs, style: Style) {
        guard f.width >= 2, f.height >= 2 else { return }
        for x in f.x..<f.maxX {
            canvas[x, f.y] = Cell(g.horizontal, style)
            canvas[x, f.maxY - 1] = Cell(g.horizontal, style)
        }
        for y in f.y..<f.maxY {
            canvas[f.x, y] = Cell(g.vertical, style)
            canvas[f.maxX - 1, y] = Cell(g.vertical, style)
        }
        canvas[f.x, f.y] = Cell(g.topLeft, style)
        canvas[f.maxX - 1, f.y] = Cell(g.topRight, style)
        canvas[f.x, f.maxY - 1] = Cell(g.bottomLeft, style)
        canvas[f.maxX - 1, f.maxY - 1] = Cell(g.bottomRight, style)
        if !title.isEmpty {
            canvas.put(" \(title) ", x: f.x + 1, y: f.y, style: style.bolded, maxWidth: f.width - 2)
        }
    }
}

extension AppState {
    /// A causal Conv1d's padding rows as the layer it runs has them (`CourseSequence`: F.pad pads
    /// the left with zeros, the layer gets padding=0 and padding_mode zeros, as its line prints),
    /// in the panel's words; nil on other rows and for every other layer.
    func causalPaddingText(_ id: ParameterID, _ lang: Language) -> String? {
        guard isSequence, causalView != nil, [.paddingW, .padding, .paddingMode].contains(id) else { return nil }
        var layer = parameters
        layer.paddingChoice = .explicit
        layer.paddingMode = .zeros
        layer.geometry.paddingW = 0
        return ValueWords.panelValue(id, layer, lang)
    }
}
