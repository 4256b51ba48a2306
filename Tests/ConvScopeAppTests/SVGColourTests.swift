import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The exported picture uses the exact colormap colours of the values it shows.
@Suite("SVG colours")
struct SVGColourTests {
    /// Every heatmap cell of the default screen has, in the SVG, a rect whose fill is the rocket
    /// colour of the value written in that cell (vmin 0; vmax 8 for inputs, the map's max for outputs).
    @Test func heatmapFillsAreTheColormapColoursOfTheirValues() throws {
        let canvas = render(columns: 100, rows: 26)
        let svg = SVGExporter.export(canvas)
        // Paint per cell from the rects (x, y in character cells; runs cover several columns).
        var paint: [[Int]: String] = [:]
        let pattern = try NSRegularExpression(pattern: #"<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" fill="(#[0-9a-f]{6})""#)
        for m in pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            func number(_ i: Int) -> Double { Double(svg[Range(m.range(at: i), in: svg)!])! }
            let fill = String(svg[Range(m.range(at: 5), in: svg)!])
            let x0 = Int((number(1) / SVGExporter.cellWidth).rounded()), y = Int((number(2) / (Double(SVGExporter.cellHeightTenths) / 10)).rounded())
            let n = Int((number(3) / SVGExporter.cellWidth).rounded())
            for x in x0..<(x0 + n) { paint[[x, y]] = fill }
        }
        let rocket = Colormap.named(.rocket)
        var checked = 0
        // Input: eight rows of channel 0 from its corner (value x two columns per value to the right).
        let corner = Layout.compute(sizedState(columns: 100, rows: 26), environment: RenderEnvironment(language: .en)).input!.origin(ofChannel: 0)
        for row in corner.y..<(corner.y + 8) {
            for x in 0..<8 {
                let lut = rocket.index(for: Float(x), vmin: 0, vmax: 8)
                #expect(paint[[corner.x + 2 * x, row]] == rocket.color(at: lut).hex, "input value \(x)")
                checked += 1
            }
        }
        // Output: find each value's text cell on the canvas and compare with its scale 0…162.
        for row in 0..<canvas.height {
            let line = canvas.line(row)
            for value in [27, 54, 81, 108, 135, 162] {
                var search = line.startIndex
                while let r = line.range(of: " \(value)", range: search..<line.endIndex) {
                    let column = line.distance(from: line.startIndex, to: r.upperBound) - 1
                    if canvas[column, row].style.background != nil {
                        let lut = rocket.index(for: Float(value), vmin: 0, vmax: 162)
                        #expect(paint[[column, row]] == rocket.color(at: lut).hex, "output value \(value)")
                        checked += 1
                    }
                    search = r.upperBound
                }
            }
        }
        #expect(checked == 64 + 72)
    }
}
