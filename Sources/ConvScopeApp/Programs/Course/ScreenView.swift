import ConvCore

/// Paints the whole screen for a state. `maps` is the finished computation for
/// `state.parameters`, or nil (or stale) while it is still running.
public func view(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment,
                 spinner: Int = 0) -> Canvas {
    drawFrame(state, maps: maps, environment: env, spinner: spinner).canvas
}

/// The frame for a state: the layout computed once, and the canvas painted from it. `laidOut` is
/// this state's layout made while its maps are computed (for the region in view): a frame laid
/// out so is painted from it instead of laying the screen out again.
public func drawFrame(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment, spinner: Int,
                      laidOut: ScreenLayout? = nil) -> Frame {
    let dark = darkFrame(state, maps: maps, environment: env, spinner: spinner, laidOut: laidOut)
    // Without colours there is no page to paint; exports still get the theme's page colour.
    return Frame(layout: dark.layout, canvas: env.colorDepth.hasColor ? dark.canvas.themed(state.theme) : dark.canvas)
}

/// The screen in the terminal's own colours, before a theme is applied.
func darkView(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment, spinner: Int) -> Canvas {
    darkFrame(state, maps: maps, environment: env, spinner: spinner).canvas
}

/// The layout for a state (laid out once) and the screen painted from it, before a theme.
func darkFrame(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment, spinner: Int,
               laidOut: ScreenLayout? = nil) -> Frame {
    let current = state.finished(maps)
    // Until the maps are finished the frame is laid out with estimated widths, as `laidOut` was.
    let layout = current == nil ? laidOut ?? Layout.compute(state, environment: env) : Layout.compute(state, environment: env, widths: current?.widths)
    // A notice left for this frame (the zoom key, w) is worded from its layout.
    var shown = state
    shown.wordNotice(from: layout)
    return Frame(layout: .course(layout), canvas: paintCourse(shown, layout: layout, maps: maps, environment: env, spinner: spinner))
}

/// The course screen painted from its layout.
func paintCourse(_ state: AppState, layout: ScreenLayout, maps: ComputedMaps?, environment env: RenderEnvironment,
                 spinner: Int) -> Canvas {
    let size = state.terminalSize
    var canvas = Canvas(width: size.columns, height: size.rows)
    let p = state.parameters
    let current = state.finished(maps)
    // Laid out as while computing (estimated widths), so the region it holds is the one in view.
    let preview = maps?.parameters == p && maps?.coverage != nil ? maps : nil
    if layout.tooSmall {
        TooSmallView.paint(into: &canvas, size: size, language: env.language)
        return canvas
    }
    let g = env.glyphs, lang = env.language
    // A ConvTranspose2d's refusal is written in its own maps area, not as the Conv2d's.
    let error = p.layerKind != .conv2d ? nil : p.validate()
    let culprits = Set(state.isTransposed ? p.transposedRefusal?.culprits ?? [] : error?.culprits(in: p) ?? [])

    // Title bar.
    // "? help · q quit" always shows; the title gives up words first.
    let right = state.modelLayer == nil ? ScreenText.titleKeys(lang, g) : LayerLessonText.titleKeys(lang, g)
    let titles = state.modelLayer.map { LayerLessonText.titles($0.layerName, lang, g) } ?? ScreenText.titles(lang, g, kind: p.layerKind)
    let title = titles.first { $0.count + 2 + right.count <= size.columns } ?? titles.last!
    canvas.put(title, x: 0, y: 0, style: Style(foreground: Palette.accent, bold: true))
    canvas.put(right, x: size.columns - right.count, y: 0, style: Style(foreground: Palette.muted))

    ParameterPanel(state: state, frame: layout.panel, culprits: culprits, environment: env, firstRow: layout.panelFirstRow)
        .paint(into: &canvas)
    SummaryView.paint(into: &canvas, frame: layout.summary, state: state, layout: layout, glyphs: g)

    let pointwise = state.pointwiseMapsShown && PointwiseScreenView(state: state, layout: layout, environment: env).paint(into: &canvas, maps: current)
    if !pointwise, !paintFamily(state, layout: layout, environment: env, into: &canvas) {
        paintConv2dMaps(state, layout: layout, maps: maps, current: current, preview: preview, error: error,
                        culprits: culprits, environment: env, spinner: spinner, into: &canvas)
    }
    HintsView.paint(into: &canvas, state: state, y: layout.hintsY, environment: env)
    // The panels describe the layer: a Conv2d, or a ConvTranspose2d (TransposedPanelText); a Conv1d has none.
    if let panel = state.panel, p.layerKind != .conv1d {
        PanelOverlay.paint(into: &canvas, panel: panel, state: state, layout: layout, environment: env)
    }
    if state.showHelp { HelpOverlay.paint(into: &canvas, environment: env, page: state.helpPage,
                                                      rows: KeyMap.helpRows(env.glyphs, env.language, for: state)) }
    return canvas
}

