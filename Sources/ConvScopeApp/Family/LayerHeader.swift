/// A layer's line as PyTorch prints it at the top of a maps area, with PyTorch's refusal under
/// it when it refuses the layer: both wrapped at their spaces (the line at its arguments), so
/// neither is cut at the area's right edge. The ConvTranspose2d's and the Conv1d's screens paint
/// their layer through it.
struct LayerHeader {
    let line: String
    /// Why there is no output (PyTorch's refusal), nil when the layer runs.
    let refusal: String?
    let glyphs: Glyphs

    /// The line's rows in `width` columns (what a running layer's header takes).
    func lineRows(width: Int) -> Int { wrappedLines(line, width: width, glyphs: glyphs).count }

    /// Paints the header from (x, y) in `width` × `height`: the refusal whole, the line in the
    /// rows it leaves (at least one, its last ending in an ellipsis when more of it did not fit);
    /// a refusal taller than the rows under the line's first keeps its end (the sizes that decide)
    /// and gives up words from its middle. Returns the rows painted.
    @discardableResult
    func paint(into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int) -> Int {
        let width = max(1, width)
        var refusal = self.refusal.map { wrappedLines($0, width: width, glyphs: glyphs) } ?? []
        if let text = self.refusal, refusal.count > max(1, height - 1) {
            refusal = TextWrap.linesKeepingEnd(FamilyText.fitted(text, glyphs), width: width, maxLines: max(1, height - 1),
                                               ellipsis: glyphs.ellipsis)
        }
        let whole = wrappedLines(self.line, width: width, glyphs: glyphs)
        var line = Array(whole.prefix(max(1, height - refusal.count)))
        if line.count < whole.count, let last = line.popLast() {
            let mark = " " + glyphs.ellipsis
            line.append(String(last.prefix(max(0, width - mark.count))) + mark)
        }
        let rows = line + refusal
        for (i, piece) in rows.prefix(max(0, height)).enumerated() {
            let style = i < line.count ? Style(bold: true) : Style(foreground: Palette.error, bold: true)
            canvas.put(piece, x: x, y: y + i, style: style, maxWidth: width)
        }
        return min(rows.count, max(0, height))
    }
}
