import ConvCore

/// Which group of maps: the input feature maps, the kernel's weights (one map per (out, in)
/// pair) or the output feature maps.
public enum MapSection: Sendable { case input, kernel, output }

/// Where one section's maps go and which part of them is visible.
public struct SectionLayout: Equatable, Sendable {
    public let section: MapSection
    /// The whole section: the header row(s), then rows of maps, each under a title row (and a
    /// row of column indices when the maps carry axis labels).
    public let frame: Rect
    public let geometry: MapGeometry
    public let channels: Int
    public let mapsPerRow: Int
    public let mapRowsPerPage: Int
    public let page: Int
    public let pageCount: Int
    /// Tensor size of each map, and the window of it that is visible.
    public let totalRows: Int, totalColumns: Int
    public let visibleRows: Int, visibleColumns: Int
    public let firstRow: Int, firstColumn: Int
    /// Rows and columns of zero padding drawn around each map (padded view), before row/column 0.
    public let padTop: Int, padLeft: Int
    /// 1, or 2 or 3 when the page marker and the scale do not fit in one row beside the title
    /// (`SectionHeader.arrangement`).
    public let headerRows: Int
    /// The header row holding the scale (the page marker is on the last row).
    public internal(set) var scaleRow = 0
    /// Row indices left of each map and column indices over it (numbers and large zoom).
    public let axisLabels: Bool
    /// Characters of the scale text ("scale 0–162") in the header, which stays whole.
    public internal(set) var scaleWidth = 0

    public var channelsPerPage: Int { mapsPerRow * mapRowsPerPage }
    public var firstChannel: Int { page * channelsPerPage }
    public var lastChannel: Int { min(channels, firstChannel + channelsPerPage) - 1 }
    public var isCropped: Bool { visibleRows < totalRows || visibleColumns < totalColumns }
    public var isPaged: Bool { pageCount > 1 }
    /// Width of one map's cells on screen.
    public var mapWidth: Int { geometry.width(columns: visibleColumns) }
    public var mapHeight: Int { geometry.height(rows: visibleRows) }
    /// Rows of the tensor itself (padding excluded): what the row labels count.
    public var tensorRows: Int { totalRows - 2 * padTop }
    public var tensorColumns: Int { totalColumns - 2 * padLeft }
    /// The row-index gutter left of each map: the widest index and a space (0 without labels).
    public var gutter: Int { axisLabels ? Self.gutterWidth(tensorRows: tensorRows) : 0 }
    public var labelRows: Int { axisLabels ? 1 : 0 }
    /// A map with its gutter, and with its title and label rows.
    public var slotWidth: Int { gutter + mapWidth }
    public var slotHeight: Int { 1 + labelRows + mapHeight }
    /// Columns between maps side by side.
    public static let gap = 2

    static func gutterWidth(tensorRows: Int) -> Int { String(max(0, tensorRows - 1)).count + 1 }

    /// Every k-th column index is written over the map, k the smallest at which neighbouring
    /// indices keep a space between them (seaborn's automatic ticks: all of them when they fit).
    public var columnLabelStep: Int {
        let widest = String(max(0, tensorColumns - 1)).count
        return max(1, (widest + 1 + geometry.cellWidth - 1) / geometry.cellWidth)
    }

    /// Top-left corner of the map cells of `channel` (which must be on this page).
    public func origin(ofChannel channel: Int) -> (x: Int, y: Int) {
        let slot = slot(ofChannel: channel)
        return (slot.x + gutter, slot.y + 1 + labelRows)
    }

    /// Top-left corner of the slot of `channel`: its title row, above the gutter.
    public func slot(ofChannel channel: Int) -> (x: Int, y: Int) {
        let i = channel - firstChannel
        let row = i / mapsPerRow, column = i % mapsPerRow
        return (frame.x + column * (slotWidth + Self.gap), frame.y + headerRows + row * slotHeight)
    }

