import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// A screen as the TUI draws it, with the layout `view` used for it.
private func screen(_ p: ConvParameters = ConvParameters(), columns: Int, rows: Int,
                    environment env: RenderEnvironment = RenderEnvironment(language: .en), maps: ComputedMaps? = nil,
                    configure: (inout AppState) -> Void = { _ in }) -> (state: AppState, layout: ScreenLayout, canvas: Canvas) {
    var state = sizedState(p, columns: columns, rows: rows)
    state.environment = env
    configure(&state)
    let maps = maps ?? (try! ComputedMaps(ConvExperiment(state.parameters)))
    return (state, Layout.compute(state, environment: env, widths: maps.widths), view(state, maps: maps, environment: env))
}

private func parameters(h: Int = 8, w: Int = 8, cin: Int = 3, cout: Int = 2, k: Int = 3, padding: Int = 0) -> ConvParameters {
    var p = ConvParameters()
    p.hIn = h; p.wIn = w; p.inChannels = cin; p.outChannels = cout
    p.kernelSizeH = k; p.kernelSizeW = k; p.paddingH = padding; p.paddingW = padding
    return p
}

private let noColor = RenderEnvironment(colorDepth: .none, unicode: true, language: .en)

@Suite("Whole-map zoom")
struct WholeMapTests {
    /// `render --format text --size 120x40 --h-in 1024 --w-in 1024`: every row and column of each
    /// map is drawn as block means, and the header says the block size.
    @Test func aMegapixelMapIsDrawnWhole() {
        let (_, layout, canvas) = screen(parameters(h: 1024, w: 1024), columns: 120, rows: 40)
        assertSnapshot(canvas.text, named: "whole-1024x1024-120x40")
        #expect(layout.zoom == .whole)
        for section in [layout.input!, layout.output!] {
            let b = section.geometry.block
            #expect(b > 1)
            #expect(!section.isCropped)
            // The header names the block size.
            let header = canvas.line(section.frame.y)
            #expect(header.contains("1 cell = \(b)×\(b) (mean)"), "\(header)")
            // Columns drawn: the run of half blocks from the map's corner is ⌈n/B⌉ long.
            let origin = section.origin(ofChannel: section.firstChannel)
            let n = section.totalColumns
            var columns = 0
            while canvas[origin.x + columns, origin.y].character == "▀" { columns += 1 }
            #expect(columns == (n + b - 1) / b, "\(columns) columns for \(n) elements in blocks of \(b)")
            // Rows drawn: two blocks per character row, so ⌈⌈n/B⌉/2⌉ rows of half blocks.
            var rows = 0
            while canvas[origin.x, origin.y + rows].character == "▀" { rows += 1 }
            #expect(rows == ((section.totalRows + b - 1) / b + 1) / 2)
        }
    }

    /// Without colour there are no half blocks: one shade glyph per block, so the count of map
    /// rows drawn is exactly ⌈1024/B⌉ too.
    @Test func aMegapixelMapIsDrawnWholeWithoutColour() {
        let (_, layout, canvas) = screen(parameters(h: 1024, w: 1024), columns: 120, rows: 40, environment: noColor)
        let input = layout.input!
        let b = input.geometry.block
        let expected = (1024 + b - 1) / b
        #expect(input.mapWidth == expected && input.mapHeight == expected)
        let origin = input.origin(ofChannel: 0)
        let ramp: Set<Character> = [" ", "░", "▒", "▓", "█"]
        for row in 0..<expected {
            let line = Array(canvas.line(origin.y + row))
            #expect(line[origin.x..<(origin.x + expected)].allSatisfy(ramp.contains))
        }
        // The ramp grows along x: the first block is the lightest shade, the last the darkest.
        #expect(canvas[origin.x, origin.y].character == " ")
        #expect(canvas[origin.x + expected - 1, origin.y].character == "█")
    }

