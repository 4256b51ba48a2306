import ConvCore

/// PyTorch's refusal, word for word, where the output maps would be (in Russian mode with an
/// explanation under it).
enum ErrorView {
    static func paint(into canvas: inout Canvas, layout: ScreenLayout, error: Conv2dError, culprits: Set<ParameterID>,
                      language lang: Language, ellipsis: String = "…") {
        let m = layout.maps
        let top = layout.kernelLineY + 1, room = layout.inspectorY - top
        guard room > 0, m.width > 0 else { return }
        let names = ParameterID.allCases.filter(culprits.contains).map(\.name).joined(separator: ", ")
        let hint = if case .kernelLargerThanPaddedInput = error { ScreenText.changeToFit(lang, names) } else { ScreenText.change(lang, names) }
        let message = error.pythonType + ": " + error.message
        // "PyTorch refuses" first, so even a 22-column maps area shows it on one line.
        let header = TextWrap.lines(ScreenText.refuses(lang), width: m.width)
        var lines = header.map { ($0, Style(foreground: Palette.error, bold: true)) }
            + TextWrap.lines(message, width: m.width).map { ($0, Style(foreground: Palette.error)) }
        if let explanation = ScreenText.errorExplanation(error, lang) {
            lines += TextWrap.lines(explanation, width: m.width).map { ($0, Style(foreground: Palette.error)) }
        }
        lines += TextWrap.lines(hint, width: m.width).map { ($0, Style(foreground: Palette.muted)) }
        // Where all of it does not fit, PyTorch's message takes the rows under the header, its end
        // (the sizes that decide) kept around an ellipsis; the explanation and the hint give way.
        if lines.count > room {
            let shownHeader = header.prefix(max(1, room - 1)).map { ($0, Style(foreground: Palette.error, bold: true)) }
            let rows = room - shownHeader.count
            lines = shownHeader + endOf(error, width: m.width, rows: rows, ellipsis: ellipsis).map { ($0, Style(foreground: Palette.error)) }
        }
        for (i, (line, style)) in lines.prefix(room).enumerated() { canvas.put(line, x: m.x, y: top + i, style: style) }
    }

    /// PyTorch's message in `rows` rows: its type and an ellipsis first, then as many of its last
    /// words as the other rows hold (`can't be greater than actual input size`); in two rows or
    /// fewer, only its end after an ellipsis.
    static func endOf(_ error: Conv2dError, width: Int, rows: Int, ellipsis: String) -> [String] {
        guard rows > 2 else { return TextWrap.linesKeepingEnd(error.pythonType + ": " + error.message, width: width, maxLines: rows, ellipsis: ellipsis) }
        let words = TextWrap.words(error.message)
        var tail: [String] = []
        for word in words.reversed() {
            guard TextWrap.lines(([word] + tail).joined(separator: " "), width: width).count <= rows - 1 else { break }
            tail.insert(word, at: 0)
        }
        return TextWrap.lines(error.pythonType + ": " + ellipsis, width: width, maxLines: 1) + TextWrap.lines(tail.joined(separator: " "), width: width)
    }
}
