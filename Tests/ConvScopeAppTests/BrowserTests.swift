import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The HTML export in a real browser: Debian's chromium-headless-shell renders it to PNG and the
/// pixel in the middle of each heatmap cell must be the colormap colour of the value written there.
@Suite("HTML export in a browser")
struct BrowserTests {
    static let browser = "/usr/bin/chromium-headless-shell"

    /// Renders `html` at 1000×540 CSS pixels (scale 1, sRGB) and decodes the screenshot.
    static func screenshot(_ html: String, in dir: String) throws -> PNGImage {
        let page = dir + "/page.html", png = dir + "/page.png"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        return try shoot(page, to: png, options: ["--window-size=1000,540"])
    }

    /// Screenshots `file` into `png` with the browser at scale 1 in sRGB, plus `options`.
    static func shoot(_ file: String, to png: String, options: [String]) throws -> PNGImage {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                             "--force-color-profile=srgb"] + options + ["--screenshot=\(png)", "file://\(file)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        return try PNGImage(data: Array(try Data(contentsOf: URL(fileURLWithPath: png))))
    }

    /// Every cell of the canvas that shows a number on a heatmap colour: its value, the blank
    /// column of the same cell beside the number (no glyph there), and the map's vmax.
    static func samples(_ canvas: Canvas) -> [(column: Int, row: Int, value: Int, vmax: Float)] {
        let outputHeader = canvas.lines.firstIndex { $0.contains("output 1×") } ?? canvas.height
        // In the light theme every cell has a background (the page); heatmap cells have a colormap one.
        let rocket = Colormap.named(.rocket), colours = Set((0..<256).map { rocket.color(at: $0) })
        var out: [(Int, Int, Int, Float)] = []
        for row in 0..<canvas.height {
            let line = Array(canvas.line(row))
            var x = 0
            while x < line.count {
                guard line[x].isNumber, let background = canvas[x, row].style.background, colours.contains(background)
                else { x += 1; continue }
                var end = x
                while end < line.count, line[end].isNumber { end += 1 }
                let value = Int(String(line[x..<end]))!
                if x > 0, line[x - 1] == " ", canvas[x - 1, row].style.background == background {
                    out.append((x - 1, row, value, row < outputHeader ? 8 : 162))
                }
                x = end
            }
        }
        return out
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: browser),
                   "chromium-headless-shell is not installed (apt-get install chromium-headless-shell)"),
          arguments: ExportTheme.allCases)
    func cellCentresHaveTheColormapColourOfTheirValue(_ theme: ExportTheme) throws {
        let canvas = render(columns: 100, rows: 26) { $0.zoomOverride = .large; $0.theme = theme }
        let dir = NSTemporaryDirectory() + "convscope-browser-\(theme.rawValue)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let image = try Self.screenshot(HTMLExporter.export(canvas, theme: theme, language: .en), in: dir)
        #expect(image.width == 1000 && image.height == 540)
        let rocket = Colormap.named(.rocket)
        let samples = Self.samples(canvas)
        #expect(samples.count >= 20, "sampled \(samples.count) cells")
        #expect(Set(samples.map(\.value)).isSuperset(of: [0, 7, 27, 162]))
        // The picture fills the window inside the page's padding, keeping its aspect, centred.
        let pad = Double(HTMLExporter.padding), boxW = 1000 - 2 * pad, boxH = 540 - 2 * pad
        let w = Double(canvas.width) * SVGExporter.cellWidth, h = Double(canvas.height) * Double(SVGExporter.cellHeightTenths) / 10
        let scale = min(boxW / w, boxH / h)
        let left = pad + (boxW - w * scale) / 2, top = pad + (boxH - h * scale) / 2
        #expect(scale > 1, "the picture grows with the window")
        for s in samples {
            let x = Int(left + (Double(s.column) + 0.5) * SVGExporter.cellWidth * scale)
            let y = Int(top + (Double(s.row) + 0.5) * Double(SVGExporter.cellHeightTenths) / 10 * scale)
            let expected = rocket.color(at: rocket.index(for: Float(s.value), vmin: 0, vmax: s.vmax))
            let seen = image.rgb(x: x, y: y)
            let close = abs(Int(seen.r) - Int(expected.r)) <= 2 && abs(Int(seen.g) - Int(expected.g)) <= 2
                && abs(Int(seen.b) - Int(expected.b)) <= 2
            #expect(close, "\(theme) value \(s.value) at (\(x), \(y)): \(seen) instead of \(expected.hex)")
        }
    }
}
