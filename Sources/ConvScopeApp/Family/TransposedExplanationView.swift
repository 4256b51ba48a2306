import ConvCore

/// The two explanations of a ConvTranspose2d `render --view` draws.
public enum TransposedView: String, CaseIterable, Sendable {
    /// The equivalent direct convolution.
    case direct
    /// Each input cell stamping the scaled kernel onto the output.
    case scatter
}

/// Paints a ConvTranspose2d's explanation: the steps in words, the maps, and the inspected output
/// cell's sum written out in both forms (direct window, scatter stamps) with their totals.
public struct TransposedExplanationView {
    let explained: TransposedAsDirect
    let input: Tensor4, weight: Tensor4, bias: [Float]?
    /// The inspected output cell (o, y, x).
    let cell: [Int]
    let environment: RenderEnvironment
    /// The layer as written when it is not the ConvTranspose2d explained (a ConvTranspose1d drawn one row high).
    public var writtenRepr: String?
    /// Short map titles, for a narrow screen.
    var compact = false

    /// The layer's output, computed once: every picture of the explanation draws it, and a screen
    /// may lay the maps out more than once to fit them.
    let computedOutput: Result<Tensor4, any Error>

    /// An explanation of `explained` on `input` with the transposed `weight` [C_in, C_out/g, kH, kW];
    /// `output` when the caller has already run the layer on them.
    public init(_ explained: TransposedAsDirect, input: Tensor4, weight: Tensor4, bias: [Float]?, cell: [Int],
                environment: RenderEnvironment, output: Tensor4? = nil) {
        self.explained = explained; self.input = input; self.weight = weight; self.bias = bias
        self.cell = cell; self.environment = environment
        computedOutput = output.map { .success($0) } ?? Result { try explained.run(input: input, weight: weight, bias: bias) }
    }

    var lang: Language { environment.language }

    /// The whole explanation on a canvas `width` wide, as tall as it needs.
    public func canvas(_ view: TransposedView, width: Int) throws -> Canvas {
        let sum = self.sum
        var canvas = try maps(view, sum: sum, width: width, steps: true)
        let top = canvas.height
        canvas = canvas.extended(height: top + 40)
        let y = paintLines(sumLines(sum), on: &canvas, y: top, glyphs: environment.glyphs, style: Style(foreground: Palette.highlight))
        return canvas.cropped(height: y)
    }

    /// The inspected cell's sum in both forms.
    var sum: TransposedCellSum { explained.cellSum(o: cell[0], y: cell[1], x: cell[2], input: input, weight: weight, bias: bias) }

    /// The title, the steps in words (with `steps`) and the maps of `view` (nil: the layer as it
    /// is, input → output), without the sums; as tall as it needs.
    func maps(_ view: TransposedView?, sum: TransposedCellSum, width: Int, steps: Bool, title shown: Bool = true) throws -> Canvas {
        let text = words(view, width: width, steps: steps, title: shown)
        let maps = try grids(view, sum: sum, width: width)
        // A blank line after the words and one after the maps.
        let top = text.height == 0 ? 0 : text.height + 1
        var canvas = Canvas(width: max(width, maps.width), height: top + maps.height + 1)
        canvas.blit(text, x: 0, y: 0)
        canvas.blit(maps, x: 0, y: top)
        return canvas
    }

    /// The title (with `title`) and the steps of `view` in words (with `steps`), wrapped at
    /// `width`; an empty canvas of no rows when neither is asked for.
    func words(_ view: TransposedView?, width: Int, steps: Bool, title shown: Bool, firstShorter: Int = 0) -> Canvas {
        var text = Canvas(width: width, height: 60)
        let repr = writtenRepr.map { FamilyText.heightOne($0, as: explained.layer.pytorchRepr, lang) } ?? explained.layer.pytorchRepr
        let title = switch view {
        case .direct: FamilyText.directTitle(repr, lang)
        case .scatter: FamilyText.scatterTitle(repr, lang)
        case nil: repr
        }
        var y = shown ? paintLines([title], on: &text, y: 0, glyphs: environment.glyphs, style: Style(bold: true),
                                    firstShorter: firstShorter) : -1
        let words = switch view {
        case .direct: [FamilyText.insertStep(explained, channels: input.shape[1], lang),
                       FamilyText.padStep(explained, channels: input.shape[1], lang), FamilyText.convolveStep(explained, lang)]
        case .scatter: [FamilyText.scatterRule(explained, lang)]
        case nil: [String]()
        }
        if steps && !words.isEmpty { y = paintLines(words, on: &text, y: y + 1, glyphs: environment.glyphs) }
        return y < 0 ? Canvas(width: width, height: 0) : text.cropped(height: y)
    }

    /// The maps of `view` laid out left to right in bands `width` wide; a map wider than that
    /// widens the canvas (the screens scroll it).
    func grids(_ view: TransposedView?, sum: TransposedCellSum, width: Int) throws -> Canvas {
        let grids = try gridList(view, sum: sum)
        // Each map in a band of its own is the tallest the flow can make.
        var canvas = Canvas(width: max(width, grids.map(\.width).max() ?? 0), height: grids.reduce(0) { $0 + $1.height + 1 })
        var flow = GridFlow(width: width, top: 0)
        for grid in grids { flow.place(grid, on: &canvas) }
        return canvas.cropped(height: flow.bottom - 1)
    }

    /// The maps of a form, the output last.
    func gridList(_ view: TransposedView?, sum: TransposedCellSum) throws -> [FamilyGrid] {
        switch view {
        case .direct: try directGrids(sum)
        case .scatter: try scatterGrids(sum)
        case nil: try layerGrids(sum)
        }
    }