    /// "ch 0–1 of 3 [ ]" when the channels are paged.
    public func pageMarker(_ g: Glyphs, _ lang: Language) -> String? {
        guard isPaged else { return nil }
        let shown = firstChannel == lastChannel ? "\(firstChannel)" : "\(firstChannel)\(g.dash)\(lastChannel)"
        return section == .kernel ? KernelSectionText.pageMarker(lang, shown: shown, of: channels)
            : ScreenText.pageMarker(lang, shown: shown, of: channels)
    }

    /// "1 cell = 16×16 (mean)" and a shorter wording, when whole-map cells stand for blocks.
    public func blockNote(_ g: Glyphs, _ lang: Language) -> [String] {
        let b = geometry.block
        guard geometry.zoom == .whole, b > 1 else { return [] }
        return ScreenText.blockNote(lang, g, block: b)
    }

    /// The same section `dy` rows lower (below a kernel section that takes the rows).
    func movedDown(_ dy: Int) -> SectionLayout {
        var moved = SectionLayout(
            section: section, frame: Rect(x: frame.x, y: frame.y + dy, width: frame.width, height: frame.height),
            geometry: geometry, channels: channels, mapsPerRow: mapsPerRow, mapRowsPerPage: mapRowsPerPage, page: page,
            pageCount: pageCount, totalRows: totalRows, totalColumns: totalColumns, visibleRows: visibleRows,
            visibleColumns: visibleColumns, firstRow: firstRow, firstColumn: firstColumn, padTop: padTop, padLeft: padLeft,
            headerRows: headerRows, axisLabels: axisLabels)
        moved.scaleWidth = scaleWidth
        moved.scaleRow = scaleRow
        return moved
    }

    /// Whether this layout shows at least as much as `base`: no cropping or paging that `base`
    /// does not have already. Axis labels are added only on these terms.
    func showsAsMuch(as base: SectionLayout) -> Bool {
        (!isCropped || base.isCropped) && (!isPaged || base.isPaged)
    }
}

/// Every region of the screen for a state and terminal size; shared by the TUI and the exporters.
public struct ScreenLayout: Equatable, Sendable {
    public let columns: Int, rows: Int
    /// Set when the window is smaller than `minimum`; nothing else is laid out then.
    public let tooSmall: Bool
    public let panel: Rect
    public let summary: Rect
    public let maps: Rect
    public let input: SectionLayout?
    public let kernelLineY: Int
    public let output: SectionLayout?
    /// The kernel's weights between the input and the output, when shown; its header row is
    /// the kernel line.
    public internal(set) var kernel: SectionLayout?
    public let formulaY: Int
    public let formulaLines: Int
    /// The formula's rows as drawn and where (squeezed into one row in a short window).
    public let formula: FormulaPlacement
    /// The inspector's status lines (the written-out sum), just above the formulas.
    public let inspectorY: Int
    public let inspectorLines: Int
    /// Where the inspector's lines go: the full width, or beside the parameter panel when the
    /// window is so short that the lines reach the panel's rows.
    public var inspector: Rect {
        let besidePanel = inspectorY < panel.maxY
        return Rect(x: besidePanel ? maps.x : 1, y: inspectorY,
                    width: besidePanel ? maps.width : columns - 2, height: inspectorLines)
    }
    public let hintsY: Int
    public let zoom: Zoom
    public let zoomIsAutomatic: Bool
    /// The glyphs the screen is drawn with (they size the header's separators).
    public let glyphs: Glyphs
    /// The table row drawn first in the parameter panel: it scrolls to keep the selected row
    /// in view when the window is too short for every row.
    public internal(set) var panelFirstRow = 0
    /// The language the screen speaks (the header and panel texts it sizes are in it).
    public let language: Language
    /// The open teaching panel and its box, if any.
    public internal(set) var overlay: PanelBox?
    /// The help overlay's box while the help is shown.
    public internal(set) var help: Rect?
    /// The help's pages while it is shown (0 otherwise).
    public internal(set) var helpPageCount = 0
    /// The map sections, top to bottom: the input, the kernel (when shown), then the output.
    public var sections: [SectionLayout] { [input, kernel, output].compactMap { $0 } }
    /// The section of a kind, if it is laid out.
    public func section(_ which: MapSection) -> SectionLayout? {
        switch which {
        case .input: input
        case .kernel: kernel
        case .output: output
        }
    }
    /// How far one Shift-arrow scrolls, in elements: the visible width (height) of the cropped
    /// maps, the narrower section's when both are cropped, so neither skips a column.
    public var scrollPage: (columns: Int, rows: Int) {
        let sections = self.sections
        let columns = sections.filter { $0.visibleColumns < $0.totalColumns }.map(\.visibleColumns).min()
        let rows = sections.filter { $0.visibleRows < $0.totalRows }.map(\.visibleRows).min()
        return (max(1, columns ?? 1), max(1, rows ?? 1))
    }
    /// What the status line says: "zoom auto (numbers)", "zoom whole map".
    public var zoomStatus: String { NoticeText.notice(zoomNotice, language, glyphs) }
    /// The zoom in use as a notice.
    public var zoomNotice: Notice { .zoom(zoom, automatic: zoomIsAutomatic) }