/// The Conv2d's maps, its error, the inspector's lines and the formulas.
private func paintConv2dMaps(_ state: AppState, layout: ScreenLayout, maps: ComputedMaps?, current: ComputedMaps?,
                             preview: ComputedMaps?, error: Conv2dError?, culprits: Set<ParameterID>,
                             environment env: RenderEnvironment, spinner: Int, into canvas: inout Canvas) {
    let p = state.parameters, g = env.glyphs, lang = env.language
    let x = g.times
    let inspection = Inspection(state: state)
    let frames = g.unicode ? Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") : Array("|/-\\")
    let spinnerFrame = frames[spinner % frames.count]
    let sections = MapSectionViews(state: state, current: current, preview: preview, spinnerFrame: spinnerFrame,
                                   environment: env, inspection: inspection)
    // Without an output (PyTorch refuses the layer) its area holds the error instead.
    for section in layout.sections where section.section != .output || error == nil {
        sections.view(section).paint(into: &canvas)
    }
    if layout.kernel == nil {
        var kernelLine = ScreenText.kernelLine(lang, g, shape: ScreenText.kernelShape(p).joined(separator: x), settings: p,
                                               width: layout.maps.width)
        // Weights the automatic kernel section had no room for: say which key shows them.
        let hint = " \(g.dot) " + KernelSectionText.keyHint(lang)
        if state.kernelSection == nil, state.wantsKernelSection, error == nil, kernelLine.count + hint.count <= layout.maps.width {
            kernelLine += hint
        }
        canvas.put(kernelLine, x: layout.maps.x, y: layout.kernelLineY, style: Style(bold: true), maxWidth: layout.maps.width)
    }
    if let error {
        ErrorView.paint(into: &canvas, layout: layout, error: error, culprits: culprits, language: lang, ellipsis: g.ellipsis)
    } else if let output = layout.output, let shape = p.outputShape, current == nil, !sections.drawsPreview(output) {
        canvas.put("\(spinnerFrame) \(ScreenText.computing(lang)) \(shape.map(String.init).joined(separator: x))",
                   x: output.frame.x + 2, y: output.frame.y + 2, style: Style(foreground: Palette.highlight, bold: true))
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
}

/// A ConvTranspose2d's explanation, or a Conv2d's true convolution, in place of the Conv2d's
/// maps; false when neither is on screen.
private func paintFamily(_ state: AppState, layout: ScreenLayout, environment env: RenderEnvironment,
                         into canvas: inout Canvas) -> Bool {
    if state.isSequence {
        SequenceScreenView(state: state, layout: layout, environment: env).paint(into: &canvas)
        return true
    }
    if state.isTransposed {
        TransposedScreenView(state: state, layout: layout, environment: env).paint(into: &canvas)
        return true
    }
    return state.trueConvolution && TrueConvolutionScreenView(state: state, layout: layout, environment: env).paint(into: &canvas)
}
