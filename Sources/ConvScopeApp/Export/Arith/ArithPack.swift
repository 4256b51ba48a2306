import ConvCore
/// The conv_arithmetic figures as slides, labelled, and the pack `render --arith DIR` writes:
/// for each figure an animated and a still SVG, and an index page showing them all.
public enum ArithPack {
    /// The cell size of the figures: two-digit sums fit at a size a slide reads.
    static let cell = 52.0

    /// A figure as a slide: the input (padded, stretched), the kernel and the output side by
    /// side, the parameters above; `animated` adds one frame per output cell.
    public static func slide(_ figure: ArithFigure, theme: ExportTheme, colormap: ColormapName,
                             language l: Language, animated: Bool) -> Slide {
        let c = figure.config, g = Glyphs.unicodeSet
        let n = figure.outputSize, size = figure.grid.count
        let title = "\(c.name) \(g.dot) \(SlideWords.input(l)) \(c.input)\(g.times)\(c.input) \u{2192} \(SlideWords.output(l)) \(n)\(g.times)\(n)"
        var placer = SlidePlacer(title: title, theme: theme)
        placer.line(title, size: SlideMetrics.titleFont, bold: true)
        placer.line("\(c.caption): \(c.transposed ? "i\u{2032}" : "i") = \(c.input), k = \(c.kernel), s = \(c.stride), "
                    + "p = \(c.padding)" + (c.dilation > 1 ? ", d = \(c.dilation)" : "")
                    + (c.outputPadding > 0 ? ", output_padding = \(c.outputPadding)" : ""), size: SlideMetrics.headerFont)
        placer.line(c.pytorch, size: SlideMetrics.headerFont, color: SlideColors.muted(theme))
        if c.transposed {
            placer.line(ArithWords.transposedNote(figure, l), size: SlideMetrics.headerFont, color: SlideColors.muted(theme))
        }
        placer.skip(8)
        let inputMax = c.inputValues.flatMap { $0 }.max() ?? 1
        let inputScale = MapScale(minimum: 0, maximum: inputMax)
        let gridCells = figure.grid.flatMap { $0 }.map { v in
            v.map { SlideHeat.cell($0, scale: inputScale, colormap: colormap, numbers: true) }
                ?? SlideHeat.padding(theme: theme, numbers: true)
        }
        let k = c.kernel
        let kernelScale = MapScale(minimum: 0, maximum: figure.kernel.flatMap { $0 }.max() ?? 1)
        let outScale = MapScale(minimum: 0, maximum: figure.output.flatMap { $0 }.max() ?? 1)
        let specs = [
            SlideMapSpec(title: ArithWords.inputTitle(figure, l), rows: size, columns: size, cells: gridCells,
                         padTop: figure.padBefore, padLeft: figure.padBefore, tensorRows: c.input,
                         tensorColumns: c.input, spacing: c.transposed ? c.stride : 1),
            SlideMapSpec(title: ArithWords.kernelTitle(figure, l), rows: k, columns: k,
                         cells: figure.kernel.flatMap { $0 }.map { SlideHeat.cell($0, scale: kernelScale, colormap: colormap, numbers: true) },
                         tensorRows: k, tensorColumns: k),
            SlideMapSpec(title: "\(SlideWords.output(l)) \(n)\(g.times)\(n)", rows: n, columns: n,
                         cells: figure.output.flatMap { $0 }.map { SlideHeat.cell($0, scale: outScale, colormap: colormap, numbers: true) },
                         tensorRows: n, tensorColumns: n),
        ]
        let grids = placer.maps(specs, cell: cell, labelSize: 20)
        guard animated else { return placer.finished() }
        let stepLine = placer.line(" ", size: SlideMetrics.headerFont, bold: true, add: false)
        let mark = SlideColors.highlight(theme)
        var frames: [SlideFrame] = []
        for oy in 0..<n {
            for ox in 0..<n {
                var frame = SlideFrame()
                let input = placer.slide.grids[grids[0]], output = placer.slide.grids[grids[2]]
                for (row, column) in figure.taps(oy, ox) {
                    frame.marks.append(SlideMark(box: input.box(row: row, column: column), color: mark, lineWidth: 4, tint: true))
                }
                frame.marks.append(SlideMark(box: output.box(row: oy, column: ox), color: mark, lineWidth: 5))
                var line = stepLine
                line.text = ArithWords.sum(figure, oy, ox)
                frame.texts.append(line)
                frames.append(frame)
            }
        }
        var slide = placer.finished()
        slide.frames = frames
        return slide
    }