    /// B is the smallest that fits: one less and the map would not fit the room it has.
    @Test(arguments: [(1024, 1024, 1, 120, 40), (1024, 37, 3, 80, 24), (3, 1024, 3, 80, 24), (1, 1, 3, 50, 17),
                      (1024, 1024, 64, 120, 40), (300, 500, 7, 50, 17), (1000, 999, 2, 200, 60)])
    func theBlockIsTheSmallestThatFits(h: Int, w: Int, cin: Int, columns: Int, rows: Int) {
        let (_, layout, canvas) = screen(parameters(h: h, w: w, cin: cin, k: 1), columns: columns, rows: rows) {
            $0.zoomOverride = .whole
        }
        #expect(canvas.lines.allSatisfy { $0.count == columns })
        for section in [layout.input!, layout.output!] {
            let g = section.geometry
            #expect(!section.isCropped)
            let room = section.frame.height - section.headerRows - 1
            #expect(g.height(rows: section.totalRows) <= room && g.width(columns: section.totalColumns) <= section.frame.width)
            if g.block > 1 {
                let smaller = g.withBlock(g.block - 1)
                #expect(smaller.height(rows: section.totalRows) > room || smaller.width(columns: section.totalColumns) > section.frame.width)
            }
        }
    }

    /// Block means on a 5×7 map with value 10·y + x and B = 2. Blocks start at multiples of B; at
    /// the right and bottom edges they are clipped to the map and the mean is over the elements
    /// the block holds (a 2×1, 1×2 or 1×1 block divides by 2, 2 or 1, not by 4).
    @Test func blockMeansAreMeansOfTheElementsTheBlockHolds() {
        let h = 5, w = 7
        let tensor = Tensor4(shape: [1, 1, h, w], storage: (0..<(h * w)).map { Float(10 * ($0 / w) + $0 % w) })
        let g = MapGeometry(zoom: .whole, valueWidth: 2, environment: RenderEnvironment(language: .en), block: 2)
        let layout = SectionLayout(
            section: .input, frame: Rect(x: 0, y: 0, width: 40, height: 10), geometry: g, channels: 1, mapsPerRow: 1,
            mapRowsPerPage: 1, page: 0, pageCount: 1, totalRows: h, totalColumns: w, visibleRows: h, visibleColumns: w,
            firstRow: 0, firstColumn: 0, padTop: 0, padLeft: 0, headerRows: 1, axisLabels: false)
        let view = HeatmapView(tensor: FeatureMaps(tensor), channel: 0, scale: MapScale(minimum: 0, maximum: 46), colormap: .named(.rocket), layout: layout,
                               environment: RenderEnvironment(language: .en))
        let means = view.blockLooks().map { $0.map(\.value) }
        #expect(means == [
            [5.5, 7.5, 9.5, 11],   // rows 0–1: (0+1+10+11)/4, (2+3+12+13)/4, (4+5+14+15)/4, (6+16)/2
            [25.5, 27.5, 29.5, 31], // rows 2–3: …, (26+36)/2
            [40.5, 42.5, 44.5, 46], // row 4 alone: (40+41)/2, (42+43)/2, (44+45)/2, 46/1
        ])
        // Colours follow the map's own scale (vmin 0, vmax = map max) applied to the mean.
        let rocket = Colormap.named(.rocket)
        #expect(view.blockLooks()[0][0].lut == rocket.index(for: 5.5, vmin: 0, vmax: 46))
        // In the padded view padding counts as the zeros it is; a block of padding only is padding.
        let padded = SectionLayout(
            section: .input, frame: layout.frame, geometry: g, channels: 1, mapsPerRow: 1, mapRowsPerPage: 1, page: 0,
            pageCount: 1, totalRows: h + 2, totalColumns: w + 2, visibleRows: h + 2, visibleColumns: w + 2,
            firstRow: 0, firstColumn: 0, padTop: 1, padLeft: 1, headerRows: 1, axisLabels: false)
        let paddedLooks = HeatmapView(tensor: FeatureMaps(tensor), channel: 0, scale: MapScale(minimum: 0, maximum: 46), colormap: rocket, layout: padded,
                                      environment: RenderEnvironment(language: .en)).blockLooks()
        #expect(paddedLooks[0][0].value == 0 / 4 + Float(0) / 4)  // padding ×3 and element (0,0) = 0
        #expect(paddedLooks[0][1].value == Float(1 + 2) / 4)       // padding ×2, elements 1 and 2
        #expect(paddedLooks[0][0].kind == .value)
        #expect(paddedLooks[3][4].kind == .padding, "the bottom-right corner block holds padding only")
    }

    /// At B > 1 the inspector still marks what it means: the block holding the cursor stands out
    /// from its own colour, and blocks holding a tap are yellow in every input channel.
    @Test func theInspectorMarksBlocks() {
        let (_, layout, canvas) = screen(parameters(h: 1024, w: 1024), columns: 120, rows: 40) {
            $0 = update($0, .inspect(.output, CellCursor(channel: 0, y: 500, x: 700)))
        }
        let output = layout.output!, input = layout.input!
        let b = output.geometry.block
        #expect(b > 1)
        // Output: the cursor's block (500/B, 700/B) is half of the character at (700/B, 500/B/2).
        let o = output.origin(ofChannel: 0)
        let cell = canvas[o.x + 700 / b, o.y + 500 / b / 2]
        let cursorColor = (500 / b) % 2 == 0 ? cell.style.foreground : cell.style.background
        let neighbour = canvas[o.x + 700 / b, o.y + 500 / b / 2 + 2]
        let ownColor = (500 / b) % 2 == 0 ? neighbour.style.foreground : neighbour.style.background
        #expect(cursorColor != ownColor, "the cursor block looks like its neighbours")
        // Input: taps at rows 500–502, columns 700–702 lie in block (500/B, 700/B) of every channel on the page.
        let bi = input.geometry.block
        for channel in input.firstChannel...input.lastChannel {
            let i = input.origin(ofChannel: channel)
            let tap = canvas[i.x + 700 / bi, i.y + 500 / bi / 2]
            let tapColor = (500 / bi) % 2 == 0 ? tap.style.foreground : tap.style.background
            #expect(tapColor == HeatmapView.tapColor, "channel \(channel)")
        }
    }

    /// Odd shapes, 64 channels, the padded view, the inspector and no colour at the whole-map zoom:
    /// every frame is drawn to the window's exact size.
    @Test(arguments: [(1024, 1024), (1024, 37), (3, 1024), (1, 1), (33, 65)])
    func oddShapesDrawWithoutTrouble(h: Int, w: Int) {
        let mapsByChannels = [1, 64].filter { $0 == 1 || h * w <= 4096 }.map { cin in
            (cin, try! ComputedMaps(ConvExperiment(parameters(h: h, w: w, cin: cin, k: 1, padding: 2))))
        }
        for (columns, rows) in [(50, 17), (80, 24), (120, 40), (200, 60)] {
            for env in [RenderEnvironment(language: .en), noColor, RenderEnvironment(colorDepth: .none, unicode: false, language: .en),
                        RenderEnvironment(colorDepth: .trueColor, unicode: false, language: .en)] {
                for (cin, maps) in mapsByChannels {
                    let (_, _, canvas) = screen(maps.parameters.geometry, columns: columns, rows: rows, environment: env, maps: maps) {
                        $0.zoomOverride = .whole
                        $0 = update($0, .inspect(.input, CellCursor(channel: cin - 1, y: h - 1, x: w - 1)))
                    }
                    #expect(canvas.lines.count == rows && canvas.lines.allSatisfy { $0.count == columns })
                }
            }
        }
    }
}

