/// Below the minimum size: one centred line saying what is needed.
enum TooSmallView {
    static func paint(into canvas: inout Canvas, size: TerminalSize) {
        let need = ScreenLayout.minimum
        let full = "convscope needs \(need.columns)x\(need.rows), this window is \(size.columns)x\(size.rows)"
        let short = "needs \(need.columns)x\(need.rows) (now \(size.columns)x\(size.rows))"
        let text = full.count <= size.columns ? full : short
        canvas.put(text, x: max(0, (size.columns - text.count) / 2), y: max(0, (size.rows - 1) / 2),
                   style: Style(bold: true))
    }
}
