import ConvCore

/// PyTorch's refusal, word for word, where the output maps would be (in Russian mode with an
/// explanation under it).
enum ErrorView {
    static func paint(into canvas: inout Canvas, layout: ScreenLayout, error: Conv2dError, culprits: Set<ParameterID>,
                      language lang: Language) {
        let m = layout.maps
        var y = layout.kernelLineY + 1
        let limit = layout.inspectorY
        func put(_ text: String, _ style: Style) {
            for line in TextWrap.lines(text, width: m.width) where y < limit {
                canvas.put(line, x: m.x, y: y, style: style)
                y += 1
            }
        }
        // "PyTorch refuses" first, so even a 22-column maps area shows it on one line.
        put(ScreenText.refuses(lang), Style(foreground: Palette.error, bold: true))
        put(error.pythonType + ": " + error.message, Style(foreground: Palette.error))
        if let explanation = ScreenText.errorExplanation(error, lang) { put(explanation, Style(foreground: Palette.error)) }
        let names = ParameterID.allCases.filter(culprits.contains).map(\.name).joined(separator: ", ")
        if case .kernelLargerThanPaddedInput = error { put(ScreenText.changeToFit(lang, names), Style(foreground: Palette.muted)) }
        else { put(ScreenText.change(lang, names), Style(foreground: Palette.muted)) }
    }
}
