import ConvCore

/// A cell of a map section: the channel and the tensor row and column. In the padded view the
/// padding ring has rows and columns outside 0..<H and 0..<W.
public struct MapCellAddress: Equatable, Sendable {
    public let section: MapSection
    public let channel: Int, y: Int, x: Int

    /// The cell (channel, y, x) of a section.
    public init(section: MapSection, channel: Int, y: Int, x: Int) {
        self.section = section; self.channel = channel; self.y = y; self.x = x
    }
}

/// What is drawn at a screen position: the answer `ScreenLayout.element(at:)` gives the mouse.
public enum ScreenElement: Equatable, Sendable {
    /// The top row: the program's name and "? help · q quit".
    case titleBar
    /// A parameter's row in the panel: its name and value.
    case parameter(ParameterID)
    /// A parameter's slider.
    case slider(ParameterID)
    /// The parameter panel's border.
    case parameterPanel
    /// Shapes and zoom under the parameter panel.
    case summary
    /// A section's header row(s) outside the page marker.
    case sectionHeader(MapSection)
    /// "ch 0–1 of 3 [ ]": the section's channel pages.
    case pageMarker(MapSection)
    /// The title row (and column-index row) over one map, and the row-index gutter beside it.
    case mapTitle(MapSection, channel: Int)
    /// One drawn cell of a map.
    case mapCell(MapCellAddress)
    /// "kernel 2×3×3×3 · all ones · no bias".
    case kernelLine
    /// The inspector's written-out sum.
    case inspector
    /// The output-size formulas.
    case formula
    /// The key hints on the bottom row.
    case hints
    /// A teaching panel over the maps.
    case panel(Panel)
    /// The help overlay.
    case help
}

extension ScreenLayout {
    /// What is drawn at (column, row), topmost first (help, panel, then the screen's regions);
    /// nil where nothing is (gaps, empty parts of the maps area, outside the window).
    public func element(at column: Int, _ row: Int) -> ScreenElement? {
        func inside(_ r: Rect) -> Bool { column >= r.x && column < r.maxX && row >= r.y && row < r.maxY }
        guard column >= 0, row >= 0, column < columns, row < rows, !tooSmall else { return nil }
        if let help, inside(help) { return .help }
        if let overlay, inside(overlay.frame) { return .panel(overlay.panel) }
        if row == hintsY { return .hints }
        if row >= formulaY && row < formulaY + formulaLines { return .formula }
        if inside(inspector) { return .inspector }
        if row == 0 { return .titleBar }
        if inside(panel) { return parameterElement(column, row) }
        if inside(summary) { return .summary }
        for section in sections { if let e = section.element(at: column, row, glyphs: glyphs, language: language) { return e } }
        if row == kernelLineY, column >= maps.x { return .kernelLine }
        return nil
    }

    private func parameterElement(_ column: Int, _ row: Int) -> ScreenElement {
        let index = row - panel.y - 1 + panelFirstRow
        guard row > panel.y, row < panel.maxY - 1, panelRows.indices.contains(index), column > panel.x, column < panel.maxX - 1 else { return .parameterPanel }
        let id = panelRows[index]
        let slider = panel.x + ParameterPanel.Column.slider
        let inSlider = column >= slider && column < slider + ParameterPanel.Column.sliderWidth(panelWidth: panel.width)
        return inSlider && id.spec.kind == .integer ? .slider(id) : .parameter(id)
    }
}

extension SectionLayout {
    /// Where the page marker is drawn: on the header's last row, flush right before the scale
    /// when the scale shares that row, else flush right. nil when the section is not paged.
    public func pageMarkerFrame(_ g: Glyphs, _ lang: Language) -> Rect? {
        guard let marker = pageMarker(g, lang) else { return nil }
        let end = scaleRow == headerRows - 1 ? frame.maxX - " \(g.dot) ".count - scaleWidth : frame.maxX
        return Rect(x: end - marker.count, y: frame.y + headerRows - 1, width: marker.count, height: 1)
    }

    /// The element of this section at (column, row), if the position is inside it.
    func element(at column: Int, _ row: Int, glyphs g: Glyphs, language lang: Language) -> ScreenElement? {
        guard column >= frame.x, column < frame.maxX, row >= frame.y, row < frame.maxY else { return nil }
        if let marker = pageMarkerFrame(g, lang), row == marker.y, column >= marker.x, column < marker.maxX {
            return .pageMarker(section)
        }
        if row < frame.y + headerRows { return .sectionHeader(section) }
        guard lastChannel >= firstChannel else { return nil }
        for channel in firstChannel...lastChannel {
            let slot = slot(ofChannel: channel), origin = origin(ofChannel: channel)
            guard column >= slot.x, column < slot.x + slotWidth, row >= slot.y, row < slot.y + slotHeight else { continue }
            guard column >= origin.x, row >= origin.y else { return .mapTitle(section, channel: channel) }
            let i = geometry.elementRow(atRow: row - origin.y), j = geometry.elementColumn(atColumn: column - origin.x)
            guard i < visibleRows, j < visibleColumns else { return nil }
            return .mapCell(MapCellAddress(section: section, channel: channel,
                                           y: firstRow + i - padTop, x: firstColumn + j - padLeft))
        }
        return nil
    }
}