    /// The smallest window convscope draws in.
    public static let minimum = TerminalSize(columns: 50, rows: 17)
}

/// A teaching panel and the box it is drawn in.
public struct PanelBox: Equatable, Sendable {
    public let panel: Panel
    public let frame: Rect
    /// The largest useful scroll offset: lines that do not fit the box.
    public let maxScroll: Int
}

/// The widest value of each section, used to size number cells, and the width of each
/// section's scale text ("scale 0–162"), which the header keeps whole.
public struct ValueWidths: Equatable, Sendable {
    public var input: Int, output: Int
    public var inputScale: Int, outputScale: Int
    /// The weights' widest value and scale text; nil until measured (`measuringKernel`).
    public var kernel: Int?, kernelScale = 0
    public init(input: Int, output: Int, inputScale: Int = 0, outputScale: Int = 0) {
        self.input = input; self.output = output
        self.inputScale = inputScale; self.outputScale = outputScale
    }

    /// These widths with the kernel's measured from its slices [1, pairs, kH, kW].
    public func measuringKernel(_ kernels: FeatureMaps) -> ValueWidths {
        withKernelScale(KernelSectionView.measuredScale(kernels))
    }

    /// These widths with the kernel of `p` measured: built once per kernel and shape, however
    /// often it is laid out (every frame while its maps compute; 64×64×32×32 random weights take
    /// 30–45 ms to build).
    func measuringKernel(of p: Conv2dSettings) -> ValueWidths {
        withKernelScale(KernelScaleCache.shared.scale(of: p))
    }

    private func withKernelScale(_ scale: MapScale) -> ValueWidths {
        var w = self
        w.kernel = max(NumberText.cell(scale.vmin).count, NumberText.cell(scale.vmax).count)
        w.kernelScale = KernelSectionText.scale(scale, .en, .unicodeSet).count
        return w
    }

    /// Widths from bounds alone (before the output is computed): the ramp's top value and
    /// that value times the number of taps, which bounds any output of an all-ones kernel.
    public static func estimate(_ p: Conv2dSettings) -> ValueWidths {
        let top = max(0, p.wIn - 1)
        let bound = top * p.inChannels * p.kernelSizeH * p.kernelSizeW
        let scale = "scale 0-".count
        return ValueWidths(input: String(top).count, output: String(bound).count,
                           inputScale: scale + NumberText.cell(p.inputScaleMax ?? 1).count,
                           outputScale: scale + String(bound).count)
    }
}

public enum Layout {
    /// Panel width for a window width: the slider bar shrinks on narrow windows.
    static func panelWidth(_ columns: Int) -> Int { columns >= 110 ? 31 : 27 }

