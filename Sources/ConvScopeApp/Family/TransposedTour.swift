import ConvCore

/// The frames of a ConvTranspose2d's explanation on the real screen, for an asciicast: the
/// direct form's explanation pinned on each output cell of channel 0 in turn, or the scatter
/// form one input position's stamp at a time, the output and the stamp counts accumulating.
public struct TransposedTour {
    let explained: TransposedAsDirect
    let input: Tensor4, weight: Tensor4, bias: [Float]?
    let environment: RenderEnvironment

    /// A tour of `explained` on `input` with the transposed `weight` [C_in, C_out/g, kH, kW].
    public init(_ explained: TransposedAsDirect, input: Tensor4, weight: Tensor4, bias: [Float]?, environment: RenderEnvironment) {
        self.explained = explained; self.input = input; self.weight = weight; self.bias = bias; self.environment = environment
    }

    /// At most `ConvSlide.maxFrames` frames, `width` columns wide, each with its marker's label.
    public func frames(_ view: TransposedView, width: Int) throws -> [AsciicastExporter.Frame] {
        view == .direct ? try directFrames(width: width) : scatterFrames(width: width)
    }

    func directFrames(width: Int) throws -> [AsciicastExporter.Frame] {
        let output = try explained.run(input: input, weight: weight, bias: bias)
        var frames: [AsciicastExporter.Frame] = []
        for y in 0..<output.shape[2] {
            for x in 0..<output.shape[3] where frames.count < ConvSlide.maxFrames {
                let pinned = TransposedExplanationView(explained, input: input, weight: weight, bias: bias, cell: [0, y, x],
                                                       environment: environment, output: output)
                frames.append(.init(canvas: try pinned.canvas(.direct, width: width),
                                    label: SlideWords.step(0, y, x, value: NumberText.cell(output[0, 0, y, x]))))
            }
        }
        return frames
    }

    func scatterFrames(width: Int) -> [AsciicastExporter.Frame] {
        let steps = explained.scatterSteps(o: 0, input: input, weight: weight, bias: bias, limit: ConvSlide.maxFrames)
        let lang = environment.language, g = environment.glyphs
        let partials = steps.flatMap { $0.partial.flatMap { $0 } }
        let outputRange = (partials.min() ?? 0, partials.max() ?? 0)
        let counts = explained.overlapCounts.flatMap { $0 }
        let inPerGroup = explained.layer.inChannels / explained.layer.groups
        let kernel = (0..<weight.shape[2]).map { y in (0..<weight.shape[3]).map { x in GridCell(weight[0, 0, y, x]) } }
        return steps.enumerated().map { index, step in
            var canvas = Canvas(width: width, height: 400)
            var y = paintLines([FamilyText.scatterTitle(explained.layer.pytorchRepr, lang)], on: &canvas, y: 0, glyphs: g,
                               style: Style(bold: true)) + 1
            y = paintLines([FamilyText.scatterRule(explained, lang)], on: &canvas, y: y, glyphs: g) + 1
            y = paintLines([FamilyText.stampStep(step, index: index, of: steps.count, lang)], on: &canvas, y: y, glyphs: g,
                           style: Style(foreground: Palette.highlight)) + 1
            let landed = Set(step.landed)
            let inputRows = (0..<explained.inputHeight).map { iy in
                (0..<explained.inputWidth).map { ix in GridCell(input[0, 0, iy, ix], marked: [iy, ix] == [step.y, step.x]) }
            }
            var countGrid = FamilyGrid(title: FamilyText.overlapSoFarMap(lang),
                                       rows: step.counts.enumerated().map { oy, row in
                                           row.enumerated().map { ox, n in GridCell(Float(n), marked: landed.contains([oy, ox])) }
                                       }, environment: environment)
            countGrid.range = (0, Float(counts.max() ?? 0))
            var outputGrid = FamilyGrid(title: FamilyText.outputSoFarMap(0, lang),
                                        rows: step.partial.enumerated().map { oy, row in
                                            row.enumerated().map { ox, v in GridCell(v, marked: landed.contains([oy, ox])) }
                                        }, environment: environment)
            outputGrid.range = outputRange
            var flow = GridFlow(width: width, top: y)
            for grid in [FamilyGrid(title: FamilyText.inputMap(0, lang), rows: inputRows, environment: environment),
                         FamilyGrid(title: FamilyText.kernelMap(0, 0, lang), rows: kernel, environment: environment),
                         FamilyGrid(title: FamilyText.stampMap(channels: inPerGroup, lang), rows: step.stamp.map { $0.map { GridCell($0) } },
                                    environment: environment),
                         countGrid, outputGrid] {
                flow.place(grid, on: &canvas)
            }
            return .init(canvas: canvas.cropped(height: flow.bottom), label: FamilyText.stampMarker(step))
        }
    }
}
