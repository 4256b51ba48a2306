import ConvCore
/// Below the minimum size: one centred line saying what is needed.
enum TooSmallView {
    static func paint(into canvas: inout Canvas, size: TerminalSize, language: Language) {
        let words = ScreenText.tooSmall(language, need: ScreenLayout.minimum, have: size)
        let text = words.full.count <= size.columns ? words.full : words.short
        canvas.put(text, x: max(0, (size.columns - text.count) / 2), y: max(0, (size.rows - 1) / 2),
                   style: Style(bold: true))
    }
}
