import ConvCore

/// PyTorch's refusal, word for word, where the output maps would be.
enum ErrorView {
    static func paint(into canvas: inout Canvas, layout: ScreenLayout, error: Conv2dError, culprits: Set<ParameterID>,
                      glyphs g: Glyphs) {
        let m = layout.maps
        var y = layout.kernelLineY + 1
        let limit = layout.inspectorY
        // "PyTorch refuses" first, so even a 22-column maps area shows it on one line.
        for line in TextWrap.lines("PyTorch refuses these parameters, no output:", width: m.width) where y < limit {
            canvas.put(line, x: m.x, y: y, style: Style(foreground: Palette.error, bold: true))
            y += 1
        }
        for line in TextWrap.lines(error.pythonType + ": " + error.message, width: m.width) where y < limit {
            canvas.put(line, x: m.x, y: y, style: Style(foreground: Palette.error))
            y += 1
        }
        let names = ParameterID.allCases.filter(culprits.contains).map(\.name).joined(separator: ", ")
        let advice: String
        if case .kernelLargerThanPaddedInput = error { advice = "change \(names) so the kernel fits" }
        else { advice = "change \(names)" }
        for line in TextWrap.lines(advice, width: m.width) where y < limit {
            canvas.put(line, x: m.x, y: y, style: Style(foreground: Palette.muted))
            y += 1
        }
    }

}
