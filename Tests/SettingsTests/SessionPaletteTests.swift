import ConvCore
import ConvScopeApp
import Foundation
import Testing
@testable import convscope

/// The palette and the theme in the session file: saved, restored, and absent in older files.
@Suite("Session palette")
struct SessionPaletteTests {
    static func withStore(_ body: (StateStore) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "convscope-session-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(StateStore(path: dir + "/convscope/state.json"))
    }

    /// A version-1 file (the twelve sliders at their defaults) with `extra` keys after them.
    static func writeVersion1(_ store: StateStore, extra: String) throws {
        let values = ParameterID.allCases.map { "\"\($0.name)\": \($0.notebookDefault)" }.joined(separator: ", ")
        try FileManager.default.createDirectory(atPath: (store.path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try "{\"version\": 1, \"parameters\": {\(values)}\(extra)}".write(toFile: store.path, atomically: true, encoding: .utf8)
    }

    @Test func thePaletteIsSavedAndRestoredWithTheParameters() throws {
        try Self.withStore { store in
            var p = ConvParameters()
            p[.kernelSizeH] = 5
            #expect(store.save(StateStore.Session(parameters: Conv2dSettings(p), colormap: .cividis)) == nil)
            let text = try String(contentsOfFile: store.path, encoding: .utf8)
            #expect(text.contains(#""cmap" : "cividis""#))
            #expect(store.load().session == StateStore.Session(parameters: Conv2dSettings(p), colormap: .cividis))
        }
    }

    @Test(arguments: [("", ColormapName.rocket), (#", "cmap": "magma""#, .magma), (#", "cmap": "jet""#, .rocket)])
    func olderAndUnknownPalettesMeanRocket(_ extra: String, expected: ColormapName) throws {
        try Self.withStore { store in
            try Self.writeVersion1(store, extra: extra)
            let loaded = store.load()
            #expect(loaded.notice == nil)
            #expect(loaded.session == StateStore.Session(parameters: Conv2dSettings(), colormap: expected))
        }
    }

    @Test func theThemeIsSavedAndRestoredLikeThePalette() throws {
        try Self.withStore { store in
            let session = StateStore.Session(parameters: Conv2dSettings(), colormap: .magma, theme: .light)
            #expect(store.save(session) == nil)
            let text = try String(contentsOfFile: store.path, encoding: .utf8)
            #expect(text.contains(#""theme" : "light""#))
            #expect(store.load().session == session)
        }
    }

    @Test(arguments: [("", ExportTheme.dark), (#", "theme": "light""#, .light), (#", "theme": "purple""#, .dark)])
    func olderAndUnknownThemesMeanDark(_ extra: String, expected: ExportTheme) throws {
        try Self.withStore { store in
            try Self.writeVersion1(store, extra: extra)
            #expect(store.load().session?.theme == expected)
        }
    }
}
