import ConvCore

/// The course screen's maps area for a ConvTranspose2d (the layer_kind row): the layer, its
/// direct-convolution form or its scatter form (`TransposedExplanationView`'s maps), the
/// inspected output cell's sum in both forms, and the output-size rule with the numbers.
/// The values are computed here, on a layer the limits below keep small.
struct TransposedScreenView {
    let state: AppState
    let layout: ScreenLayout
    let environment: RenderEnvironment

    /// The longest side of a map drawn (the direct form's input, the output).
    static let maxSide = 64
    /// The most multiplications the direct form may take per frame.
    static let maxMultiplications = 1 << 22
    /// Maps areas narrower than this get short map titles.
    static let compactBelow = 100

    var lang: Language { environment.language }

    /// The explanation of the layer on its input, or the one line saying why there is none.
    func explanation() -> Result<TransposedExplanationView, TransposedScreenProblem> {
        let p = state.parameters
        if let refusal = p.transposedRefusal { return .failure(.refused(refusal)) }
        let layer = p.transposedLayer, size = p.transposedInputSize
        let explained = TransposedAsDirect(layer, inputHeight: size.h, inputWidth: size.w)
        let out = explained.outputSize
        let side = [explained.directSize(.height), explained.directSize(.width), out.h, out.w].max()!
        if side > Self.maxSide { return .failure(.tooLarge(side: side, limit: Self.maxSide)) }
        let multiplications = Int.saturatingProduct(layer.outChannels, layer.inChannels / layer.groups, layer.kernelSize.h,
                                                    layer.kernelSize.w, out.h, out.w)
        if multiplications > Self.maxMultiplications { return .failure(.tooManyMultiplications(multiplications)) }
        let c = state.outputCursor
        let cell = [min(c.channel, layer.outChannels - 1), min(c.y, out.h - 1), min(c.x, out.w - 1)]
        var view = TransposedExplanationView(explained, input: p.makeInput(), weight: p.transposedWeight(), bias: p.transposedBias,
                                             cell: cell, environment: environment)
        view.compact = layout.maps.width < Self.compactBelow
        return .success(view)
    }

    /// Paints the maps area, the sums above the formula rows and the formulas (the layout keeps
    /// their rows for every layer PyTorch runs, one too large to draw too).
    func paint(into canvas: inout Canvas) {
        let area = layout.maps
        canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        switch explanation() {
        case .failure(let problem):
            // The layer line wraps as the refusal does (its padding and padding_mode are what was refused).
            LayerHeader(line: state.parameters.transposedRepr, refusal: problem.text(lang), glyphs: environment.glyphs)
                .paint(into: &canvas, x: area.x + 1, y: area.y, width: area.width - 1, height: area.height)
        case .success(let view):
            TransposedMapsArea(view: view, shown: state.transposedView, area: area).paint(into: &canvas, scroll: state.transposedScroll)
        }
        FormulaBar.paintFamily(state.familyFormulaRows(width: layout.columns) ?? [], into: &canvas, layout: layout,
                               glyphs: environment.glyphs)
    }
}

/// Why the screen draws no explanation of the ConvTranspose2d.
enum TransposedScreenProblem: Error {
    /// PyTorch refuses the layer.
    case refused(TransposedRefusal)
    /// A map side longer than the screen explains (at most `limit`).
    case tooLarge(side: Int, limit: Int)
    /// More multiplications than one frame computes.
    case tooManyMultiplications(Int)

    func text(_ lang: Language) -> String {
        switch self {
        case .refused(let refusal): ScreenText.refuses(lang) + " " + FamilyScreenText.refused(refusal)
        case let .tooLarge(side, limit): FamilyScreenText.tooLarge(side: side, limit: limit, lang)
        case let .tooManyMultiplications(n):
            FamilyScreenText.tooManyMultiplications(n, limit: TransposedScreenView.maxMultiplications, lang)
        }
    }
}