    /// Where `grids` draws the output map's first cell, and its cells' width (for the mouse).
    func outputCellOrigin(_ view: TransposedView?, sum: TransposedCellSum, width: Int) -> (x: Int, y: Int, cellWidth: Int)? {
        guard let grids = try? gridList(view, sum: sum), let output = grids.last else { return nil }
        var flow = GridFlow(width: width, top: 0)
        var at = (x: 0, y: 0)
        for grid in grids { at = flow.advance(past: grid) }
        return (at.x, at.y + 1, output.cellWidth)
    }

    /// The layer as PyTorch runs it: the input channel the cell reads first (its stamping cells
    /// marked), the transposed weight from it, and the output.
    func layerGrids(_ sum: TransposedCellSum) throws -> [FamilyGrid] {
        let scatter = try scatterGrids(sum)
        return [scatter[0], scatter[1], scatter[3]]
    }

    /// The first input channel the inspected output reads.
    var firstChannel: Int { cell[0] / (explained.layer.outChannels / explained.layer.groups) * (explained.layer.inChannels / explained.layer.groups) }

    func directGrids(_ sum: TransposedCellSum) throws -> [FamilyGrid] {
        let c = firstChannel, o = cell[0]
        let direct = explained.directInput(input), flipped = explained.directWeight(weight)
        let taps = Set(sum.direct.filter { $0.channel == c }.map { [$0.y, $0.x] })
        let rows = (0..<direct.shape[2]).map { y in
            (0..<direct.shape[3]).map { x in
                GridCell(direct[0, c, y, x], filler: explained.inputIndex(ofDirect: y, .height) == nil
                            || explained.inputIndex(ofDirect: x, .width) == nil, marked: taps.contains([y, x]))
            }
        }
        let kernel = (0..<flipped.shape[2]).map { y in (0..<flipped.shape[3]).map { x in GridCell(flipped[o, 0, y, x]) } }
        let title = compact ? FamilyText.directInputMapShort(c, lang) : FamilyText.directInputMap(c, dot: environment.glyphs.fillerDot, lang)
        return [FamilyGrid(title: title, rows: rows, environment: environment),
                FamilyGrid(title: FamilyText.flippedKernelMap(o, 0, lang), rows: kernel, environment: environment),
                outputGrid(try output())]
    }

    func scatterGrids(_ sum: TransposedCellSum) throws -> [FamilyGrid] {
        let c = firstChannel, o = cell[0], j = o % (explained.layer.outChannels / explained.layer.groups)
        let stampers = Set(sum.scatter.filter { $0.channel == c }.map { [$0.y, $0.x] })
        let rows = (0..<input.shape[2]).map { y in
            (0..<input.shape[3]).map { x in GridCell(input[0, c, y, x], marked: stampers.contains([y, x])) }
        }
        let kernel = (0..<weight.shape[2]).map { y in (0..<weight.shape[3]).map { x in GridCell(weight[c, j, y, x]) } }
        let counts = explained.overlapCounts.enumerated().map { y, row in
            row.enumerated().map { x, n in GridCell(Float(n), marked: [y, x] == [cell[1], cell[2]]) }
        }
        return [FamilyGrid(title: FamilyText.inputMap(c, lang), rows: rows, environment: environment),
                FamilyGrid(title: FamilyText.kernelMap(c, j, lang), rows: kernel, environment: environment),
                FamilyGrid(title: FamilyText.overlapMap(lang), rows: counts, environment: environment),
                outputGrid(try output())]
    }

    func output() throws -> Tensor4 { try computedOutput.get() }

    func outputGrid(_ out: Tensor4) -> FamilyGrid {
        let rows = (0..<out.shape[2]).map { y in
            (0..<out.shape[3]).map { x in GridCell(out[0, cell[0], y, x], marked: [y, x] == [cell[1], cell[2]]) }
        }
        return FamilyGrid(title: FamilyText.outputMap(cell[0], lang), rows: rows, environment: environment)
    }

    /// The inspected cell's two sums, written out: non-zero products only, the zero reads counted.
    func sumLines(_ sum: TransposedCellSum) -> [String] {
        func written(_ terms: [SumTerm]) -> String {
            let shown = terms.filter { $0.value != 0 && $0.weight != 0 }
                .map { "\(NumberText.cell($0.weight))·\(NumberText.cell($0.value))" }
            var text = shown.isEmpty ? "0" : shown.joined(separator: " + ")
            if let b = sum.bias { text += " + \(NumberText.cell(b))" }
            return text
        }
        let zeroReads = sum.direct.filter { $0.value == 0 || $0.weight == 0 }.count
        return [FamilyText.directSum(cell, written(sum.direct) + " " + FamilyText.zeroTaps(zeroReads, lang),
                                     NumberText.cell(Float(sum.directTotal)), lang),
                FamilyText.scatterSum(cell, written(sum.scatter), NumberText.cell(Float(sum.scatterTotal)), lang),
                FamilyText.sumsAgree(sum.directTotal == sum.scatterTotal, lang)]
    }
}

extension Canvas {
    /// This canvas with blank rows added below up to `height`.
    func extended(height: Int) -> Canvas {
        var out = Canvas(width: width, height: Swift.max(height, self.height))
        out.blit(self, x: 0, y: 0)
        return out
    }

    /// The top `height` rows of this canvas (at least one).
    func cropped(height: Int) -> Canvas {
        var out = Canvas(width: width, height: Swift.max(1, Swift.min(height, self.height)))
        out.blit(self, x: 0, y: 0)
        return out
    }
}
