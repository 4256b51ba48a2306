import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ConvCore
@testable import ConvScopeApp

/// The slides `render --frame maps` writes in SVG and HTML, read back from the SVG text.
@Suite("Projector slides")
struct SlideExportTests {
    /// Layers that stress the layout: the course notebook's, padding and stride (a ring, fewer
    /// outputs), a 64×64 input (cells must shrink), 16 channels (more maps than a slide shows),
    /// dilation.
    static let layers: [(String, ConvParameters)] = {
        var padded = ConvParameters(); padded.paddingH = 2; padded.paddingW = 1; padded.strideH = 2; padded.strideW = 2
        var big = ConvParameters(); big.hIn = 64; big.wIn = 64
        var wide = ConvParameters(); wide.inChannels = 16; wide.outChannels = 16
        var dilated = ConvParameters(); dilated.dilationH = 2; dilated.dilationW = 2; dilated.hIn = 10; dilated.wIn = 10
        return [("defaults", ConvParameters()), ("padded, strided", padded), ("64×64", big), ("16 channels", wide),
                ("dilated", dilated)]
    }()

    static let zooms: [Zoom?] = [nil] + Zoom.allCases.map { $0 }

    static func slide(_ p: ConvParameters, zoom: Zoom?, theme: ExportTheme, animated: Bool = false) -> Slide {
        var state = AppState(parameters: Conv2dSettings(p))
        state.zoomOverride = zoom
        state.theme = theme
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        return ConvSlide.make(state, maps: maps, environment: RenderEnvironment(language: .en), animated: animated)!
    }

    @Test(arguments: zooms, ExportTheme.allCases)
    func noTwoTextsOverlapAndTheSmallestIsReadableOnAProjector(_ zoom: Zoom?, _ theme: ExportTheme) {
        for (name, p) in Self.layers {
            for animated in [false, true] {
                let svg = SlideSVG.export(Self.slide(p, zoom: zoom, theme: theme, animated: animated))
                let read = SlideSVGReading(svg)
                #expect(read.overlaps.isEmpty, "\(name), zoom \(zoom?.rawValue ?? "auto"), animated \(animated): \(read.overlaps.prefix(3))")
                #expect(read.smallestTextOnScreen >= SlideMetrics.minimumScreenFont - 0.01,
                        "\(name): smallest text \(read.smallestTextOnScreen) px on a 1920×1080 screen")
                // The margin: nothing drawn closer than it to the page's edge.
                let texts = read.stillTexts + read.frames.flatMap(\.texts)
                let edge = SlideMetrics.margin - 0.01
                #expect(texts.allSatisfy { $0.box.x >= edge && $0.box.x + $0.box.width <= read.width - edge }, "\(name)")
                #expect(texts.allSatisfy { $0.box.y >= edge && $0.box.y + $0.box.height <= read.height - edge }, "\(name)")
                // Square cells, and square marks over them.
                let rects = read.stillRects + read.frames.flatMap(\.rects)
                #expect(rects.allSatisfy { abs($0.width - $0.height) < 0.011 }, "\(name): a cell is not square")
                if animated { #expect(!read.frames.isEmpty) }
            }
        }
    }

    @Test func theShapesAreInTheTitleAndTheWholeMapIsShown() {
        let slide = Self.slide(ConvParameters(), zoom: .large, theme: .light)
        #expect(slide.title.contains("input 1×3×8×8") && slide.title.contains("output 1×2×6×6"))
        #expect(SlideSVG.export(slide).contains("<title>\(slide.title)</title>"))
        // Every input cell of every channel: 3 maps of 8×8, 3 kernel maps of 3×3, 2 outputs of 6×6.
        #expect(slide.grids.map { $0.rows * $0.columns } == [64, 64, 64, 9, 9, 9, 36, 36])
        #expect(slide.grids.allSatisfy { $0.cells.allSatisfy { $0.label != nil } }, "large zoom writes the numbers")
        #expect(!SlideSVG.export(slide).contains("scroll"))
    }

