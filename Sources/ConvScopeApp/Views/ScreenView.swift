import ConvCore

/// Paints the whole screen for a state. `maps` is the finished computation for
/// `state.parameters`, or nil (or stale) while it is still running.
public func view(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment,
                 spinner: Int = 0) -> Canvas {
    let canvas = darkView(state, maps: maps, environment: env, spinner: spinner)
    // Without colours there is no page to paint; exports still get the theme's page colour.
    return env.colorDepth.hasColor ? canvas.themed(state.theme) : canvas
}

/// The screen in the terminal's own colours, before a theme is applied.
func darkView(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment, spinner: Int) -> Canvas {
    if state.stack != nil { return StackScreenView.paint(state, environment: env) }
    let size = state.terminalSize
    var canvas = Canvas(width: size.columns, height: size.rows)
    let p = state.parameters
    let current = maps?.parameters == p ? maps : nil
    let layout = Layout.compute(state, environment: env, widths: current?.widths)
    if layout.tooSmall {
        TooSmallView.paint(into: &canvas, size: size, language: env.language)
        return canvas
    }
    let g = env.glyphs, lang = env.language
    let error = p.validate()
    let culprits = Set(error?.culprits(in: p) ?? [])

    // Title bar.
    // "? help · q quit" always shows; the title gives up words first.
    let right = ScreenText.titleKeys(lang, g)
    let titles = ScreenText.titles(lang, g)
    let title = titles.first { $0.count + 2 + right.count <= size.columns } ?? titles.last!
    canvas.put(title, x: 0, y: 0, style: Style(foreground: Palette.accent, bold: true))
    canvas.put(right, x: size.columns - right.count, y: 0, style: Style(foreground: Palette.muted))

    ParameterPanel(state: state, frame: layout.panel, culprits: culprits, environment: env, firstRow: layout.panelFirstRow)
        .paint(into: &canvas)
    SummaryView.paint(into: &canvas, frame: layout.summary, state: state, layout: layout, glyphs: g)

    let x = g.times
    let inspection = Inspection(state: state)
    let spec = p.spec
    // Group tags on the map titles show which input channels feed which outputs.
    // Only a layer PyTorch accepts has groups (channel counts divisible by them).
    let grouped = spec.groups > 1 && error == nil
    let inputGroup: ((Int) -> Int)? = grouped ? { $0 / spec.inChannelsPerGroup } : nil
    let outputGroup: ((Int) -> Int)? = grouped ? { spec.group(ofOutput: $0) } : nil
    if let input = layout.input {
        let shape = p.inputShape.map(String.init).joined(separator: x)
        let scale = current?.inputScale ?? MapScale(minimum: 0, maximum: p.inputScaleMax ?? 1)
        // The ring holds the mode's values; zeros need no lookup.
        let ring: ((Int, Int, Int) -> Float)? = spec.paddingMode == .zeros ? nil : current.map { maps in
            { c, y, x in spec.paddedValue(maps.experiment.input, channel: c, y: y, x: x) }
        }
        SectionView(layout: input, title: ScreenText.sectionWord(.input, lang) + " \(shape)",
                    subtitle: Conv2dText.inputRule(p.input, lang),
                    scale: ComputedMaps.scaleText(.input, maps: current, parameters: p, glyphs: g, language: lang),
                    tensor: current?.experiment.input,
                    mapScale: { _ in scale }, environment: env, marks: inspection.inputMarks,
                    note: inspection.unreadNote(lang), groupOf: inputGroup, ringValue: ring).paint(into: &canvas)
    }
    let kernelShape = p.kernelShape.map(String.init).joined(separator: x)
    let kernelLine = ScreenText.kernelLine(lang, g, shape: kernelShape, settings: p)
    canvas.put(kernelLine, x: layout.maps.x, y: layout.kernelLineY,
               style: Style(bold: true), maxWidth: layout.maps.width)

    if let error {
        ErrorView.paint(into: &canvas, layout: layout, error: error, culprits: culprits, language: lang)
    } else if let output = layout.output, let shape = p.outputShape {
        let scales = current?.outputScales ?? []
        let scaleText = ComputedMaps.scaleText(.output, maps: current, parameters: p, glyphs: g, language: lang)
        let outTensor: FeatureMaps? = current.flatMap { try? $0.experiment.output.get() }
        SectionView(layout: output, title: ScreenText.sectionWord(.output, lang) + " \(shape.map(String.init).joined(separator: x))",
                    subtitle: "", scale: scaleText, tensor: outTensor,
                    mapScale: { scales.indices.contains($0) ? scales[$0] : MapScale(minimum: 0, maximum: 0) },
                    environment: env, marks: inspection.outputMarks, groupOf: outputGroup).paint(into: &canvas)
        if current == nil {
            let frames = g.unicode ? Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") : Array("|/-\\")
            canvas.put("\(frames[spinner % frames.count]) \(ScreenText.computing(lang)) \(shape.map(String.init).joined(separator: x))",
                       x: output.frame.x + 2, y: output.frame.y + 2, style: Style(foreground: Palette.highlight, bold: true))
        }
    }
    // In a short window the inspector rows reach the panel's rows: keep them beside the panel.
    let box = layout.inspector
    for (i, line) in InspectorText.lines(state, experiment: current?.experiment, environment: env, width: box.width,
                                         maxLines: layout.inspectorLines).enumerated() {
        canvas.fill(x: box.x, y: box.y + i, width: box.width, height: 1)
        canvas.put(line, x: box.x, y: box.y + i, style: Style(foreground: Palette.highlight, bold: i == 0),
                   maxWidth: box.width)
    }
    FormulaBar.paint(into: &canvas, layout: layout, environment: env)
    HintsView.paint(into: &canvas, state: state, y: layout.hintsY, environment: env)
    if let panel = state.panel { PanelOverlay.paint(into: &canvas, panel: panel, state: state, layout: layout, environment: env) }
    if state.showHelp { HelpOverlay.paint(into: &canvas, environment: env, page: state.helpPage) }
    return canvas
}
