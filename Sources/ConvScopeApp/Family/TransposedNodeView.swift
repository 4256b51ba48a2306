import ConvCore

/// A ConvTranspose2d of a model (a layer of the model screen, a node of the graph screen)
/// explained on its actual input, the output of the layer before it, with the model's weights.
/// The values were computed by the screen already, so only the map sides are limited.
enum TransposedNodeView {
    /// The longest side of a map drawn; larger maps scroll up to it.
    static let maxSide = 256

    /// The explanation of `layer` run on `input` giving `output`, at the inspected `cursor`, or
    /// the one line saying why there is none; nil when `output` is not that layer's on `input`.
    static func explanation(_ layer: ConvTranspose2dLayer, input: Tensor4, output: Tensor4, cursor: CellCursor,
                            environment: RenderEnvironment, width: Int) -> Result<TransposedExplanationView, TransposedScreenProblem>? {
        let explained = TransposedAsDirect(layer, inputHeight: input.shape[2], inputWidth: input.shape[3])
        let out = explained.outputSize
        let side = [explained.directSize(.height), explained.directSize(.width), out.h, out.w].max()!
        guard out.h > 0, out.w > 0, output.shape == [1, layer.outChannels, out.h, out.w] else { return nil }
        if side > maxSide { return .failure(.tooLarge(side: side, limit: maxSide)) }
        let weights = Model.notebookWeights(.convTranspose2d(layer))!
        // A zero bias adds nothing: the sums are written without it, as the model computes them.
        let bias = weights.bias.flatMap { $0.allSatisfy { $0 == 0 } ? nil : $0 }
        let cell = [min(max(0, cursor.channel), layer.outChannels - 1), min(max(0, cursor.y), out.h - 1), min(max(0, cursor.x), out.w - 1)]
        var view = TransposedExplanationView(explained, input: input, weight: weights.weight, bias: bias, cell: cell,
                                             environment: environment, output: output)
        view.compact = width < TransposedScreenView.compactBelow
        return .success(view)
    }

    /// Paints the explanation (or why there is none) into `area`.
    static func paint(_ result: Result<TransposedExplanationView, TransposedScreenProblem>, shown: TransposedView?, area: Rect,
                      scroll: TransposedScroll, into canvas: inout Canvas, environment: RenderEnvironment) {
        switch result {
        case .success(let view):
            TransposedMapsArea(view: view, shown: shown, area: area).paint(into: &canvas, scroll: scroll)
        case .failure(let problem):
            canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
            var lines = Canvas(width: max(1, area.width - 1), height: max(1, area.height))
            _ = paintLines([problem.text(environment.language)], on: &lines, y: 0, glyphs: environment.glyphs,
                           style: Style(foreground: Palette.error, bold: true))
            canvas.blit(lines, x: area.x + 1, y: area.y)
        }
    }
}

extension StackState {
    /// The selected ConvTranspose2d's explanation while its direct or scatter form is shown and
    /// its values are here; nil otherwise (the screen draws its maps as usual).
    func transposedExplanation(environment: RenderEnvironment, width: Int)
        -> Result<TransposedExplanationView, TransposedScreenProblem>?
    {
        guard transposedView != nil, case let .convTranspose2d(layer) = self.layer, let run,
              let output = run.outputs[selected], let input = selected == 0 ? model.makeInput() : run.outputs[selected - 1]
        else { return nil }
        return TransposedNodeView.explanation(layer, input: input, output: output, cursor: cursor, environment: environment, width: width)
    }

    /// `v` on a ConvTranspose2d: its output → the direct form → the scatter form → the coverage
    /// map → its output. Every other layer toggles the coverage map.
    mutating func cycleTransposedOrCoverage() -> Bool {
        guard case .convTranspose2d = layer else { return false }
        switch (transposedView, coverage) {
        case (nil, false): transposedView = .direct
        case (.direct, _): transposedView = .scatter
        case (.scatter, _):
            transposedView = nil
            if coverageCounts != nil { coverage = true }
        default: coverage = false
        }
        // The coverage map and the output say what they are in their headers, as on any other layer.
        note = transposedView.map { .transposedView($0, coverage: false) }
        return true
    }
}

extension GraphScreenState {
    /// The selected node when it is a ConvTranspose2d (a node, not a folded block).
    var transposedLayer: ConvTranspose2dLayer? {
        guard case .node = selectedEntry, case let .layer(.convTranspose2d(layer)) = outputStep.node.operation else { return nil }
        return layer
    }

    /// The selected ConvTranspose2d node's explanation while its direct or scatter form is shown
    /// and its input and output values are here; nil otherwise.
    func transposedExplanation(environment: RenderEnvironment, width: Int)
        -> Result<TransposedExplanationView, TransposedScreenProblem>?
    {
        guard transposedView != nil, let layer = transposedLayer, let name = inputNames.first,
              let x = tensor(name), let y = tensor(outputStep.node.name), x.shape.count == 4, y.shape.count == 4
        else { return nil }
        let input = Tensor4(shape: x.shape, storage: x.storage), output = Tensor4(shape: y.shape, storage: y.storage)
        return TransposedNodeView.explanation(layer, input: input, output: output, cursor: cursor, environment: environment, width: width)
    }

    /// `v`: the selected ConvTranspose2d's output → direct form → scatter form → output.
    mutating func cycleTransposedView() {
        guard transposedLayer != nil else { note = .notTransposed; return }
        transposedView = switch transposedView {
        case nil: .direct
        case .direct: .scatter
        case .scatter: nil
        }
    }
}

extension AppState {
    /// The course screen's ConvTranspose2d explanation on screen; nil when none is.
    func transposedMapsArea() -> TransposedMapsArea? {
        let env = environment
        guard isTransposed else { return nil }
        let layout = courseLayout(drawn: onScreen)
        guard case .success(let view) = TransposedScreenView(state: self, layout: layout, environment: env).explanation() else { return nil }
        return TransposedMapsArea(view: view, shown: transposedView, area: layout.maps)
    }
}

extension HoldsScreenSettings {
    /// Shift-arrows (and the wheel) over a ConvTranspose2d explanation: its maps scroll a page,
    /// within what they take.
    mutating func scrollTransposed(dx: Int, dy: Int, _ area: TransposedMapsArea) {
        let (page, limit) = area.scrolling()
        transposedScroll.x = min(max(0, transposedScroll.x + dx * page.columns), limit.x)
        transposedScroll.y = min(max(0, transposedScroll.y + dy * page.rows), limit.y)
    }
}
