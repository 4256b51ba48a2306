/// The output-size formula for both axes with the current numbers plugged in, drawn where the
/// layout placed it.
enum FormulaBar {
    static func paint(into canvas: inout Canvas, layout: ScreenLayout, environment env: RenderEnvironment) {
        paint(layout.formula.rows, into: &canvas, y: layout.formula.y, columns: layout.columns, glyphs: env.glyphs)
    }

    /// Draws formula rows from row `y`, one column in, cut with an ellipsis at `columns`.
    static func paint(_ rows: [[FormulaPiece]], into canvas: inout Canvas, y: Int, columns: Int, glyphs g: Glyphs) {
        for (i, row) in rows.enumerated() {
            var x = 1
            for piece in row {
                let style = Style(foreground: piece.fits ? nil : Palette.error, bold: !piece.fits)
                canvas.put(piece.text, x: x, y: y + i, style: style, maxWidth: columns - 1 - x)
                x += piece.text.count
            }
            if x + 1 > columns { canvas[columns - 1, y + i] = Cell(g.unicode ? "…" : ">", Style(foreground: Palette.muted)) }
        }
    }

    /// A ConvTranspose2d's or Conv1d's formula rows (`AppState.familyFormulaRows`), in the rows the
    /// layout kept for them: beside the panel where they reach it, else under it.
    static func paintFamily(_ rows: [[FormulaPiece]], into canvas: inout Canvas, layout: ScreenLayout, glyphs: Glyphs) {
        let besidePanel = layout.formulaY < layout.panel.maxY
        let x = besidePanel ? layout.maps.x : 1, width = besidePanel ? layout.maps.width : layout.columns - 2
        for (i, row) in rows.prefix(layout.formulaLines).enumerated() {
            canvas.fill(x: x, y: layout.formulaY + i, width: width, height: 1)
            canvas.put(FamilyText.fitted(row.map(\.text).joined(), glyphs), x: x, y: layout.formulaY + i, maxWidth: width)
        }
    }
}

extension AppState {
    /// The formula rows a ConvTranspose2d's or Conv1d's screen paints in `width` columns: none
    /// where it paints none (PyTorch refuses the layer, or the WaveNet figure takes the area), so
    /// the layout gives those rows to the maps area; nil for a Conv2d (`FormulaRows.arrange`).
    func familyFormulaRows(width: Int) -> [[FormulaPiece]]? {
        switch parameters.layerKind {
        case .conv2d: nil
        case .convTranspose2d: FormulaRows.transposed(parameters, width: width) ?? []
        case .conv1d: causalView == .stack ? [] : FormulaRows.sequence(parameters, causal: causalView != nil, width: width) ?? []
        }
    }
}
