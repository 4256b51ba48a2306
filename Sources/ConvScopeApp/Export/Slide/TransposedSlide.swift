import ConvCore

/// A ConvTranspose2d's two explanations as slides (`render --view direct|scatter`, with
/// `--animate` one frame per step): the direct form slides its flipped kernel over the
/// zero-inserted, padded input, lighting each output cell in turn; the scatter form stamps each
/// input position's scaled kernel onto the output, the output and the stamp counts accumulating.
public struct TransposedSlide {
    let explained: TransposedAsDirect
    let input: Tensor4, weight: Tensor4, bias: [Float]?
    let theme: ExportTheme
    let environment: RenderEnvironment

    /// The explanation of `explained` on `input` with the transposed `weight` [C_in, C_out/g, kH, kW].
    public init(_ explained: TransposedAsDirect, input: Tensor4, weight: Tensor4, bias: [Float]?, theme: ExportTheme,
                environment: RenderEnvironment) {
        self.explained = explained; self.input = input; self.weight = weight; self.bias = bias
        self.theme = theme; self.environment = environment
    }

    /// The slide of output channel 0, the largest cells that keep the page readable.
    public func make(_ view: TransposedView, animated: Bool) throws -> Slide {
        let output = try explained.run(input: input, weight: weight, bias: bias)
        let steps = view == .scatter ? explained.scatterSteps(o: 0, input: input, weight: weight, bias: bias, limit: ConvSlide.maxFrames) : []
        let numbersCell = SlideHeat.numbersCell(characters: widest(output, steps))
        var cells: [(Double, Bool)] = [(numbersCell, true)]
        var smaller = 28.0
        while smaller > 3 { cells.append((smaller, false)); smaller *= 0.85 }
        // The largest cells first (numbers in them), then as many input channels as fit at that size.
        var slide: Slide?
        for (cell, numbers) in cells {
            var channels = ConvSlide.maxMapsPerSection
            while true {
                var placer = SlidePlacer(title: FamilyText.transposedTitle(explained, channels: input.shape[1], environment.language),
                                         theme: theme)
                let frames = view == .direct
                    ? direct(&placer, output: output, cell: cell, numbers: numbers, channels: channels, animated: animated)
                    : scatter(&placer, output: output, steps: steps, cell: cell, numbers: numbers, channels: channels, animated: animated)
                slide = placer.finished()
                slide!.frames = frames
                if SlidePlacer.readable(slide!) { return slide! }
                if channels == 1 { break }
                channels = max(1, channels / 2)
            }
        }
        return slide!
    }

    var lang: Language { environment.language }
    var colormap: ColormapName { environment.colormap }
    var inPerGroup: Int { explained.layer.inChannels / explained.layer.groups }

    /// Characters of the longest number a map writes.
    func widest(_ output: Tensor4, _ steps: [ScatterStep]) -> Int {
        let values = input.storage.prefix(100_000) + weight.storage.prefix(100_000) + output.storage.prefix(100_000)
            + steps.suffix(1).flatMap { $0.partial.flatMap { $0 } + $0.stamp.flatMap { $0 } }
        return values.map { NumberText.cell($0).count }.max() ?? 1
    }

    static func scale(_ values: some Sequence<Float>) -> MapScale {
        let all = Array(values)
        return MapScale(minimum: all.min() ?? 0, maximum: all.max() ?? 0)
    }

    /// The title line and the steps in words, wrapped to the page.
    func header(_ placer: inout SlidePlacer, _ lines: [String]) {
        func wrapped(_ text: String, size: Double) -> [String] {
            let characters = Int((SlidePlacer.limit - SlideMetrics.margin) / (SlideMetrics.advance * size))
            return wrappedLines(text, width: characters, glyphs: environment.glyphs)
        }
        for piece in wrapped(placer.slide.title, size: SlideMetrics.titleFont) {
            placer.line(piece, size: SlideMetrics.titleFont, bold: true)
        }
        for line in lines {
            for piece in wrapped(line, size: SlideMetrics.noteFont) { placer.line(piece, size: SlideMetrics.noteFont, color: SlideColors.muted(theme)) }
        }
    }

    func cells(_ rows: Int, _ columns: Int, numbers: Bool, scale: MapScale, value: (Int, Int) -> Float?) -> [SlideCell] {
        (0..<rows * columns).map { i in
            value(i / columns, i % columns).map { SlideHeat.cell($0, scale: scale, colormap: colormap, numbers: numbers) }
                ?? SlideHeat.padding(theme: theme, numbers: numbers)
        }
    }

    func outputSpec(_ title: String, _ values: [[Float]], scale: MapScale, numbers: Bool) -> SlideMapSpec {
        let h = values.count, w = values.first?.count ?? 0
        return SlideMapSpec(title: title, rows: h, columns: w, cells: cells(h, w, numbers: numbers, scale: scale) { values[$0][$1] },
                            tensorRows: h, tensorColumns: w)
    }

