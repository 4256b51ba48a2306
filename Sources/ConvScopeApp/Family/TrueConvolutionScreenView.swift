import ConvCore

/// The course screen's maps area for a Conv2d drawn as the true convolution: each output
/// channel's kernel as PyTorch uses it and flipped, PyTorch's cross-correlation and the true
/// convolution (`TrueConvolutionView`'s maps), the note in the formula rows. The values are
/// computed here, on a layer the limit keeps small.
struct TrueConvolutionScreenView {
    let state: AppState
    let layout: ScreenLayout
    let environment: RenderEnvironment

    /// The most multiplications the two outputs may take per frame.
    static let maxMultiplications = 1 << 22
    /// The most output values drawn (two maps each): a terminal page holds far fewer, and every
    /// drawn cell costs a frame time.
    static let maxValues = 1 << 12

    /// Both outputs, or nil when PyTorch refuses the layer (the error view says why) or it is
    /// beyond the limit (the kernel line and the note say so).
    func view() -> TrueConvolutionView? {
        let p = state.parameters
        guard p.validate() == nil, let shape = p.outputShape else { return nil }
        let k = p.kernelShape
        guard Int.saturatingProduct(k[0], k[1], k[2], k[3], shape[2], shape[3]) <= Self.maxMultiplications,
              Int.saturatingProduct(shape[1], shape[2], shape[3]) <= Self.maxValues else { return nil }
        let spec = p.spec, input = p.makeInput(), weights = p.makeWeights()
        guard let correlation = try? Conv2dForward.run(input: input, weights: weights, bias: spec.biasVector, spec: spec, threads: 1),
              let convolution = try? TrueConvolution.run(input: input, weights: weights, bias: spec.biasVector, spec: spec)
        else { return nil }
        return TrueConvolutionView(weights: weights, correlation: correlation, convolution: convolution, environment: environment)
    }

    /// Paints the maps and the note; false (nothing painted) when there is nothing to flip.
    func paint(into canvas: inout Canvas) -> Bool {
        guard let view = view() else { return false }
        let area = layout.maps, lang = environment.language
        canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        let width = max(1, area.width - 1)
        canvas.put(FamilyText.fitted(FamilyText.flipTitle(lang), environment.glyphs), x: area.x + 1, y: area.y,
                   style: Style(bold: true), maxWidth: width)
        canvas.blit(view.canvas(width: width, words: false).cropped(height: max(1, area.height - 1)), x: area.x + 1, y: area.y + 1)
        let besidePanel = layout.inspectorY < layout.panel.maxY
        let x = besidePanel ? area.x : 1, noteWidth = besidePanel ? area.width : layout.columns - 2
        let rows = layout.hintsY - layout.inspectorY
        var note = Canvas(width: max(1, noteWidth), height: max(1, rows))
        _ = paintLines([FamilyText.flipNote(lang)], on: &note, y: 0, glyphs: environment.glyphs,
                       style: Style(foreground: Palette.highlight))
        if rows > 0 {
            canvas.fill(x: x, y: layout.inspectorY, width: noteWidth, height: rows)
            canvas.blit(note, x: x, y: layout.inspectorY)
        }
        return true
    }
}
