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
}