@Suite("Section headers")
struct SectionHeaderTests {
    /// The scale and the page marker are whole in every header from 50×17 up; the title gives way.
    @Test func headersKeepTheScaleAndThePageMarkerWhole() {
        var failures: [String] = []
        let cases = [parameters(), parameters(cin: 64, cout: 64), parameters(h: 1024, w: 1024),
                     parameters(h: 30, w: 200, cin: 7, cout: 5), parameters(cin: 5, padding: 3)]
        for p in cases {
            let maps = try! ComputedMaps(ConvExperiment(p))
            for (columns, rows) in [(50, 17), (55, 18), (60, 20), (70, 22), (80, 24), (100, 30), (120, 40)] {
                for env in [RenderEnvironment(language: .en), noColor] {
                    for padded in [false, true] {
                        let (_, layout, canvas) = screen(p, columns: columns, rows: rows, environment: env, maps: maps) {
                            $0.paddedView = padded
                        }
                        for section in [layout.input, layout.output].compactMap({ $0 }) {
                            let f = section.frame
                            let header = (0..<section.headerRows).map { String(Array(canvas.line(f.y + $0))[f.x..<f.maxX]) }
                                .joined(separator: "\n")
                            let scale = ComputedMaps.scaleText(section.section, maps: maps, parameters: Conv2dSettings(p), glyphs: env.glyphs, language: .en)
                            var wanted = [scale]
                            if let marker = section.pageMarker(env.glyphs, .en) { wanted.append(marker) }
                            for text in wanted where !header.contains(text) {
                                failures.append("\(columns)x\(rows) \(p.values) padded \(padded): \"\(text)\" cut in\n\(header)")
                            }
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }

    /// 50×17: "input 1×3×8×8" and "scale 0–8" do not share the 22-column row, so the title has
    /// a row to itself: the shape stays, the scale and the block note take the rows below.
    @Test func headerAt50x17() {
        let (_, layout, canvas) = screen(columns: 50, rows: 17)
        assertSnapshot(canvas.text, named: "header-50x17")
        #expect(layout.input!.headerRows == 3)
        let f = layout.input!.frame
        let rows = (0..<3).map { String(Array(canvas.line(f.y + $0))[f.x..<f.maxX]) }
        #expect(rows[0].hasPrefix("input 1×3×8×8"))
        #expect(rows[1].hasSuffix("scale 0–8"))
        #expect(rows[2].hasSuffix("1 cell = 2×2 (mean)"))
        #expect(canvas.text.contains("output 1×2×6×6"))
        #expect(canvas.text.contains("scale 0–162"))
    }

    /// 80×24 with 64 channels of 300×300: the title keeps its shape, the marker and the scale
    /// stay whole; the block note gives way where it does not fit beside them.
    @Test func headerAt80x24() {
        let (_, layout, canvas) = screen(parameters(h: 300, w: 300, cin: 64, cout: 64), columns: 80, rows: 24)
        assertSnapshot(canvas.text, named: "header-80x24")
        let f = layout.input!.frame
        let header = String(Array(canvas.line(f.y))[f.x..<f.maxX])
        #expect(header.hasPrefix("input 1×64×300×300"))
        #expect(header.contains(layout.input!.pageMarker(.unicodeSet, .en)!))
        #expect(header.hasSuffix("scale 0–300"))
    }

    /// The subtitle goes first, then the notes; the title's word and shape stay, taking a row of
    /// their own (and the scale one) where they do not share one.
    @Test func notesGiveWayBeforeTheShape() {
        let header = SectionHeader(title: "input 1×3×8×8", subtitle: "ramp x[c,y,x] = x", scale: "scale 0–8",
                                   marker: "ch 0–1 of 3 [ ]", notes: [["every cell read"]], separator: " · ")
        #expect(header.rows(width: 80, count: 1) == [.init(left: "input 1×3×8×8 · ramp x[c,y,x] = x",
                                                           right: "every cell read · ch 0–1 of 3 [ ] · scale 0–8")])
        #expect(header.rows(width: 60, count: 1) == [.init(left: "input 1×3×8×8", right: "every cell read · ch 0–1 of 3 [ ] · scale 0–8")])
        #expect(header.rows(width: 52, count: 1) == [.init(left: "input 1×3×8×8", right: "ch 0–1 of 3 [ ] · scale 0–8")])
        func arrangement(_ width: Int) -> (rows: Int, scaleRow: Int) {
            SectionHeader.arrangement(width: width, lead: "input 1×3×8×8", marker: "ch 0–1 of 3 [ ]", scaleWidth: 9, separator: " · ")
        }
        #expect(arrangement(42) == (1, 0))
        #expect(arrangement(34) == (2, 0))
        #expect(header.rows(width: 34, count: 2) == [.init(left: "input 1×3×8×8", right: "scale 0–8"),
                                                     .init(left: "", right: "every cell read · ch 0–1 of 3 [ ]")])
        let large = SectionHeader(title: "input 1×3×1024×1024", scale: "scale 0–8", marker: "ch 0–1 of 3 [ ]",
                                  notes: [["2×2 mean"]], separator: " · ")
        #expect(SectionHeader.arrangement(width: 29, lead: large.title, marker: large.marker, scaleWidth: 9, separator: " · ") == (2, 1))
        #expect(large.rows(width: 29, count: 2) == [.init(left: "input 1×3×1024×1024", right: "2×2 mean"),
                                                    .init(left: "", right: "ch 0–1 of 3 [ ] · scale 0–8")])
        #expect(arrangement(22) == (3, 1))
        #expect(header.rows(width: 22, count: 3) == [.init(left: "input 1×3×8×8", right: ""), .init(left: "", right: "scale 0–8"),
                                                     .init(left: "", right: "ch 0–1 of 3 [ ]")])
    }
}

