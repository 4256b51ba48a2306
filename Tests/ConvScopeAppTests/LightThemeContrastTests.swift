import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The light theme for slides: every text colour in the SVG reaches WCAG AA (4.5:1) against what
/// it is drawn on. Heatmap annotations keep seaborn's dark/white rule (DESIGN.md §4) and are
/// recognised by standing on a colour of the colormap.
@Suite("Light theme contrast")
struct LightThemeContrastTests {
    /// Screens that between them use every interface colour: defaults, inspector (taps, cursor,
    /// the sum), reverse inspector, padded view (padding zeros, never-read cells), the three
    /// panels, an error, the help, a typed value, a message, large cells, linked pairs.
    static let screens: [(String, ConvParameters, @Sendable (inout AppState) -> Void)] = {
        var stride2 = ConvParameters(); stride2.strideH = 2; stride2.strideW = 2; stride2.paddingH = 1
        var refused = ConvParameters(); refused.kernelSizeH = 9
        return [
            ("defaults", ConvParameters(), { _ in }),
            ("inspector", stride2, { $0 = update($0, .inspect(.output, CellCursor(channel: 1, y: 1, x: 2))) }),
            ("reverse", stride2, { $0 = update($0, .inspect(.input, CellCursor(channel: 0, y: 7, x: 7))) }),
            ("padded", stride2, { $0 = update($0, .togglePadded) }),
            ("cost", ConvParameters(), { $0 = update($0, .togglePanel(.cost)) }),
            ("formula", stride2, { $0 = update($0, .togglePanel(.formula)) }),
            ("code", stride2, { $0 = update($0, .togglePanel(.code)) }),
            ("error", refused, { _ in }),
            ("help", ConvParameters(), { $0 = update($0, .toggleHelp) }),
            ("typing", ConvParameters(), { $0 = update($0, .typeDigit(4)) }),
            ("linked", ConvParameters(), { $0 = update($0, .toggleLink) }),
            ("large", ConvParameters(), { $0.zoomOverride = .large }),
            ("whole", ConvParameters(), { $0.zoomOverride = Zoom.allCases.first }),
        ]
    }()

    struct TextRun { let column: Int, row: Int, length: Int, fill: RGB, opacity: Double, text: String }

    static func rgb(_ hex: Substring) -> RGB {
        let v = Int(hex.dropFirst(), radix: 16)!
        return RGB(UInt8(v >> 16), UInt8((v >> 8) & 0xff), UInt8(v & 0xff))
    }

    /// Whole-cell fills by (column, row) and the text runs, read back from the SVG.
    static func parse(_ svg: String) throws -> (fills: [[Int]: RGB], runs: [TextRun]) {
        func number(_ s: Substring) -> Double { Double(s)! }
        var fills: [[Int]: RGB] = [:]
        let rect = try Regex(#"<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" fill="(#[0-9a-f]{6})"/>"#)
        for m in svg.matches(of: rect) {
            // Half-cell rects (block glyphs) carry no text; only whole cells are backgrounds of text.
            guard number(m.output[4].substring!) == (Double(SVGExporter.cellHeightTenths) / 10) else { continue }
            let x0 = Int((number(m.output[1].substring!) / SVGExporter.cellWidth).rounded())
            let y = Int((number(m.output[2].substring!) / (Double(SVGExporter.cellHeightTenths) / 10)).rounded())
            let n = Int((number(m.output[3].substring!) / SVGExporter.cellWidth).rounded())
            for x in x0..<(x0 + n) { fills[[x, y]] = rgb(m.output[5].substring!) }
        }
        var runs: [TextRun] = []
        let text = try Regex(#"<text xml:space="preserve" x="([0-9.]+)" y="([0-9.]+)" textLength="([0-9.]+)"[^>]* fill="(#[0-9a-f]{6})"([^>]*)>([^<]*)</text>"#)
        for m in svg.matches(of: text) {
            let column = Int((number(m.output[1].substring!) / SVGExporter.cellWidth).rounded())
            let row = Int(number(m.output[2].substring!) / (Double(SVGExporter.cellHeightTenths) / 10))
            let length = Int((number(m.output[3].substring!) / SVGExporter.cellWidth).rounded())
            let opacity = m.output[5].substring!.firstMatch(of: try Regex(#"opacity="([0-9.]+)""#))
                .map { number($0.output[1].substring!) } ?? 1
            runs.append(TextRun(column: column, row: row, length: length, fill: rgb(m.output[4].substring!),
                                opacity: opacity, text: String(m.output[6].substring!)))
        }
        return (fills, runs)
    }

    @Test(arguments: screens.map(\.0))
    func everyTextColourReachesAA(_ name: String) throws {
        let (_, p, configure) = Self.screens.first { $0.0 == name }!
        let canvas = render(p, columns: 110, rows: 32) { s in s.theme = .light; configure(&s) }
        let svg = SVGExporter.export(canvas, theme: .light)
        let (fills, runs) = try Self.parse(svg)
        #expect(runs.count > 10)
        let colormap = Set((0..<256).map { Colormap.named(.rocket).color(at: $0) })
        var checked = 0, annotations = 0
        for run in runs {
            for column in run.column..<(run.column + run.length) {
                let background = fills[[column, run.row]] ?? ExportTheme.light.background
                if colormap.contains(background) { annotations += 1; continue }
                let seen = Contrast.blend(run.fill, over: background, alpha: run.opacity)
                let ratio = Contrast.ratio(seen, background)
                #expect(ratio >= 4.5, "\(name): '\(run.text)' \(seen.hex) on \(background.hex) is \(ratio)")
                checked += 1
            }
        }
        #expect(checked > 100)
        if !["error", "help", "whole"].contains(name) { #expect(annotations > 0, "the heatmaps' numbers were seen and left to seaborn's rule") }
    }

    @Test func contrastFormulaMatchesWCAG() {
        #expect(abs(Contrast.ratio(.black, .white) - 21) < 1e-9)
        #expect(abs(Contrast.ratio(RGB(0x76, 0x76, 0x76), .white) - 4.54) < 0.01)
        #expect(Contrast.ratio(.white, .white) == 1)
    }

    /// rocket's light end (entry 162 and above on a default output map) gets a thin outline on white.
    @Test func lightCellsAreOutlinedOnTheLightPage() {
        let rocket = Colormap.named(.rocket)
        let top = rocket.color(at: rocket.index(for: 162, vmin: 0, vmax: 162))
        #expect(SVGExporter.outlined(top, theme: .light))
        #expect(!SVGExporter.outlined(top, theme: .dark))
        #expect(!SVGExporter.outlined(rocket.color(at: 0), theme: .light))
        #expect(!SVGExporter.outlined(.white, theme: .light), "the page itself has no outline")
        let canvas = render(columns: 100, rows: 26) { $0.theme = .light }
        let svg = SVGExporter.export(canvas, theme: .light)
        // The 162 column of both output maps, six rows each.
        let outlines = svg.components(separatedBy: "fill=\"none\" stroke=\"\(SVGExporter.outlineColor.hex)\"").count - 1
        #expect(outlines == 12)
    }
}
