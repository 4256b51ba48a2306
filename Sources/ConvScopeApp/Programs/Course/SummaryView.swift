import ConvCore

/// Shapes at a glance and the zoom level, under the parameter panel.
enum SummaryView {
    static func paint(into canvas: inout Canvas, frame: Rect, state: AppState, layout: ScreenLayout, glyphs g: Glyphs) {
        let p = state.parameters
        let x = g.times, lang = layout.language
        let sequence = state.isSequence ? state.sequence : nil
        let outputShape = sequence.map { try? $0.output.get().shape }
            ?? (state.isTransposed ? state.transposedOutput.map { [1, p.geometry.outChannels, $0.h, $0.w] } : p.outputShape)
        let inputShape = sequence?.input.shape ?? p.inputShape
        var lines: [(String, Style)] = [
            (ScreenText.summaryInput(lang, inputShape.map(String.init).joined(separator: x)), .plain),
            (ScreenText.summaryOutput(lang, outputShape?.map(String.init).joined(separator: x)),
             outputShape == nil ? Style(foreground: Palette.error) : .plain),
            (layout.zoomStatus, Style(foreground: Palette.muted)),
        ]
        if let cost = state.separableCost {
            lines.append((FamilyScreenText.pointwiseSummary([1, cost.outChannels, cost.outputH, cost.outputW].map(String.init)
                .joined(separator: x), lang), Style(foreground: Palette.accent)))
        }
        if state.linked { lines.append((ScreenText.summaryLinked(lang), Style(foreground: Palette.accent))) }
        for (i, line) in lines.enumerated() where i < frame.height - 1 {
            canvas.put(line.0, x: frame.x + 1, y: frame.y + 1 + i, style: line.1, maxWidth: frame.width - 1)
        }
    }
}