@Suite("Axis labels")
struct AxisLabelTests {
    /// The README's first screenshot (160×50): the automatic zoom keeps seaborn's ticks, taking
    /// numbers cells with row and column indices over large cells without them.
    @Test func theAutomaticZoomKeepsTheIndices() {
        let (_, layout, canvas) = screen(columns: 160, rows: 50)
        #expect(layout.input!.axisLabels && layout.output!.axisLabels)
        #expect(canvas.text.contains("   0   1   2   3   4   5   6   7"))
        // A zoom chosen by hand keeps its cells, with indices only where they fit.
        let (_, large, _) = screen(columns: 160, rows: 50) { $0.zoomOverride = .large }
        #expect(large.zoom == .large)
    }

    /// Where seaborn writes tick labels: the row index left of each row, the column index over
    /// each column, so output[0, 2, 3] is found by eye.
    @Test func labelsSitBesideTheirRowsAndOverTheirColumns() {
        let (_, layout, canvas) = screen(columns: 120, rows: 40)
        let output = layout.output!
        #expect(output.axisLabels && layout.input!.axisLabels)
        let o = output.origin(ofChannel: 0)
        let g = output.geometry
        // Column 3's cell spans [x, x + cellWidth − 1); the label "3" is over it, on the row above the map.
        let cellX = o.x + 3 * g.cellWidth
        let labels = String(Array(canvas.line(o.y - 1))[cellX..<(cellX + g.cellWidth - 1)])
        #expect(labels.trimmingCharacters(in: .whitespaces) == "3", "\"\(labels)\"")
        // Row 2: "2" in the gutter, then output[0, 2, 3] = 108 in column 3.
        let row = Array(canvas.line(o.y + 2))
        #expect(String(row[(o.x - output.gutter)..<o.x]).trimmingCharacters(in: .whitespaces) == "2")
        #expect(String(row[cellX..<(cellX + g.cellWidth - 1)]).trimmingCharacters(in: .whitespaces) == "108")
        // Every row and column index of the 6×6 output is there, in order.
        let header = String(Array(canvas.line(o.y - 1))[o.x..<(o.x + output.mapWidth)])
        #expect(header.split(separator: " ") == ["0", "1", "2", "3", "4", "5"])
        // The labels are muted, not heatmap cells.
        #expect(canvas[cellX + 1, o.y - 1].style.background == nil)
    }