    @Test func theTerminalPicturesCarryTheShapesInTheirTitleToo() {
        var refused = ConvParameters(); refused.kernelSizeH = 9
        #expect(ConvSlide.title(Conv2dSettings(refused), environment: RenderEnvironment(language: .en))
            == "Conv2d · input 1×3×8×8 → output refused by PyTorch")
        let title = ConvSlide.title(Conv2dSettings(), environment: RenderEnvironment(language: .en))
        #expect(SVGExporter.export(render(columns: 80, rows: 24), title: title).contains("<title>\(title)</title>"))
    }

    @Test func seabornsLinesSeparateTheCellsInThePageColour() {
        let svg = SlideSVG.export(Self.slide(ConvParameters(), zoom: nil, theme: .dark))
        // A 27-valued output cell (rocket, dark) is drawn with a 1-unit line of the page colour.
        #expect(svg.contains("stroke=\"\(ExportTheme.dark.background.hex)\" stroke-width=\"1\""))
    }

    @Test func aSlideWithMoreChannelsThanItShowsSaysSo() {
        var p = ConvParameters(); p.inChannels = 16; p.outChannels = 16
        let slide = Self.slide(p, zoom: nil, theme: .dark)
        #expect(slide.texts.contains { $0.text.contains("channels 0–") && $0.text.contains("of 16") })
    }

    @Test func theHTMLPageFillsTheWindowAndHasControlsWhenAnimated() {
        let slide = Self.slide(ConvParameters(), zoom: nil, theme: .dark, animated: true)
        let html = SlideHTML.export(slide, language: .en)
        #expect(html.contains("#slide { flex: 1;"))
        #expect(html.contains("width=\"100%\" height=\"100%\" viewBox=\"0 0 "))
        for id in ["back", "play", "forward"] { #expect(html.contains("<button id=\"\(id)\"")) }
        #expect(html.components(separatedBy: "class=\"frame\"").count - 1 == 36)
        // Still XML, as the other HTML export.
        let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!SlideHTML.export(Self.slide(ConvParameters(), zoom: nil, theme: .dark), language: .en).contains("<button"))
    }

    @Test func eachFrameMarksTheTapsOfItsOutputCell() {
        var p = ConvParameters(); p.paddingH = 1; p.paddingW = 1; p.strideH = 2; p.strideW = 2
        let slide = Self.slide(p, zoom: nil, theme: .dark, animated: true)
        #expect(slide.frames.count == 4 * 4)
        // Frame of output (1, 2): taps start at padded row 2, column 4 on each of 3 input maps.
        let frame = slide.frames[1 * 4 + 2], input = slide.grids[0]
        #expect(frame.marks.count == 3 * 9 + 1)
        #expect(frame.marks[0].box == input.box(row: 2, column: 4))
        #expect(frame.marks[8].box == input.box(row: 4, column: 6))
        #expect(frame.texts.map(\.text) == ["output[0, 1, 2] = 108"])  // 3 channels × 3 rows × (3+4+5)
    }
}

/// `--frame maps` on the terminal's grid (text, ansi) and the screen itself at every zoom.
@Suite("Maps frame at every zoom")
struct MapsFrameZoomTests {
    static func state(zoom: Zoom?, theme: ExportTheme, columns: Int = 120, rows: Int = 40) -> (AppState, ComputedMaps) {
        var state = sizedState(columns: columns, rows: rows)
        state.zoomOverride = zoom
        state.theme = theme
        return (state, try! ComputedMaps(ConvExperiment(state.parameters)))
    }

    /// A title that runs into the text before it ("scrollchannel 1").
    static func collisions(_ canvas: Canvas) -> [String] {
        canvas.lines.filter { line in
            let chars = Array(line)
            return line.ranges(of: "channel ").contains { r in
                let i = line.distance(from: line.startIndex, to: r.lowerBound)
                return i > 0 && chars[i - 1] != " "
            }
        }
    }

    @Test(arguments: SlideExportTests.zooms, ExportTheme.allCases)
    func theMapsFrameShowsEveryMapWholeWithoutScrollHints(_ zoom: Zoom?, _ theme: ExportTheme) {
        for (columns, rows) in [(120, 40), (80, 24), (200, 60)] {
            let (state, maps) = Self.state(zoom: zoom, theme: theme, columns: columns, rows: rows)
            let canvas = ExportFrame.maps.canvas(state, maps: maps, environment: RenderEnvironment(language: .en))
            let text = canvas.text
            #expect(!text.contains("Shift-arrows"), "\(columns)x\(rows) zoom \(zoom?.rawValue ?? "auto")")
            #expect(!text.contains(where: { "▼▶◀▲".contains($0) }))
            #expect(!text.contains(" of 3 ["), "no page marker")
            #expect(text.contains("channel 2") || text.contains("ch 2"), "every input channel")
            #expect(Self.collisions(canvas).isEmpty, "\(Self.collisions(canvas))")
        }
    }

    @Test(arguments: SlideExportTests.zooms, ExportTheme.allCases)
    func theScreensCropNotesStopBeforeTheNextMapsTitle(_ zoom: Zoom?, _ theme: ExportTheme) {
        for (columns, rows) in [(120, 40), (80, 24), (100, 30)] {
            let (state, maps) = Self.state(zoom: zoom, theme: theme, columns: columns, rows: rows)
            let canvas = ExportFrame.screen.canvas(state, maps: maps, environment: RenderEnvironment(language: .en))
            #expect(Self.collisions(canvas).isEmpty, "\(columns)x\(rows) zoom \(zoom?.rawValue ?? "auto"): \(Self.collisions(canvas))")
        }
    }
}
