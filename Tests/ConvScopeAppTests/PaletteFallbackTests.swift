import Foundation
import Testing
@testable import ConvScopeApp

/// Every palette the screen offers still reads on terminals that cannot show its exact colours.
@Suite("Palettes on 256-, 16- and 8-colour terminals")
struct PaletteFallbackTests {
    @Test(arguments: ColormapName.choices)
    func xterm256KeepsTheRampClose(_ name: ColormapName) {
        let map = Colormap.named(name)
        let shown = map.entries.map { TerminalPalette.xterm256RGB(TerminalPalette.nearestXterm256($0)) }
        // The cube's widest gap is 0→95, so no channel is off by more than 48.
        for (exact, near) in zip(map.entries, shown) {
            #expect(abs(Int(exact.r) - Int(near.r)) <= 48 && abs(Int(exact.g) - Int(near.g)) <= 48
                    && abs(Int(exact.b) - Int(near.b)) <= 48, "\(name) \(exact) → \(near)")
        }
        // Enough distinct steps that the map still reads as a gradient.
        #expect(Set(shown).count >= 12, "\(name): \(Set(shown).count) steps")
    }

    @Test(arguments: ColormapName.choices)
    func coarseRampsKeepBothEndsApart(_ name: ColormapName) {
        let map = Colormap.named(name)
        let low = map.color(at: 0), high = map.color(at: 255)
        #expect(TerminalPalette.nearestANSI16(low) != TerminalPalette.nearestANSI16(high))
        #expect(TerminalPalette.nearestANSI8(low) != TerminalPalette.nearestANSI8(high))
    }

    /// The number on a cell stays readable: where text and cell would map to the same ANSI colour
    /// (gray's middle on 8 colours), the text turns black or white instead.
    @Test(arguments: ColormapName.choices, [8, 16])
    func annotationsNeverVanishOnCoarseTerminals(_ name: ColormapName, colors: Int) {
        let map = Colormap.named(name)
        func nearest(_ c: RGB) -> Int { colors >= 16 ? TerminalPalette.nearestANSI16(c) : TerminalPalette.nearestANSI8(c) }
        var collisions = 0
        for i in 0..<256 {
            let bg = nearest(map.color(at: i)), fg = nearest(map.textColor(at: i))
            if fg == bg { collisions += 1 }
            let shown = TerminalPalette.readableText(fg, on: bg, among: colors)
            #expect(shown != bg, "\(name) entry \(i) on \(colors) colours")
            #expect(shown == fg || fg == bg, "only colliding text changes")
        }
        // Gray is the palette that needs it: 39 of its middle entries on 8 colours.
        #expect(collisions == (name == .gray && colors == 8 ? 39 : 0))
    }
}
