import ConvCore

/// Paints `--flip`: the kernel as PyTorch uses it and flipped, PyTorch's cross-correlation and
/// the true convolution of every output channel, with the note on which is which.
public struct TrueConvolutionView {
    let weights: Tensor4
    let correlation: Tensor4, convolution: Tensor4
    let environment: RenderEnvironment

    /// The view of `weights` [C_out, C_in/g, kH, kW] and both outputs.
    public init(weights: Tensor4, correlation: Tensor4, convolution: Tensor4, environment: RenderEnvironment) {
        self.weights = weights; self.correlation = correlation; self.convolution = convolution; self.environment = environment
    }

    /// The view on a canvas `width` wide, as tall as it needs.
    public func canvas(width: Int) -> Canvas { canvas(width: width, words: true) }

    /// The view `width` wide; without `words` only the symmetric-kernel warning and the maps
    /// (the course screen writes the note in its formula rows).
    func canvas(width: Int, words: Bool) -> Canvas {
        let lang = environment.language
        var canvas = Canvas(width: width, height: 60 + 30 * correlation.shape[1])
        var y = 0
        if words {
            y = paintLines([FamilyText.flipTitle(lang)], on: &canvas, y: 0, glyphs: environment.glyphs, style: Style(bold: true)) + 1
            y = paintLines([FamilyText.flipNote(lang)], on: &canvas, y: y, glyphs: environment.glyphs)
        }
        if TrueConvolution.isHalfTurnSymmetric(weights) {
            y = paintLines([FamilyText.symmetricKernel(lang)], on: &canvas, y: y, glyphs: environment.glyphs,
                           style: Style(foreground: Palette.highlight))
        }
        let flipped = TrueConvolution.flipped(weights)
        for o in 0..<correlation.shape[1] {
            var flow = GridFlow(width: width, top: y + (words || o > 0 ? 1 : 0))
            flow.place(grid(weights, o, FamilyText.kernelAsGiven(lang) + " \(o)←0"), on: &canvas)
            flow.place(grid(flipped, o, FamilyText.kernelFlipped(lang) + " \(o)←0"), on: &canvas)
            flow.place(plane(correlation, o, FamilyText.correlationMap(o, lang)), on: &canvas)
            flow.place(plane(convolution, o, FamilyText.convolutionMap(o, lang)), on: &canvas)
            y = flow.bottom
        }
        return canvas.cropped(height: y)
    }

    func grid(_ w: Tensor4, _ o: Int, _ title: String) -> FamilyGrid {
        FamilyGrid(title: title, rows: (0..<w.shape[2]).map { y in (0..<w.shape[3]).map { x in GridCell(w[o, 0, y, x]) } },
                   environment: environment)
    }

    func plane(_ t: Tensor4, _ c: Int, _ title: String) -> FamilyGrid {
        FamilyGrid(title: title, rows: (0..<t.shape[2]).map { y in (0..<t.shape[3]).map { x in GridCell(t[0, c, y, x]) } },
                   environment: environment)
    }
}
