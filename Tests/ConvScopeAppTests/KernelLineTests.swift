import ConvCore
import Testing
@testable import ConvScopeApp

/// The kernel line between the input and the output: where it is too long for the window, whole
/// notes give way to "…" from the end; none is cut in the middle.
@Suite("The kernel line keeps whole notes")
struct KernelLineTests {
    static func settings() -> Conv2dSettings {
        var p = ConvParameters()
        (p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW, p.paddingH, p.paddingW) = (4, 4, 3, 3, 1, 1)
        var s = Conv2dSettings(p)
        s.kernel = .preset(.random(start: 0))
        s.groups = 2
        s.paddingMode = .reflect
        s.bias = 1
        return s
    }

    @Test("every width from 10 to 120, English and Russian", arguments: [Language.en, .ru])
    func wholeNotesOnly(language: Language) {
        let p = Self.settings(), g = Glyphs.unicodeSet
        let full = ScreenText.kernelLine(language, g, shape: "4×2×3×3", settings: p)
        let notes = full.components(separatedBy: " \(g.dot) ")
        for width in 10...120 {
            let line = ScreenText.kernelLine(language, g, shape: "4×2×3×3", settings: p, width: width)
            let parts = line.components(separatedBy: " \(g.dot) ")
            if line == full { #expect(full.count <= width); continue }
            // A prefix of the notes, then "…"; it fits unless even the title alone does not.
            #expect(parts.last == String(g.ellipsis) || parts == [notes[0]], "\(width): \(line)")
            #expect(Array(parts.dropLast()) == Array(notes.prefix(parts.count - 1)) || parts == [notes[0]], "\(width): \(line)")
            #expect(line.count <= width || parts == [notes[0]], "\(width): \(line)")
        }
    }
}