    static func rows(_ t: Tensor4, channel o: Int) -> [[Float]] {
        (0..<t.shape[2]).map { y in (0..<t.shape[3]).map { x in t[0, o, y, x] } }
    }

    /// The kernel's cell: at least `ConvSlide.kernelCell`, as on the Conv2d slide.
    func kernelCell(_ cell: Double) -> Double {
        max(cell, min(ConvSlide.kernelCell, 240 / Double(max(explained.layer.kernelSize.h, explained.layer.kernelSize.w))))
    }

    func direct(_ placer: inout SlidePlacer, output: Tensor4, cell: Double, numbers: Bool, channels limit: Int,
                animated: Bool) -> [SlideFrame] {
        let e = explained, l = lang, c0 = input.shape[1]
        header(&placer, [FamilyText.insertStep(e, channels: c0, l), FamilyText.padStep(e, channels: c0, l), FamilyText.convolveStep(e, l)])
        let directInput = e.directInput(input), flipped = e.directWeight(weight)
        let rows = directInput.shape[2], columns = directInput.shape[3]
        let shown = Array(0..<min(inPerGroup, limit))
        let inputScale = Self.scale(input.storage)
        // The input's own indices label the axes while the grid holds every input cell evenly spaced.
        let labelled = e.layer.stride.h == e.layer.stride.w && e.padBefore(.height) >= 0 && e.padBefore(.width) >= 0
        let inputSpecs = shown.map { c in
            SlideMapSpec(title: FamilyText.directInputChannel(c, l), rows: rows,
                         columns: columns,
                         cells: cells(rows, columns, numbers: numbers, scale: inputScale) { y, x in
                             e.inputIndex(ofDirect: y, .height) != nil && e.inputIndex(ofDirect: x, .width) != nil ? directInput[0, c, y, x] : nil
                         },
                         padTop: labelled ? e.padBefore(.height) : 0, padLeft: labelled ? e.padBefore(.width) : 0,
                         tensorRows: labelled ? e.inputHeight : rows, tensorColumns: labelled ? e.inputWidth : columns,
                         spacing: labelled ? e.layer.stride.h : 1)
        }
        let kh = e.layer.kernelSize.h, kw = e.layer.kernelSize.w
        let kernelScale = Self.scale(flipped.storage)
        let kernelSpecs = shown.map { c in
            SlideMapSpec(title: FamilyText.flippedKernelMap(0, c, l), rows: kh, columns: kw,
                         cells: cells(kh, kw, numbers: true, scale: kernelScale) { flipped[0, c, $0, $1] }, tensorRows: kh, tensorColumns: kw)
        }
        let out = Self.rows(output, channel: 0)
        // The three side by side when the page is wide enough, as the window's sum goes into the output.
        let placed = placer.band([
            SlideGroup(header: SlideWords.input(l), note: [shownNote(shown.count), FamilyText.insertedLegend(l)].filter { !$0.isEmpty }
                .joined(separator: " \(environment.glyphs.dot) "), specs: inputSpecs),
            SlideGroup(header: SlideWords.kernel(l), note: "", specs: kernelSpecs, cell: kernelCell(cell)),
            SlideGroup(header: SlideWords.output(l) + " " + FamilyText.shape(output.shape), note: "",
                       specs: [outputSpec(FamilyText.outputMap(0, l), out, scale: Self.scale(out.flatMap { $0 }), numbers: numbers)]),
        ], cell: cell, labelSize: labelSize(cell, numbers))
        let inputGrids = placed[0], outputGrids = placed[2]
        guard animated else { return [] }
        let stepLine = placer.line(" ", size: SlideMetrics.headerFont, bold: true, add: false)
        let mark = SlideColors.highlight(theme)
        var frames: [SlideFrame] = []
        for oy in out.indices {
            for ox in out[oy].indices where frames.count < ConvSlide.maxFrames {
                var frame = SlideFrame()
                for index in inputGrids {
                    let grid = placer.slide.grids[index]
                    for ky in 0..<kh {
                        for kx in 0..<kw {
                            frame.marks.append(SlideMark(box: grid.box(row: oy + ky * e.layer.dilation.h, column: ox + kx * e.layer.dilation.w),
                                                         color: mark, lineWidth: max(2, cell / 14), tint: true))
                        }
                    }
                }
                frame.marks.append(SlideMark(box: placer.slide.grids[outputGrids[0]].box(row: oy, column: ox), color: mark,
                                             lineWidth: max(3, cell / 9)))
                var line = stepLine
                line.text = SlideWords.step(0, oy, ox, value: NumberText.cell(out[oy][ox]))
                frame.texts.append(line)
                frames.append(frame)
            }
        }
        return frames
    }

    /// "channels 0–3 of 8" when the slide shows only the first input channels the output reads.
    func shownNote(_ shown: Int) -> String {
        shown < inPerGroup ? SlideWords.channelsShown(shown, of: inPerGroup, environment.glyphs, lang) : ""
    }

    func labelSize(_ cell: Double, _ numbers: Bool) -> Double {
        numbers ? min(max(SlideMetrics.smallFont, cell * 0.4), 30) : SlideMetrics.smallFont
    }

