import ConvCore

/// Lays out the course screen: the panel, the summary, the maps area (placed by `Layout.fit`,
/// SectionPlacement.swift), the formula, inspector and hint rows, and the open panel or help.
public enum Layout {
    /// Panel width for a window width: the slider bar shrinks on narrow windows.
    static func panelWidth(_ columns: Int) -> Int { columns >= 110 ? 31 : 27 }

    /// Lays out the screen. `widths` come from the computed maps when available.
    public static func compute(_ state: AppState, environment env: RenderEnvironment,
                               widths: ValueWidths? = nil) -> ScreenLayout {
        LayoutCount.layoutComputed()
        // A ConvTranspose2d's and a Conv1d's inspector lines are in their maps area, not in rows of their own.
        let inspectorLines = state.isInspecting && state.parameters.layerKind == .conv2d ? 2 : 0
        let screen = compute(state, environment: env, widths: widths, inspectorLines: inspectorLines)
        // The output's indices are what "output[0, 2, 3]" is looked up by: where the inspector's
        // second line is what keeps them off, its sentence takes one line instead.
        guard inspectorLines > 0, let output = screen.output, !output.axisLabels else { return screen }
        let tighter = compute(state, environment: env, widths: widths, inspectorLines: 1)
        guard let labelled = tighter.output, labelled.axisLabels, labelled.showsAsMuch(as: output),
              let input = tighter.input, let before = screen.input, input.showsAsMuch(as: before) else { return screen }
        return tighter
    }