    /// When indices are wider than the cells (an 18-column output of one-digit values), every
    /// k-th column is labelled, k the smallest that keeps a space between labels.
    @Test func crowdedColumnsAreLabelledEveryKth() {
        let (_, layout, canvas) = screen(parameters(cin: 1, k: 1, padding: 5), columns: 120, rows: 40) { $0.zoomOverride = .numbers }
        let output = layout.output!
        #expect(output.axisLabels)
        #expect(output.totalColumns == 18 && output.geometry.cellWidth == 2)
        #expect(output.columnLabelStep == 2)
        let o = output.origin(ofChannel: 0)
        let labels = String(Array(canvas.line(o.y - 1))[(o.x - output.gutter)..<(o.x + output.mapWidth + 1)])
        #expect(labels.split(separator: " ") == ["0", "2", "4", "6", "8", "10", "12", "14", "16"], "\"\(labels)\"")
    }

    /// Large cells carry labels too, on the row of the numbers.
    @Test func largeCellsAreLabelled() {
        let (_, layout, canvas) = screen(columns: 200, rows: 60)
        #expect(layout.zoom == .large)
        let output = layout.output!
        #expect(output.axisLabels)
        let o = output.origin(ofChannel: 0)
        // Row 2's number row is the middle of its three character rows.
        let row = String(Array(canvas.line(o.y + 2 * 3 + 1)))
        #expect(String(Array(row)[(o.x - output.gutter)..<o.x]).trimmingCharacters(in: .whitespaces) == "2")
        #expect(row.contains(" 108 "))
    }

    /// Labels are added only where they cost no cropping or paging: at 80×24 the output has them,
    /// the input (with no row to spare) does not, and numbers still fit.
    @Test func labelsNeverPushTheMapsOffScreen() {
        let (_, layout, _) = screen(columns: 80, rows: 24)
        #expect(layout.zoom == .numbers)
        #expect(layout.output!.axisLabels)
        #expect(!layout.input!.axisLabels)
        #expect(!layout.input!.isPaged && !layout.input!.isCropped && !layout.output!.isCropped)
    }
}