    func scatter(_ placer: inout SlidePlacer, output: Tensor4, steps: [ScatterStep], cell: Double, numbers: Bool,
                 channels limit: Int, animated: Bool) -> [SlideFrame] {
        let e = explained, l = lang
        header(&placer, [FamilyText.scatterRule(e, l)])
        let shown = Array(0..<min(inPerGroup, limit))
        let inputScale = Self.scale(input.storage)
        let inputSpecs = shown.map { c in
            SlideMapSpec(title: FamilyText.inputMap(c, l), rows: e.inputHeight, columns: e.inputWidth,
                         cells: cells(e.inputHeight, e.inputWidth, numbers: numbers, scale: inputScale) { input[0, c, $0, $1] },
                         tensorRows: e.inputHeight, tensorColumns: e.inputWidth)
        }
        let kh = e.layer.kernelSize.h, kw = e.layer.kernelSize.w
        let kernelScale = Self.scale(weight.storage)
        let kernelSpecs = shown.map { c in
            SlideMapSpec(title: FamilyText.kernelMap(c, 0, l), rows: kh, columns: kw,
                         cells: cells(kh, kw, numbers: true, scale: kernelScale) { weight[c, 0, $0, $1] }, tensorRows: kh, tensorColumns: kw)
        }
        let inputGrids = placer.band([SlideGroup(header: SlideWords.input(l), note: shownNote(shown.count), specs: inputSpecs),
                                      SlideGroup(header: SlideWords.kernel(l), note: "", specs: kernelSpecs, cell: kernelCell(cell))],
                                     cell: cell, labelSize: labelSize(cell, numbers))[0]
        // The maps the stamps build: colours on the range every step reaches, so a colour keeps its value.
        let out = Self.rows(output, channel: 0)
        let outputScale = Self.scale(out.flatMap { $0 } + steps.flatMap { $0.partial.flatMap { $0 } })
        let stampScale = Self.scale(steps.flatMap { $0.stamp.flatMap { $0 } })
        let counts = e.overlapCounts
        let countScale = MapScale(minimum: 0, maximum: Float(counts.flatMap { $0 }.max() ?? 0))
        func countSpec(_ values: [[Int]]) -> SlideMapSpec {
            outputSpec(animated ? FamilyText.overlapSoFarMap(l) : FamilyText.overlapMap(l), values.map { $0.map(Float.init) },
                       scale: countScale, numbers: numbers)
        }
        let blankStamp = SlideMapSpec(title: FamilyText.stampMap(channels: inPerGroup, l), rows: kh, columns: kw,
                                      cells: cells(kh, kw, numbers: false, scale: stampScale) { _, _ in nil }, tensorRows: kh, tensorColumns: kw)
        let buildTitle = animated ? FamilyText.outputSoFarMap(0, l) : FamilyText.outputMap(0, l)
        let builtGroups = [
            animated ? [SlideGroup(header: FamilyText.stampHeader(l), note: "", specs: [blankStamp], cell: kernelCell(cell))] : [],
            [SlideGroup(header: FamilyText.overlapMap(l), note: "", specs: [countSpec(counts)]),
             SlideGroup(header: SlideWords.output(l) + " " + FamilyText.shape(output.shape), note: "",
                        specs: [outputSpec(buildTitle, out, scale: outputScale, numbers: numbers)])],
        ].flatMap { $0 }
        let built = placer.band(builtGroups, cell: cell, labelSize: labelSize(cell, numbers)).flatMap { $0 }
        guard animated else { return [] }
        let stepLine = placer.line(" ", size: SlideMetrics.headerFont, bold: true, add: false)
        let mark = SlideColors.highlight(theme)
        return steps.enumerated().map { index, step in
            var frame = SlideFrame()
            var stamp = placer.slide.grids[built[0]], countGrid = placer.slide.grids[built[1]], outGrid = placer.slide.grids[built[2]]
            stamp.cells = cells(kh, kw, numbers: true, scale: stampScale) { step.stamp[$0][$1] }
            countGrid.cells = countSpec(step.counts).cells
            outGrid.cells = outputSpec("", step.partial, scale: outputScale, numbers: numbers).cells
            frame.grids = [stamp, countGrid, outGrid]
            for grid in inputGrids {
                frame.marks.append(SlideMark(box: placer.slide.grids[grid].box(row: step.y, column: step.x), color: mark,
                                             lineWidth: max(3, cell / 9)))
            }
            for cellIndex in step.landed {
                for grid in [countGrid, outGrid] {
                    frame.marks.append(SlideMark(box: grid.box(row: cellIndex[0], column: cellIndex[1]), color: mark,
                                                 lineWidth: max(2, cell / 14), tint: true))
                }
            }
            var line = stepLine
            line.text = FamilyText.fitted(FamilyText.stampStep(step, index: index, of: steps.count, l), environment.glyphs)
            frame.texts.append(line)
            return frame
        }
    }
}