    static func compute(_ state: AppState, environment env: RenderEnvironment, widths: ValueWidths?,
                        inspectorLines: Int) -> ScreenLayout {
        let cols = state.terminalSize.columns, rows = state.terminalSize.rows
        let p = state.parameters
        var widths = widths ?? .estimate(p)
        let tooSmall = cols < ScreenLayout.minimum.columns || rows < ScreenLayout.minimum.rows
        let formulaRows = state.familyFormulaRows(width: cols)
            ?? FormulaRows.arrange(p, glyphs: env.glyphs, language: env.language, width: cols)
        let formulaLines = formulaRows.count
        let hintsY = rows - 1
        let formulaY = hintsY - formulaLines
        let inspectorY = formulaY - inspectorLines
        let panelW = panelWidth(cols)
        let maps = Rect(x: panelW + 1, y: 1, width: cols - panelW - 1, height: inspectorY - 1)
        // As tall as the table, or as the room above the formulas; it scrolls when shorter.
        let panel = Rect(x: 0, y: 1, width: panelW, height: min(state.shownRows.count + 2, max(3, formulaY - 1)))
        let summary = Rect(x: 0, y: panel.maxY, width: panelW, height: max(0, inspectorY - panel.maxY))
        let valid = p.validate() == nil
        // The weights are measured only when their section is wanted (the maps' widths may
        // already carry them).
        let showsKernel = valid && state.wantsKernelSection && !tooSmall
        if showsKernel && widths.kernel == nil { widths = widths.withKernelScale(state.kernelScale) }
        // The zoom, cells and axis labels chosen for the maps, with or without the kernel section.
        func arrange(withKernel: Bool) -> (zoom: Zoom, input: SectionLayout, output: SectionLayout?, kernel: SectionLayout?) {
            typealias Sections = (SectionLayout, SectionLayout?, fits: Bool, kernel: SectionLayout?)
            func layout(_ zoom: Zoom, roomy: Bool = false, labels: (input: Bool, output: Bool) = (false, false)) -> Sections {
                let inGeo = MapGeometry(zoom: zoom, valueWidth: widths.input, environment: env, roomy: roomy)
                let outGeo = MapGeometry(zoom: zoom, valueWidth: widths.output, environment: env, roomy: roomy)
                let kernelGeo = MapGeometry(zoom: zoom, valueWidth: widths.kernel ?? 1, environment: env, roomy: roomy)
                return fit(state: state, maps: maps, inGeo: inGeo, outGeo: valid ? outGeo : nil,
                           kernelGeo: withKernel ? kernelGeo : nil, labels: labels,
                           widths: widths, glyphs: env.glyphs, language: env.language)
            }
            // Largest first; numbers try roomy cells before tight ones. If none fits, auto takes the
            // whole map, which is never cropped.
            let candidates: [(Zoom, Bool)] = state.zoomOverride.map { z in z == .numbers ? [(z, true), (z, false)] : [(z, false)] }
                ?? [(.large, false), (.numbers, true), (.numbers, false)]
            // The first candidate that fits is kept with its layout, so nothing is fitted twice.
            func firstFitting(labels: (input: Bool, output: Bool)) -> (zoom: Zoom, roomy: Bool, sections: Sections)? {
                for candidate in candidates {
                    let l = layout(candidate.0, roomy: candidate.1, labels: labels)
                    guard l.fits else { continue }
                    if candidate.1 {
                        // Roomy cells are worth it only if they do not push maps onto more rows.
                        let tight = layout(.numbers, labels: labels)
                        guard l.0.mapsPerRow >= tight.0.mapsPerRow, (l.1?.mapsPerRow ?? 0) >= (tight.1?.mapsPerRow ?? 0)
                        else { continue }
                    }
                    return (candidate.0, candidate.1, l)
                }
                return nil
            }
            // The course notebook's seaborn maps always carry their row and column indices: the
            // automatic zoom takes the largest cells that fit with them before larger ones without.
            let chosen = (state.zoomOverride == nil ? firstFitting(labels: (true, true)) : nil)
                ?? firstFitting(labels: (false, false))
            let zoom = chosen?.zoom ?? state.zoomOverride ?? .whole
            let roomy = chosen?.roomy ?? false
            var (input, output, _, kernel) = chosen?.sections ?? layout(zoom)
            // Axis labels where they cost no cropping or paging: both sections, else the output
            // (where "output[0, 2, 3]" is looked up), else the input.
            if zoom != .whole {
                for labels in [(true, true), (false, true), (true, false)] {
                    let l = layout(zoom, roomy: roomy, labels: labels)
                    let outputOK = switch (l.1, output) {
                    case (let new?, let old?): new.showsAsMuch(as: old)
                    default: true
                    }
                    if l.0.showsAsMuch(as: input) && outputOK { (input, output, kernel) = (l.0, l.1, l.kernel); break }
                }
            }
            return (zoom, input, output, kernel)
        }
        var arranged = arrange(withKernel: false)
        // The kernel section takes the rows the maps leave, at the largest zoom that fits
        // there; `w` shows it anyway, squeezing the maps, when they leave too few.
        if showsKernel {
            if let kernel = kernelInLeftover(state, arranged: arranged, maps: maps, widths: widths, environment: env) {
                arranged.kernel = kernel
                arranged.output = arranged.output?.movedDown(kernel.frame.height - 1)
            } else if state.kernelSection == true {
                arranged = arrange(withKernel: true)
            }
        }
        let (zoom, input, output, kernel) = arranged
        var screen = ScreenLayout(
            columns: cols, rows: rows, tooSmall: tooSmall, panel: panel, summary: summary, maps: maps,
            input: tooSmall ? nil : input, kernelLineY: kernel?.frame.y ?? input.frame.maxY,
            output: tooSmall ? nil : output, formulaY: formulaY, formulaLines: formulaLines,
            formula: FormulaRows.placement(formulaRows, y: formulaY, panelBottom: panel.maxY, p, glyphs: env.glyphs,
                                           language: env.language, width: cols),
            inspectorY: inspectorY, inspectorLines: inspectorLines, hintsY: hintsY,
            zoom: zoom, zoomIsAutomatic: state.zoomOverride == nil, glyphs: env.glyphs,
            language: env.language)
        screen.kernel = tooSmall ? nil : kernel
        screen.panelFirstRow = ParameterPanel.firstRow(selected: state.selected, visibleRows: panel.height - 2, rows: state.shownRows)
        screen.panelRows = state.shownRows
        // A Conv1d has no panels (none is painted), so none covers its maps.
        if let panel = state.panel, p.layerKind != .conv1d {
            let content = PanelOverlay.content(panel, state: state, layout: screen, glyphs: env.glyphs)
            screen.overlay = PanelBox(panel: panel, frame: content.frame, maxScroll: content.maxScroll)
        }
        if state.showHelp {
            let pages = HelpOverlay.pages(state.terminalSize, environment: env,
                                          rows: KeyMap.helpRows(env.glyphs, env.language, for: state))
            screen.help = pages.frame
            screen.helpPageCount = pages.count
        }
        return screen
    }


    /// How many channel pages a section has in this state (on the state's own device unless told).
    public static func pageCount(_ state: AppState, section: MapSection, environment env: RenderEnvironment? = nil) -> Int {
        compute(state, environment: env ?? state.environment).section(section)?.pageCount ?? 1
    }
}
