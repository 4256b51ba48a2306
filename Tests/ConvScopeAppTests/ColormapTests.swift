import Foundation
import Testing
@testable import ConvScopeApp

@Suite("Colormaps, text colour, terminal palette")
struct ColormapTests {
    // Tests/ConvScopeAppTests/ColormapTests.swift → repo root is three levels up.
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/colormaps")

    static func csv(_ name: ColormapName) throws -> [RGB] {
        let url = dataDirectory.appendingPathComponent(name.rawValue + ".csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            let v = line.split(separator: ",").map { UInt8($0.trimmingCharacters(in: .whitespaces))! }
            return RGB(v[0], v[1], v[2])
        }
    }

    @Test(arguments: ColormapName.allCases)
    func tablesMatchCSV(_ name: ColormapName) throws {
        let map = Colormap.named(name)
        #expect(map.name == name)
        #expect(map.entries.count == 256)
        #expect(map.entries == (try Self.csv(name)))
    }

    @Test func indexEdgeCases() {
        let m = Colormap.named(.rocket)
        #expect(m.index(for: 5, vmin: 3, vmax: 3) == 0)
        #expect(m.index(for: 0, vmin: 0, vmax: 0) == 0)
        #expect(m.index(for: 8, vmin: 0, vmax: 8) == 255)
        #expect(m.index(for: 9, vmin: 0, vmax: 8) == 255)
        #expect(m.index(for: .infinity, vmin: 0, vmax: 8) == 255)
        #expect(m.index(for: -1, vmin: 0, vmax: 8) == 0)
        #expect(m.index(for: -0.001, vmin: 0, vmax: 8) == 0)
        #expect(m.index(for: .nan, vmin: 0, vmax: 8) == 0)
        #expect(m.index(for: 0, vmin: 0, vmax: 8) == 0)
        #expect(m.index(for: 1, vmin: 0, vmax: 8) == 32)
        #expect(m.index(for: 7.99, vmin: 0, vmax: 8) == 255)
        #expect(m.index(for: 1, vmin: 0, vmax: 3) == 85)  // 1/3 in float32 · 256 = 85.33…
        #expect(m.index(for: 2, vmin: 0, vmax: 3) == 170)
    }

    @Test func everyBucketBoundaryStartsItsBucket() {
        let m = Colormap.named(.viridis)
        for k in 0..<256 {
            #expect(m.index(for: Float(k), vmin: 0, vmax: 256) == k)
            #expect(m.index(for: Float(k) + 0.5, vmin: 0, vmax: 256) == k)
        }
    }

    // data/colormaps/README.md: the first and last LUT index with dark ".15" text.
    @Test(arguments: [
        (ColormapName.rocket, 198...255), (.mako, 188...255), (.viridis, 182...255),
        (.magma, 195...255), (.inferno, 194...255), (.gray, 172...255), (.greys, 0...110),
        (.cividis, 190...255),
    ])
    func textColourSwitchPoints(_ name: ColormapName, dark: ClosedRange<Int>) {
        let m = Colormap.named(name)
        for i in 0..<256 {
            #expect(m.textIsDark(at: i) == dark.contains(i), "\(name) entry \(i)")
            #expect(m.textColor(at: i) == (dark.contains(i) ? RGB.seabornDarkText : RGB.white))
        }
    }