@Suite("Marks by role")
struct MarkTests {
    /// The inspector cursor on output[0, 2, 5] = 162 (rocket's near-white top entry) differs from
    /// another 162 by an attribute, not by colour alone, and shows neither white nor its own colour.
    @Test(arguments: [RenderEnvironment(language: .en), RenderEnvironment(colorDepth: .ansi16, language: .en), noColor])
    func theCursorIsVisibleOnEveryColour(env: RenderEnvironment) {
        let (_, layout, canvas) = screen(columns: 120, rows: 40, environment: env) {
            $0 = update($0, .inspect(.output, CellCursor(channel: 0, y: 2, x: 5)))
        }
        let output = layout.output!
        let o = output.origin(ofChannel: 0)
        let x = o.x + 5 * output.geometry.cellWidth + 1
        let cursor = canvas[x, o.y + 2], other = canvas[x, o.y + 3]
        #expect(cursor.character == other.character, "both show 162")
        #expect(cursor.style.reverse && !other.style.reverse)
        #expect(cursor.style.bold)
        if env.colorDepth.hasColor {
            // What the eye sees after reverse: seaborn's dark text colour, not white on near-white.
            let shown = ExportTheme.dark.colors(of: cursor.style).background
            #expect(shown != RGB(255, 255, 255))
            #expect(shown != ExportTheme.dark.colors(of: other.style).background)
        }
    }

    /// Without colour, taps are underlined (and bracketed where the cell has room), the cursor is
    /// reverse video, and neither borrows the glyph of the top value.
    @Test func withoutColourMarksAreGlyphStyles() {
        let (_, layout, canvas) = screen(columns: 120, rows: 40, environment: noColor) {
            $0 = update($0, .inspect(.output, CellCursor(channel: 0, y: 2, x: 3)))
        }
        #expect(!canvas.text.contains("█"))
        let input = layout.input!
        let i = input.origin(ofChannel: 0)
        // Taps of output[0, 2, 3]: input rows 2–4, columns 3–5.
        for y in 0..<8 {
            for x in 0..<8 {
                let cell = canvas[i.x + x * input.geometry.cellWidth, i.y + y]
                let tap = (2...4).contains(y) && (3...5).contains(x)
                #expect(cell.character == Character(String(x)))
                #expect(cell.style.underline == tap && cell.style.bold == tap, "input (\(y), \(x))")
            }
        }
    }

    /// Whole-map blocks without colour: the cursor and taps get their own glyphs, never a shade.
    @Test func wholeMapMarksWithoutColourAreTheirOwnGlyphs() {
        for (env, cursor, tap) in [(noColor, "◉", "◆"), (RenderEnvironment(colorDepth: .none, unicode: false, language: .en), "X", "o")] {
            let (_, layout, canvas) = screen(columns: 120, rows: 40, environment: env) {
                $0.zoomOverride = .whole
                $0 = update($0, .inspect(.output, CellCursor(channel: 0, y: 2, x: 3)))
            }
            let o = layout.output!.origin(ofChannel: 0)
            #expect(canvas[o.x + 3, o.y + 2].character == Character(cursor))
            let i = layout.input!.origin(ofChannel: 1)
            #expect(canvas[i.x + 3, i.y + 2].character == Character(tap))
        }
    }

    /// NO_COLOR draws numbers wherever colour does (large cells without half blocks are a row
    /// shorter, so it may even draw large ones where colour draws plain numbers).
    @Test func noColorKeepsTheNumbersWhereColourHasThem() {
        for p in [parameters(), parameters(h: 12, w: 20, cin: 1), parameters(cin: 1, padding: 2), parameters(h: 16, w: 16)] {
            for (columns, rows) in [(50, 17), (80, 24), (100, 30), (120, 40), (200, 60)] {
                let colour = screen(p, columns: columns, rows: rows).layout
                let plain = screen(p, columns: columns, rows: rows, environment: noColor).layout
                if colour.zoom != .whole { #expect(plain.zoom != .whole, "\(p.values) at \(columns)x\(rows)") }
                if colour.zoom == .numbers && plain.zoom == .numbers { #expect(plain.input!.mapWidth == colour.input!.mapWidth) }
            }
        }
    }
}
