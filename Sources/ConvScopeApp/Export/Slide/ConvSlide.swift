import ConvCore

/// The single-layer screen's maps as a slide: the input (with its padding ring), the weights of
/// output channel 0, the output and the size formula, each map whole with square cells; with
/// `animated`, one frame per output cell of channel 0 marking the taps the kernel reads.
public enum ConvSlide {
    /// At most this many maps per section are drawn; the header says how many there are.
    public static let maxMapsPerSection = 8
    /// An animation has at most this many frames (one per output cell of channel 0).
    public static let maxFrames = 1024
    /// The smallest cell of the kernel's maps, whatever the size of the others.
    static let kernelCell = 24.0

    /// The largest map side a slide draws cell by cell: past it a cell would be under 8 px on a
    /// 1920×1080 screen; the terminal's picture, which averages blocks, is the one for such maps.
    public static let maxMapSide = 128

    /// True when the layer's maps are small enough to draw cell by cell (with the padding ring).
    public static func fits(_ p: Conv2dSettings) -> Bool {
        let spec = p.spec, h = spec.heightAxis.padding, w = spec.widthAxis.padding
        return p.hIn + h.before + h.after <= maxMapSide && p.wIn + w.before + w.after <= maxMapSide
    }

    /// The slide, or nil when PyTorch refuses the layer (there is no output to draw) or its maps
    /// are larger than `maxMapSide`.
    public static func make(_ state: AppState, maps: ComputedMaps, environment env: RenderEnvironment,
                            animated: Bool = false) -> Slide? {
        guard case .success = maps.experiment.output, fits(state.parameters) else { return nil }
        let zoom = state.zoomOverride
        let widest = widestNumber(maps)
        let numbersCell = SlideHeat.numbersCell(characters: widest)
        // Preferred cell sizes by zoom, then smaller ones until the page keeps its text readable.
        // Large cells shrink towards the size numbers need before the numbers go.
        var cells: [(Double, Bool)] = []
        if zoom == .large {
            var size = numbersCell * 1.5
            while size > numbersCell { cells.append((size, true)); size *= 0.9 }
        }
        if zoom != .whole { cells.append((numbersCell, true)) }
        var smaller = 28.0
        while smaller > 3 { cells.append((smaller, false)); smaller *= 0.85 }
        var channels = maxMapsPerSection
        while true {
            for (cell, numbers) in cells {
                let slide = build(state, maps: maps, env: env, cell: cell, numbers: numbers, channels: channels, animated: animated)
                if SlidePlacer.readable(slide) || (channels == 1 && cell == cells.last!.0) { return slide }
            }
            channels = max(1, channels / 2)
        }
    }

    /// "Conv2d · input 1×3×8×8 → output 1×2×6×6": the title of every picture of the layer
    /// (slides, and the terminal pictures' SVG and HTML title); "output refused" when PyTorch
    /// refuses it.
    public static func title(_ p: Conv2dSettings, environment env: RenderEnvironment) -> String {
        let l = env.language, g = env.glyphs
        let shape = { (s: [Int]) in s.map(String.init).joined(separator: g.times) }
        let output = p.outputShape.map { "\(SlideWords.output(l)) \(shape($0))" } ?? SlideWords.outputRefused(l)
        return "Conv2d \(g.dot) \(SlideWords.input(l)) \(shape(p.inputShape)) \u{2192} " + output
    }

    /// Characters of the longest number the maps write.
    static func widestNumber(_ maps: ComputedMaps) -> Int {
        var widest = 1
        func scan(_ m: FeatureMaps) { for v in m.storage.prefix(100_000) { widest = max(widest, NumberText.cell(v).count) } }
        scan(maps.experiment.input)
        scan(maps.experiment.kernels)
        if case .success(let out) = maps.experiment.output { scan(out) }
        return widest
    }

    static func build(_ state: AppState, maps: ComputedMaps, env: RenderEnvironment, cell: Double, numbers: Bool,
                      channels limit: Int, animated: Bool) -> Slide {
        let p = state.parameters, spec = p.spec, l = env.language, g = env.glyphs
        let experiment = maps.experiment
        guard case .success(let output) = experiment.output else { fatalError("checked by make") }
        let input = experiment.input, theme = state.theme
        let labelSize = numbers ? min(max(SlideMetrics.smallFont, cell * 0.4), 30) : SlideMetrics.smallFont
        let inShape = input.shape, outShape = output.shape
        let shape = { (s: [Int]) in s.map(String.init).joined(separator: g.times) }
        var placer = SlidePlacer(title: title(p, environment: env), theme: theme)
        placer.line(placer.slide.title, size: SlideMetrics.titleFont, bold: true)
        let sep = " \(g.dot) "
        func joined(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: sep) }
        func shownNote(_ n: Int, _ total: Int) -> String { n < total ? SlideWords.channelsShown(n, of: total, g, l) : "" }