    // Why the text table is data: the rounded 8-bit values disagree with seaborn's floats twice.
    @Test func eightBitLuminanceFlipsExactlyTwoEntries() {
        func linear(_ c: UInt8) -> Double {
            let x = Double(c) / 255
            return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        var flips: [String] = []
        for name in ColormapName.allCases {
            let m = Colormap.named(name)
            for (i, c) in m.entries.enumerated() {
                let lum = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
                if (lum > 0.408) != m.textIsDark(at: i) { flips.append("\(name.rawValue) \(i)") }
            }
        }
        #expect(flips == ["viridis 182", "greys 110"])
    }

    @Test func rgbHexAndConstants() {
        #expect(RGB(3, 5, 26).hex == "#03051a")
        #expect(RGB.white.hex == "#ffffff")
        #expect(RGB.seabornDarkText.hex == "#262626")
        #expect(RGB.black.hex == "#000000")
    }

    static func bruteXterm256(_ c: RGB) -> Int {
        var best = 16, bestDist = Int.max
        for i in 16..<256 {
            let d = TerminalPalette.distance(c, TerminalPalette.xterm256RGB(i))
            if d < bestDist { best = i; bestDist = d }
        }
        return best
    }

    @Test func nearestXterm256MatchesBruteForce() {
        var samples = ColormapName.allCases.flatMap { Colormap.named($0).entries }
        let grid = Array(stride(from: 0, to: 256, by: 16)) + [255]
        // Cube midpoints (47.5, 115, 155, 195, 235) and their neighbours, where ties and flips live.
        let edges = [0, 1, 47, 48, 94, 95, 96, 114, 115, 116, 154, 155, 156,
                     194, 195, 196, 234, 235, 236, 254, 255]
        for values in [grid, edges] {
            for r in values { for g in values { for b in values {
                samples.append(RGB(UInt8(r), UInt8(g), UInt8(b)))
            } } }
        }
        // Every grey, including the ramp's exact-half ties (sum = 39 + 30k).
        samples += (0...255).map { RGB(UInt8($0), UInt8($0), UInt8($0)) }
        var mismatches: [RGB] = []
        for c in samples where TerminalPalette.nearestXterm256(c) != Self.bruteXterm256(c) {
            mismatches.append(c)
        }
        #expect(mismatches.isEmpty)
    }

    @Test func xterm256Palette() {
        #expect(TerminalPalette.xterm256RGB(1) == RGB(205, 0, 0))
        #expect(TerminalPalette.xterm256RGB(12) == RGB(92, 92, 255))
        #expect(TerminalPalette.xterm256RGB(16) == RGB.black)
        #expect(TerminalPalette.xterm256RGB(196) == RGB(255, 0, 0))
        #expect(TerminalPalette.xterm256RGB(67) == RGB(95, 135, 175))
        #expect(TerminalPalette.xterm256RGB(231) == RGB.white)
        #expect(TerminalPalette.xterm256RGB(232) == RGB(8, 8, 8))
        #expect(TerminalPalette.xterm256RGB(255) == RGB(238, 238, 238))
        #expect(TerminalPalette.nearestXterm256(RGB(115, 0, 0)) == 52)  // 95 and 135 tie: lower index
        #expect(TerminalPalette.nearestXterm256(RGB(115, 115, 115)) == 243)  // grey 118 beats cube 95
    }

    @Test func nearestANSI() {
        #expect(TerminalPalette.nearestANSI16(RGB(255, 0, 0)) == 9)
        #expect(TerminalPalette.nearestANSI8(RGB(255, 0, 0)) == 1)
        #expect(TerminalPalette.nearestANSI16(.white) == 15)
        #expect(TerminalPalette.nearestANSI8(.white) == 7)
        #expect(TerminalPalette.nearestANSI16(.black) == 0)
        #expect(TerminalPalette.nearestANSI16(RGB(128, 128, 128)) == 8)
        for c in Colormap.named(.rocket).entries {
            #expect((0..<8).contains(TerminalPalette.nearestANSI8(c)))
            #expect((0..<16).contains(TerminalPalette.nearestANSI16(c)))
        }
    }

    @Test func shadeRampEnds() {
        #expect(ShadeRamp.glyph(forIndex: 0, unicode: true) == " ")
        #expect(ShadeRamp.glyph(forIndex: 255, unicode: true) == "█")
        #expect(ShadeRamp.glyph(forIndex: 0, unicode: false) == " ")
        #expect(ShadeRamp.glyph(forIndex: 255, unicode: false) == "@")
        #expect(Set((0..<256).map { ShadeRamp.glyph(forIndex: $0, unicode: true) }).count == 5)
        #expect(Set((0..<256).map { ShadeRamp.glyph(forIndex: $0, unicode: false) }).count == 10)
    }
}