    /// Lays out the screen. `widths` come from the computed maps when available.
    public static func compute(_ state: AppState, environment env: RenderEnvironment,
                               widths: ValueWidths? = nil) -> ScreenLayout {
        let screen = compute(state, environment: env, widths: widths, inspectorLines: state.isInspecting ? 2 : 0)
        // The output's indices are what "output[0, 2, 3]" is looked up by: where the inspector's
        // second line is what keeps them off, its sentence takes one line instead.
        guard state.isInspecting, let output = screen.output, !output.axisLabels else { return screen }
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
        let formulaRows = FormulaRows.arrange(p, glyphs: env.glyphs, language: env.language, width: cols)
        let formulaLines = formulaRows.count
        let hintsY = rows - 1
        let formulaY = hintsY - formulaLines
        let inspectorY = formulaY - inspectorLines
        let panelW = panelWidth(cols)
        let maps = Rect(x: panelW + 1, y: 1, width: cols - panelW - 1, height: inspectorY - 1)
        // As tall as the table, or as the room above the formulas; it scrolls when shorter.
        let panel = Rect(x: 0, y: 1, width: panelW, height: min(ParameterPanel.height, max(3, formulaY - 1)))
        let summary = Rect(x: 0, y: panel.maxY, width: panelW, height: max(0, inspectorY - panel.maxY))
        let valid = p.validate() == nil
        // The weights are measured only when their section is wanted (the maps' widths may
        // already carry them).
        let showsKernel = valid && state.wantsKernelSection && !tooSmall
        if showsKernel && widths.kernel == nil { widths = widths.measuringKernel(of: p) }
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
        screen.panelFirstRow = ParameterPanel.firstRow(selected: state.selected, visibleRows: panel.height - 2)
        if let panel = state.panel {
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

    /// Splits the maps area between the input section, the kernel line (or the kernel section,
    /// whose header it becomes) and the output section.
    static func fit(state: AppState, maps: Rect, inGeo: MapGeometry, outGeo: MapGeometry?,
                    kernelGeo: MapGeometry? = nil,
                    labels: (input: Bool, output: Bool) = (false, false), widths: ValueWidths = ValueWidths(input: 1, output: 1),
                    glyphs: Glyphs = .unicodeSet, language: Language)
        -> (SectionLayout, SectionLayout?, fits: Bool, kernel: SectionLayout?)
    {
        let p = state.parameters
        let outShape = p.outputShape
        let kernelHeight = kernelGeo.map { kernelSectionHeight($0, shape: p.kernelShape, maps: maps) } ?? 0
        // The kernel line, or the kernel section that starts with it.
        let available = maps.height - max(1, kernelHeight)
        // The ring as applied: 'same' may pad one more at the bottom and right.
        let h = p.paddedHeight.padding, w = p.paddedWidth.padding
        let padTop = state.showsPadding ? h.before : 0, padLeft = state.showsPadding ? w.before : 0
        let inRows = p.hIn + (state.showsPadding ? h.total : 0), inColumns = p.wIn + (state.showsPadding ? w.total : 0)
        let inHeader = headerRows(lead: lead(.input, p.inputShape, glyphs, language), width: maps.width,
                                  scaleWidth: widths.inputScale, glyphs: glyphs)
        let inFull = fullHeight(inGeo, channels: p.inChannels, rows: inRows, columns: inColumns, width: maps.width,
                                labelledRows: labels.input ? p.hIn : nil, headerRows: inHeader)
        // The error message needs a few rows even without an output.
        let outFull = outShape.map {
            fullHeight(outGeo!, channels: $0[1], rows: $0[2], columns: $0[3], width: maps.width,
                       labelledRows: labels.output ? $0[2] : nil,
                       headerRows: headerRows(lead: lead(.output, $0, glyphs, language), width: maps.width,
                                              scaleWidth: widths.outputScale, glyphs: glyphs))
        } ?? 4
        var inHeight = inFull, outHeight = outFull
        if inFull + outFull > available {
            inHeight = max(2 + inHeader, min(inFull, available / 2))
            outHeight = available - inHeight
            if outHeight > outFull { inHeight += outHeight - outFull; outHeight = outFull }
            inHeight = min(inHeight, inFull)
        }
        let inRect = Rect(x: maps.x, y: maps.y, width: maps.width, height: inHeight)
        let input = section(.input, geometry: inGeo, frame: inRect, channels: p.inChannels,
                            rows: inRows, columns: inColumns, page: state.inputPage, state: state,
                            padTop: padTop, padLeft: padLeft, labels: labels.input,
                            scaleWidth: widths.inputScale, lead: lead(.input, p.inputShape, glyphs, language),
                            glyphs: glyphs, language: language)
        let kernelRect = Rect(x: maps.x, y: inRect.maxY, width: maps.width, height: kernelHeight)
        let kernel = kernelHeight == 0 ? nil : kernelGeo.map { g in
            let k = p.kernelShape
            return section(.kernel, geometry: g, frame: kernelRect, channels: k[0] * k[1], rows: k[2], columns: k[3],
                           page: state.kernelPage, state: state, scaleWidth: widths.kernelScale,
                           lead: lead(.kernel, k, glyphs, language), glyphs: glyphs, language: language)
        }
        let outRect = Rect(x: maps.x, y: inRect.maxY + max(1, kernelHeight), width: maps.width, height: outHeight)
        let output = outShape.map {
            section(.output, geometry: outGeo!, frame: outRect, channels: $0[1], rows: $0[2], columns: $0[3],
                    page: state.outputPage, state: state, labels: labels.output,
                    scaleWidth: widths.outputScale, lead: lead(.output, $0, glyphs, language),
                    glyphs: glyphs, language: language)
        }
        // The kernel section pages and crops on its own: it never makes the maps' zoom smaller.
        let fits = !input.isCropped && !input.isPaged && !(output?.isCropped ?? false)
            && !(output?.isPaged ?? false) && maps.width > 0
        return (input, output, fits, kernel)
    }

    /// The kernel section in the rows below the input that the maps leave free (the kernel line's
    /// row included): the largest zoom, no larger than the maps' (numbers at least), whose
    /// section is not cropped and draws one weight per cell. nil when none fits.
    static func kernelInLeftover(_ state: AppState, arranged: (zoom: Zoom, input: SectionLayout, output: SectionLayout?, kernel: SectionLayout?),
                                 maps: Rect, widths: ValueWidths, environment env: RenderEnvironment) -> SectionLayout? {
        let k = state.parameters.kernelShape
        let room = maps.height - arranged.input.frame.height - (arranged.output?.frame.height ?? 0)
        let zooms: [Zoom] = arranged.zoom == .large ? [.large, .numbers, .whole] : [.numbers, .whole]
        for zoom in zooms {
            let g = MapGeometry(zoom: zoom, valueWidth: widths.kernel ?? 1, environment: env, roomy: zoom == .numbers)
            // A header, a title and one map at least (a second header row shows up as cropping).
            guard k[0] * k[1] > 0, 1 + 1 + g.height(rows: k[2]) <= room else { continue }
            let full = fullHeight(g, channels: k[0] * k[1], rows: k[2], columns: k[3], width: maps.width)
            let frame = Rect(x: maps.x, y: arranged.input.frame.maxY, width: maps.width, height: min(full, room))
            let kernel = section(.kernel, geometry: g, frame: frame, channels: k[0] * k[1], rows: k[2], columns: k[3],
                                 page: state.kernelPage, state: state, scaleWidth: widths.kernelScale,
                                 lead: lead(.kernel, k, env.glyphs, env.language), glyphs: env.glyphs, language: env.language)
            if !kernel.isCropped && kernel.geometry.block == 1 { return kernel }
        }
        return nil
    }

    /// Rows the kernel section takes: every pair when they fit in a third of the maps area, else
    /// that third (paged), at least one row of maps; 0 (no section) when even one row of maps
    /// would take more than half the area.
    static func kernelSectionHeight(_ g: MapGeometry, shape k: [Int], maps: Rect) -> Int {
        // Two header rows (the kernel line, then the page marker when it does not fit beside it),
        // a title and a map: the whole kernel at one weight per cell.
        let oneRow = 2 + 1 + g.height(rows: k[2])
        guard k[0] * k[1] > 0, oneRow * 2 <= maps.height else { return 0 }
        let full = fullHeight(g, channels: k[0] * k[1], rows: k[2], columns: k[3], width: maps.width)
        return min(full, max(oneRow, maps.height / 3))
    }

    /// How many maps of `mapWidth` fit side by side, gaps included (at least one).
    static func mapsPerRow(width: Int, mapWidth: Int, channels: Int) -> Int {
        max(1, min(channels, (width + SectionLayout.gap) / (mapWidth + SectionLayout.gap)))
    }

    /// Height of a section showing every channel without paging (the whole map at one element
    /// per cell). `labelledRows` is the tensor's row count when the maps carry axis labels.
    static func fullHeight(_ g: MapGeometry, channels: Int, rows: Int, columns: Int, width: Int,
                           labelledRows: Int? = nil, headerRows: Int = 1) -> Int {
        let gutter = labelledRows.map { SectionLayout.gutterWidth(tensorRows: $0) } ?? 0
        let mapW = gutter + g.width(columns: columns)
        let perRow = mapsPerRow(width: width, mapWidth: mapW, channels: channels)
        let mapRows = (channels + perRow - 1) / perRow
        return headerRows + mapRows * (1 + (labelledRows == nil ? 0 : 1) + g.height(rows: rows))
    }

    /// Header rows of an unpaged section: more than one where its title's leading words (`lead`,
    /// "input 1×3×8×8") and its scale do not share one.
    static func headerRows(lead: String, width: Int, scaleWidth: Int, glyphs: Glyphs) -> Int {
        SectionHeader.arrangement(width: width, lead: lead, marker: nil, scaleWidth: scaleWidth,
                                  separator: " \(glyphs.dot) ").rows
    }

    /// A section's title's leading words on the single-layer screen: "input 1×3×8×8".
    static func lead(_ which: MapSection, _ shape: [Int], _ glyphs: Glyphs, _ language: Language) -> String {
        ScreenText.sectionTitle(which, shape: shape, language, glyphs)
    }

    /// Places the maps of one section inside `frame`: wrap, page and crop as needed. The header
    /// takes more rows when the page marker and the scale (`scaleWidth` characters) do not fit in
    /// one beside the title's leading words (`lead`, e.g. "input 1×3×8×8"). Maps of counts
    /// (`everyElement`) keep one cell per element at the whole-map zoom, cropped and scrolled:
    /// a block mean would average a pattern such as a checkerboard away.
    static func section(_ which: MapSection, geometry g: MapGeometry, frame: Rect, channels: Int,
                        rows: Int, columns: Int, page: Int, state: AppState,
                        padTop: Int = 0, padLeft: Int = 0, labels: Bool = false,
                        scaleWidth: Int = 0, lead: String = "", everyElement: Bool = false,
                        glyphs: Glyphs = .unicodeSet, language: Language) -> SectionLayout {
        let one = place(which, geometry: g, frame: frame, channels: channels, rows: rows, columns: columns, page: page,
                        state: state, padTop: padTop, padLeft: padLeft, labels: labels, headerRows: 1, everyElement: everyElement,
                        scaleWidth: scaleWidth)
        let header = SectionHeader.arrangement(width: frame.width, lead: lead, marker: one.pageMarker(glyphs, language),
                                               scaleWidth: scaleWidth, separator: " \(glyphs.dot) ")
        guard header.rows > 1 else { return one }
        func placed(_ arrangement: (rows: Int, scaleRow: Int)) -> SectionLayout {
            var placed = place(which, geometry: g, frame: frame, channels: channels, rows: rows, columns: columns, page: page,
                               state: state, padTop: padTop, padLeft: padLeft, labels: labels, headerRows: arrangement.rows,
                               everyElement: everyElement,
                               scaleWidth: scaleWidth)
            placed.scaleRow = arrangement.scaleRow
            return placed
        }
        func arrangement(of layout: SectionLayout) -> (rows: Int, scaleRow: Int) {
            SectionHeader.arrangement(width: frame.width, lead: lead, marker: layout.pageMarker(glyphs, language),
                                      scaleWidth: scaleWidth, separator: " \(glyphs.dot) ")
        }
        // With rows taken by the header the maps may no longer be paged, and fewer rows do.
        let more = placed(header)
        let fewer = arrangement(of: more)
        guard fewer.rows < header.rows else { return more }
        let refined = placed(fewer)
        return arrangement(of: refined).rows <= fewer.rows ? refined : more
    }

    static func place(_ which: MapSection, geometry g: MapGeometry, frame: Rect, channels: Int,
                      rows: Int, columns: Int, page: Int, state: AppState,
                      padTop: Int, padLeft: Int, labels: Bool, headerRows: Int, everyElement: Bool = false,
                      scaleWidth: Int) -> SectionLayout {
        let labels = labels && g.zoom != .whole
        let labelRows = labels ? 1 : 0
        let gutter = labels ? SectionLayout.gutterWidth(tensorRows: rows - 2 * padTop) : 0
        let mapRoom = max(1, frame.height - headerRows - 1 - labelRows)  // header, title and label rows
        var g = g
        if g.zoom == .whole && !everyElement {
            // The smallest block that shows the whole map in the room one map has.
            g = g.withBlock(MapGeometry.smallestBlock(rows: rows, columns: columns, width: frame.width,
                                                      height: mapRoom, halfBlocks: g.halfBlocks))
        }
        var visibleColumns = max(1, min(columns, g.columnsFitting(frame.width - gutter)))
        // A cropped map keeps one column free for the arrow that says more is to the right.
        if visibleColumns < columns { visibleColumns = max(1, g.columnsFitting(frame.width - gutter - 1)) }
        let slotW = gutter + g.width(columns: visibleColumns)
        let perRow = mapsPerRow(width: frame.width, mapWidth: slotW, channels: channels)
        var visibleRows = max(1, min(rows, g.rowsFitting(mapRoom)))
        if visibleRows < rows { visibleRows = max(1, g.rowsFitting(mapRoom - 1)) }
        let slotH = 1 + labelRows + g.height(rows: visibleRows)
        let mapRowsPerPage = max(1, min((channels + perRow - 1) / perRow, (frame.height - headerRows) / slotH))
        let perPage = perRow * mapRowsPerPage
        let pageCount = max(1, (channels + perPage - 1) / perPage)
        var page = page, firstColumn = min(state.scrollX, columns - visibleColumns)
        var firstRow = min(state.scrollY, rows - visibleRows)
        // The page and the scroll follow the inspector's cursor, so it is always on screen.
        let cursor = state.pinnedCell(which)
        if let cursor {
            page = cursor.channel / perPage
            let y = cursor.y + padTop, x = cursor.x + padLeft
            if y < firstRow || y >= firstRow + visibleRows { firstRow = max(0, min(y - visibleRows / 2, rows - visibleRows)) }
            if x < firstColumn || x >= firstColumn + visibleColumns {
                firstColumn = max(0, min(x - visibleColumns / 2, columns - visibleColumns))
            }
        }
        return SectionLayout(
            section: which, frame: frame, geometry: g, channels: channels, mapsPerRow: perRow,
            mapRowsPerPage: mapRowsPerPage, page: min(max(0, page), pageCount - 1), pageCount: pageCount,
            totalRows: rows, totalColumns: columns, visibleRows: visibleRows, visibleColumns: visibleColumns,
            firstRow: max(0, firstRow), firstColumn: max(0, firstColumn), padTop: padTop, padLeft: padLeft,
            headerRows: headerRows, axisLabels: labels, scaleWidth: scaleWidth)
    }
}