        // Input, with the padding ring the kernel reads.
        let ph = spec.heightAxis.padding, pw = spec.widthAxis.padding
        let hIn = inShape[2], wIn = inShape[3], cIn = inShape[1]
        let inputShown = min(cIn, limit)
        let padded = ph.before + ph.after + pw.before + pw.after > 0
        let inputHeader = joined([SlideWords.input(l) + " " + shape(inShape),
                                  ComputedMaps.scaleText(.input, maps: maps, parameters: p, glyphs: g, language: l)])
        let inputNote = joined([Conv2dText.inputRule(p.input, l), shownNote(inputShown, cIn),
                                padded ? SlideWords.paddingLegend(p.paddingMode, l) : ""])
        let rows = hIn + ph.before + ph.after, columns = wIn + pw.before + pw.after
        let inputSpecs = (0..<inputShown).map { c -> SlideMapSpec in
            var cells: [SlideCell] = []
            for y in 0..<rows {
                for x in 0..<columns {
                    let (iy, ix) = (y - ph.before, x - pw.before)
                    if iy < 0 || iy >= hIn || ix < 0 || ix >= wIn {
                        cells.append(SlideHeat.padding(theme: theme, numbers: numbers && p.paddingMode == .zeros))
                    } else {
                        cells.append(SlideHeat.cell(input[0, c, iy, ix], scale: maps.inputScale, colormap: env.colormap, numbers: numbers))
                    }
                }
            }
            return SlideMapSpec(title: SlideWords.channel(c, l), rows: rows, columns: columns, cells: cells,
                                padTop: ph.before, padLeft: pw.before, tensorRows: hIn, tensorColumns: wIn)
        }
        let inputGrids = placer.band([SlideGroup(header: inputHeader, note: inputNote, specs: inputSpecs)],
                                     cell: cell, labelSize: labelSize)[0]

        // The weights of output channel 0, one map per input channel it reads.
        let kernels = experiment.kernels, kh = kernels.shape[2], kw = kernels.shape[3]
        let reads = Array(spec.inputChannels(ofOutput: 0).prefix(limit))
        let kernelNote = joined([Conv2dText.kernelLabel(p.kernel, l), Conv2dText.biasLabel(p.bias, l), SlideWords.weightsOf(output: 0, l)])
        // A kernel is small: its cells stay at least `kernelCell` when the maps' shrink.
        let kernelCell = max(cell, min(Self.kernelCell, 240 / Double(max(kh, kw))))
        let kernelWidest = kernels.storage.prefix(100_000).map { NumberText.cell($0).count }.max() ?? 1
        let kernelNumbers = numbers || kernelCell >= SlideHeat.numbersCell(characters: kernelWidest)
        let kernelSpecs = reads.enumerated().map { (i, c) -> SlideMapSpec in
            let cells = (0..<kh * kw).map {
                SlideHeat.cell(experiment.weight(0, i, $0 / kw, $0 % kw), scale: maps.kernelScale, colormap: env.colormap,
                               numbers: kernelNumbers)
            }
            return SlideMapSpec(title: SlideWords.weightMap(output: 0, input: c), rows: kh, columns: kw, cells: cells,
                                tensorRows: kh, tensorColumns: kw)
        }

        // The output.
        let cOut = outShape[1], hOut = outShape[2], wOut = outShape[3]
        let outputShown = min(cOut, limit)
        let outputSpecs = (0..<outputShown).map { o -> SlideMapSpec in
            let scale = maps.outputScales[min(o, maps.outputScales.count - 1)]
            let cells = (0..<hOut * wOut).map {
                SlideHeat.cell(output[0, o, $0 / wOut, $0 % wOut], scale: scale, colormap: env.colormap, numbers: numbers)
            }
            return SlideMapSpec(title: SlideWords.channel(o, l), rows: hOut, columns: wOut, cells: cells,
                                tensorRows: hOut, tensorColumns: wOut)
        }
        // The kernel beside the output when the page is wide enough, as the sum goes into it.
        let outputHeader = joined([SlideWords.output(l) + " " + shape(outShape),
                                   ComputedMaps.scaleText(.output, maps: maps, parameters: p, glyphs: g, language: l)])
        let outputGrids = placer.band([SlideGroup(header: SlideWords.kernel(l) + " " + shape(p.kernelShape), note: kernelNote,
                                                  specs: kernelSpecs, cell: kernelCell),
                                       SlideGroup(header: outputHeader, note: shownNote(outputShown, cOut), specs: outputSpecs)],
                                      cell: cell, labelSize: labelSize)[1]
        for row in FormulaRows.arrange(p, glyphs: g, language: l, width: 200) {
            placer.line(row.map(\.text).joined(), size: SlideMetrics.headerFont)
        }
        guard animated else { return placer.finished() }

        // One frame per output cell of channel 0: the taps on each input map it reads, the cell.
        let stepLine = placer.line(" ", size: SlideMetrics.headerFont, bold: true, add: false)
        let sh = p.strideH, sw = p.strideW, dh = p.dilationH, dw = p.dilationW
        let mark = SlideColors.highlight(theme)
        var frames: [SlideFrame] = []
        for oy in 0..<hOut {
            for ox in 0..<wOut where frames.count < maxFrames {
                var frame = SlideFrame()
                for c in reads where c < inputGrids.count {
                    let grid = placer.slide.grids[inputGrids[c]]
                    for ky in 0..<kh {
                        for kx in 0..<kw {
                            frame.marks.append(SlideMark(box: grid.box(row: oy * sh + ky * dh, column: ox * sw + kx * dw),
                                                         color: mark, lineWidth: max(2, cell / 14), tint: true))
                        }
                    }
                }
                let out = placer.slide.grids[outputGrids[0]]
                frame.marks.append(SlideMark(box: out.box(row: oy, column: ox), color: mark, lineWidth: max(3, cell / 9)))
                var line = stepLine
                line.text = SlideWords.step(0, oy, ox, value: NumberText.cell(output[0, 0, oy, ox]))
                frame.texts.append(line)
                frames.append(frame)
            }
        }
        var slide = placer.finished()
        slide.frames = frames
        return slide
    }
}