    /// The pack's files, name and contents: `NAME.svg` (animated) and `NAME-still.svg` for
    /// each figure, then `index.html`.
    public static func files(theme: ExportTheme, colormap: ColormapName, language l: Language) -> [(name: String, contents: String)] {
        var files: [(String, String)] = []
        for config in ArithConfig.all {
            let figure = ArithFigure(config)
            files.append(("\(config.name).svg", SlideSVG.export(slide(figure, theme: theme, colormap: colormap, language: l, animated: true))))
            files.append(("\(config.name)-still.svg", SlideSVG.export(slide(figure, theme: theme, colormap: colormap, language: l, animated: false))))
        }
        files.append(("index.html", index(theme: theme, language: l)))
        return files
    }

    /// The index page: every figure animated, captioned with its parameters and output size.
    static func index(theme: ExportTheme, language l: Language) -> String {
        var cards = ""
        for c in ArithConfig.all {
            let n = ArithFigure(c).outputSize
            cards += "<figure><a href=\"\(c.name).svg\"><img src=\"\(c.name).svg\" alt=\"\(c.name)\"/></a>"
                + "<figcaption><b>\(c.caption)</b><br/><code>\(c.pytorch)</code><br/>"
                + "\(SlideWords.input(l)) \(c.input)×\(c.input) → \(SlideWords.output(l)) \(n)×\(n) · "
                + "<a href=\"\(c.name)-still.svg\">\(ArithWords.still(l))</a></figcaption></figure>\n"
        }
        let bg = theme.background.hex, fg = theme.foreground.hex, muted = SlideColors.muted(theme).hex
        return HTMLExporter.head(title: ArithWords.indexTitle(l), language: l, style: """
            body { margin: 0; padding: 24px 32px; background: \(bg); color: \(fg); font: 18px \(SVGExporter.fontFamily); }
            h1 { font-size: 28px; margin: 0 0 8px; }
            p { color: \(muted); margin: 0 0 20px; }
            main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 24px; }
            figure { margin: 0; }
            img { width: 100%; height: auto; display: block; border: 1px solid \(muted); }
            figcaption { margin-top: 6px; line-height: 1.4; }
            a { color: inherit; }
            code { font-size: 15px; }
            """) + """
            <h1>\(ArithWords.indexTitle(l))</h1>
            <p>\(ArithWords.indexNote(l))</p>
            <main>
            \(cards)</main>
            </body>
            </html>

            """
    }
}

/// The words of the conv_arithmetic pack.
enum ArithWords {
    static func inputTitle(_ f: ArithFigure, _ l: Language) -> String {
        let c = f.config, size = f.grid.count
        return size == c.input ? "\(SlideWords.input(l)) \(c.input)×\(c.input)"
            : l.pick("input \(c.input)×\(c.input) as \(size)×\(size)", "вход \(c.input)×\(c.input) как \(size)×\(size)")
    }
    static func kernelTitle(_ f: ArithFigure, _ l: Language) -> String {
        let k = f.config.kernel
        return f.config.transposed ? l.pick("kernel \(k)×\(k), turned 180°", "ядро \(k)×\(k), повёрнуто на 180°")
            : "\(SlideWords.kernel(l)) \(k)×\(k)"
    }
    static func transposedNote(_ f: ArithFigure, _ l: Language) -> String {
        let zeros = f.config.stride - 1
        return l.pick("drawn as the convolution it equals: \(zeros) zero\(zeros == 1 ? "" : "s") between input cells, \(f.padBefore) of padding, stride 1",
                      "как равная ей свёртка: \(zeros) нул. между клетками входа, расширение \(f.padBefore), шаг 1")
    }
    /// "output[1, 2] = 0·1 + 1·3 + … = 12": the sum the frame shows, written out.
    static func sum(_ f: ArithFigure, _ oy: Int, _ ox: Int) -> String {
        let k = f.config.kernel
        let terms = f.taps(oy, ox).enumerated().map { i, tap in
            "\(NumberText.cell(f.grid[tap.row][tap.column] ?? 0))·\(NumberText.cell(f.kernel[i / k][i % k]))"
        }
        return "output[\(oy), \(ox)] = " + terms.joined(separator: "+") + " = \(NumberText.cell(f.output[oy][ox]))"
    }
    static func still(_ l: Language) -> String { l.pick("still picture", "неподвижная картинка") }
    static func indexTitle(_ l: Language) -> String {
        l.pick("Convolution arithmetic: the 15 figures, labelled", "Арифметика свёрток: 15 рисунков с подписями")
    }
    static func indexNote(_ l: Language) -> String {
        l.pick("The configurations of Dumoulin & Visin, “A guide to convolution arithmetic for deep learning”, with the numbers in the cells. Dashed cells are zeros the input does not have. Click a figure for its full-size slide.",
               "Конфигурации из статьи Dumoulin и Visin «A guide to convolution arithmetic for deep learning», с числами в клетках. Пунктирные клетки — нули, которых нет во входе. Щёлкните рисунок, чтобы открыть слайд целиком.")
    }
}
