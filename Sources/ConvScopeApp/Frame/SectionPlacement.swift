import ConvCore

/// Placing map sections in a maps area: how many maps a row holds, the zoom and crop that fit,
/// the header rows a section needs; the course screen and the model screen both place with it.
extension Layout {
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
                            rows: inRows, columns: inColumns, page: state.inputPage, scrollX: state.scrollX, scrollY: state.scrollY, cursor: state.pinnedCell(.input),
                            padTop: padTop, padLeft: padLeft, labels: labels.input,
                            scaleWidth: widths.inputScale, lead: lead(.input, p.inputShape, glyphs, language),
                            glyphs: glyphs, language: language)
        let kernelRect = Rect(x: maps.x, y: inRect.maxY, width: maps.width, height: kernelHeight)
        let kernel = kernelHeight == 0 ? nil : kernelGeo.map { g in
            let k = p.kernelShape
            return section(.kernel, geometry: g, frame: kernelRect, channels: k[0] * k[1], rows: k[2], columns: k[3],
                           page: state.kernelPage, scrollX: state.scrollX, scrollY: state.scrollY, cursor: nil, scaleWidth: widths.kernelScale,
                           lead: lead(.kernel, k, glyphs, language), glyphs: glyphs, language: language)
        }
        let outRect = Rect(x: maps.x, y: inRect.maxY + max(1, kernelHeight), width: maps.width, height: outHeight)
        let output = outShape.map {
            section(.output, geometry: outGeo!, frame: outRect, channels: $0[1], rows: $0[2], columns: $0[3],
                    page: state.outputPage, scrollX: state.scrollX, scrollY: state.scrollY, cursor: state.pinnedCell(.output), labels: labels.output,
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
                                 page: state.kernelPage, scrollX: state.scrollX, scrollY: state.scrollY, cursor: nil, scaleWidth: widths.kernelScale,
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
                        rows: Int, columns: Int, page: Int, scrollX: Int, scrollY: Int, cursor: CellCursor?,
                        padTop: Int = 0, padLeft: Int = 0, labels: Bool = false,
                        scaleWidth: Int = 0, lead: String = "", everyElement: Bool = false,
                        glyphs: Glyphs = .unicodeSet, language: Language) -> SectionLayout {
        let one = place(which, geometry: g, frame: frame, channels: channels, rows: rows, columns: columns, page: page,
                        scrollX: scrollX, scrollY: scrollY, cursor: cursor, padTop: padTop, padLeft: padLeft, labels: labels, headerRows: 1, everyElement: everyElement,
                        scaleWidth: scaleWidth)
        let header = SectionHeader.arrangement(width: frame.width, lead: lead, marker: one.pageMarker(glyphs, language),
                                               scaleWidth: scaleWidth, separator: " \(glyphs.dot) ")
        guard header.rows > 1 else { return one }
        func placed(_ arrangement: (rows: Int, scaleRow: Int)) -> SectionLayout {
            var placed = place(which, geometry: g, frame: frame, channels: channels, rows: rows, columns: columns, page: page,
                               scrollX: scrollX, scrollY: scrollY, cursor: cursor, padTop: padTop, padLeft: padLeft, labels: labels,
                               headerRows: arrangement.rows,
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
                      rows: Int, columns: Int, page: Int, scrollX: Int, scrollY: Int, cursor: CellCursor?,
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
        var page = page, firstColumn = min(scrollX, columns - visibleColumns)
        var firstRow = min(scrollY, rows - visibleRows)
        // The page and the scroll follow the inspector's cursor, so it is always on screen.
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
