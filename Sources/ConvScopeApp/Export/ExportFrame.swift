import ConvCore

/// How much of the screen an export shows.
public enum ExportFrame: String, CaseIterable, Sendable {
    /// The whole screen, as the terminal shows it.
    case screen
    /// Just the maps for a slide: their headers, the maps, the kernel line and the formula; no
    /// parameter panel, hints, panels or inspector marks.
    case maps

    /// True when an export now would picture "computing…" instead of the maps: a layer PyTorch
    /// accepts on the course screen whose maps are not finished (a preview is not finished).
    public static func waitsForMaps(_ state: AppState, maps: ComputedMaps?) -> Bool {
        // A Conv1d's or ConvTranspose2d's values are computed as its maps area is painted.
        state.parameters.layerKind == .conv2d && state.parameters.validate() == nil
            && !(maps?.parameters == state.parameters && maps?.coverage == nil)
    }

    /// The widest screen the maps frame grows to so that no map is cropped.
    static let largestMapsScreen = 800

    /// The picture of a state in this frame, in the state's theme.
    public func canvas(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment) -> Canvas {
        switch self {
        case .screen: view(state, maps: maps, environment: env)
        case .maps: Self.mapsOnly(state, maps: maps, environment: env)
        }
    }

    /// The picture of the model screen in this frame, in its theme (the graph screen has no
    /// maps-only frame: it is drawn whole); an open lesson is pictured as the course screen with `maps`.
    public func canvas(_ state: ModelProgram, maps: ComputedMaps? = nil, environment env: RenderEnvironment) -> Canvas {
        if let lesson = state.lesson { return canvas(lesson, maps: maps, environment: env) }
        return switch (self, state.kind) {
        case (.maps, .stack): StackScreenView.mapsOnly(state, environment: env)
        default: state.paint(maps: nil, environment: env, spinner: 0)
        }
    }

    /// The maps alone; `keepingMarks` keeps the inspector's marks (an animation's frames).
    static func mapsOnly(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment,
                         keepingMarks: Bool = false) -> Canvas {
        var plain = state
        if !keepingMarks {
            plain.focus = .parameters
            plain.playing = false
        }
        plain.panel = nil
        plain.showHelp = false
        plain.notice = nil
        plain.typing = nil
        // A Conv1d or ConvTranspose2d paints its own layer line and rule inside the maps area.
        let family = plain.parameters.layerKind != .conv2d
        // A Conv1d's or ConvTranspose2d's drawing is measured on the grown screen, not the one drawn.
        if family { plain.onScreen = nil }
        // Laid out as the screen lays it out: with the maps' widths once they are finished.
        let current = plain.finished(maps)
        func laidOut() -> ScreenLayout {
            let layout = Layout.compute(plain, environment: env, widths: current?.widths)
            // The family's drawing is measured on this screen's layout, not laid out again.
            if family { plain.onScreen = .course(layout) }
            return layout
        }
        var layout = laidOut()
        // A slide shows every map whole and every channel: the picture is drawn on a larger
        // screen until nothing is cropped or paged (no scroll hints, no arrows, no page marker).
        while !layout.tooSmall,
              family ? plain.familyMapsAreCropped(layout, environment: env) : layout.sections.contains(where: { $0.isCropped || $0.isPaged }),
              plain.terminalSize.columns < Self.largestMapsScreen {
            plain.terminalSize = TerminalSize(columns: plain.terminalSize.columns * 3 / 2, rows: plain.terminalSize.rows * 3 / 2)
            layout = laidOut()
        }
        // The picture is painted from the last layout: the frame exported is laid out once.
        let painted = paintCourse(plain, layout: layout, maps: maps, environment: env, spinner: 0)
        if layout.tooSmall { return env.colorDepth.hasColor ? painted.themed(plain.theme) : painted }
        let screen = painted
        let m = layout.maps
        // One blank column of margin on the left, as on screen; blank rows under the maps go.
        let width = m.width + 1
        let blank = String(repeating: " ", count: m.width)
        let used = (m.y..<m.maxY).last { String(screen.line($0).dropFirst(m.x)) != blank }.map { $0 - m.y + 1 } ?? m.height
        let formula = family ? [] : FormulaRows.arrange(plain.parameters, glyphs: env.glyphs, language: env.language, width: width)
        let familyFormulas = family ? plain.familyFormulas(env.glyphs) : []
        let formulaCount = family ? familyFormulas.count : formula.count
        var canvas = Canvas(width: width, height: used + formulaCount)
        canvas.blit(screen, x: 1 - m.x, y: -m.y)
        canvas.fill(x: 0, y: used, width: width, height: formulaCount)
        // A Conv1d's or ConvTranspose2d's output-size rules, one a line (the screen may join them).
        for (i, line) in familyFormulas.enumerated() { canvas.put(line, x: 1, y: used + i, maxWidth: width - 1) }
        FormulaBar.paint(formula, into: &canvas, y: used, columns: width, glyphs: env.glyphs)
        return env.colorDepth.hasColor ? canvas.themed(plain.theme) : canvas
    }
}
