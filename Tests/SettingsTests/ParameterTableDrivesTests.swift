import ArgumentParser
import ConvCore
@testable import ConvScopeApp
import Foundation
import Testing
@testable import convscope

/// Every row of the parameter table reaches the command line, the state file, the `P` line and
/// `--help` through the table alone: a row added later is covered here without a new test.
@Suite("The parameter table drives the command line, the state file and the P line")
struct ParameterTableDrivesTests {
    /// A word for the row other than its default (a choice's second name, a number one step away).
    static func changedWord(_ row: ParameterSpec) -> String {
        switch row.kind {
        case .integer: String(row.defaultValue < row.range.upperBound ? row.defaultValue + 1 : row.defaultValue - 1)
        case .choice(let names): names[1]
        case .number: "0.5"
        }
    }

    static func parse(_ arguments: [String]) throws -> Conv2dSettings {
        try ParameterOptions.parse(arguments).apply(to: Conv2dSettings())
    }

    /// The layer kind a row needs to be read (output_padding: a ConvTranspose2d's), as flags.
    static func kind(for id: ParameterID) -> [String] {
        Conv2dSettings().kindIgnores(id) ? ["--layer-kind", CourseLayerKind.convTranspose2d.rawValue] : []
    }

    @Test(arguments: LayerSpec.conv2d.parameters.map(\.id))
    func everyRowHasAFlagThatReadsItsDefaultAndAChange(_ id: ParameterID) throws {
        let row = id.spec, notebook = Conv2dSettings()
        #expect(ParameterFlag.all().contains { $0.flag == row.flag })
        let unchanged = try Self.parse(Self.kind(for: id) + [row.flag, notebook.valueText(id)])
        #expect(unchanged.valueText(id) == notebook.valueText(id))
        let word = Self.changedWord(row)
        let changed = try Self.parse(Self.kind(for: id) + [row.flag, word])
        #expect(changed.valueText(id) == word && word != notebook.valueText(id), "\(row.flag) \(word)")
    }

    @Test(arguments: LayerSpec.conv2d.parameters.map(\.id))
    func everyRowRoundTripsThroughTheStateFile(_ id: ParameterID) throws {
        let changed = try Self.parse(Self.kind(for: id) + [id.flag, Self.changedWord(id.spec)])
        try SessionPaletteTests.withStore { store in
            #expect(store.save(StateStore.Session(parameters: changed, colormap: .magma)) == nil)
            let text = try String(contentsOfFile: store.path, encoding: .utf8)
            #expect(text.contains(#""version" : 3"#) && text.contains("\"\(id.name)\" : "))
            let loaded = store.load()
            #expect(loaded.notice == nil)
            #expect(loaded.session?.parameters.valueText(id) == changed.valueText(id))
            #expect(loaded.session == StateStore.Session(parameters: changed, colormap: .magma))
        }
    }

    @Test(arguments: LayerSpec.conv2d.parameters.map(\.id))
    func everyChangedRowIsInThePLineAndReproducesTheLayer(_ id: ParameterID) throws {
        let changed = try Self.parse(Self.kind(for: id) + [id.flag, Self.changedWord(id.spec)])
        let line = CodePanelText.commandPieces(AppState(parameters: changed)).joined(separator: " ")
        let shorthand = id.spec.shorthandFlag.map { line.contains($0 + " ") } ?? false
        #expect(line.contains(id.flag + " ") || shorthand, "\(line)")
        // The line's flags, read back, make the same layer.
        let words = line.split(separator: " ").dropFirst().map(String.init)
        #expect(try Self.parse(words) == changed, "\(line)")
        let render = CodePanelText.renderPieces(AppState(parameters: changed)).joined(separator: " ")
        #expect(render.contains(line.split(separator: " ").dropFirst().joined(separator: " ")))
    }

    @Test func everyFlagIsInTheHelpWithTheTablesText() {
        for help in [ConvScope.helpMessage(), ConvScope.helpMessage(for: RenderCommand.self),
                     ConvScope.helpMessage(for: TUICommand.self)] {
            let oneLine = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for flag in ParameterFlag.all() {
                #expect(oneLine.contains("\(flag.flag) <\(flag.name)>"), "\(flag.flag)")
                #expect(oneLine.contains(flag.help), "\(flag.flag): \(flag.help)")
            }
        }
    }

    @Test func aVersionTwoFileStillLoads() throws {
        try SessionPaletteTests.withStore { store in
            try FileManager.default.createDirectory(atPath: (store.path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let sliders = ParameterID.geometry.map { "\"\($0.name)\": \($0 == .hIn ? 9 : $0.notebookDefault)" }
            try """
                {"version": 2, "parameters": {\(sliders.joined(separator: ", ")), "groups": 1},
                 "choices": {"padding_mode": "reflect", "padding": "same", "input": "checker", "kernel": "sobel-x"},
                 "bias": 1.5, "cmap": "gray"}
                """.write(toFile: store.path, atomically: true, encoding: .utf8)
            let loaded = store.load()
            #expect(loaded.notice == nil)
            let expected = try Self.parse(["--h-in", "9", "--padding-mode", "reflect", "--padding", "same",
                                           "--input", "checker", "--kernel", "sobel-x", "--bias", "1.5"])
            #expect(loaded.session == StateStore.Session(parameters: expected, colormap: .gray))
        }
    }

    @Test func aVersionThreeFileHoldsEveryRowAsItsWord() throws {
        let s = try Self.parse(["--kernel-size", "3x5", "--padding-mode", "circular", "--groups", "1",
                                "--bias", "-2", "--input", "random:7", "--kernel", "laplace"])
        try SessionPaletteTests.withStore { store in
            #expect(store.save(StateStore.Session(parameters: s)) == nil)
            let data = try #require(FileManager.default.contents(atPath: store.path))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["version"] as? Int == 3)
            let numbers = try #require(object["parameters"] as? [String: Int])
            let words = try #require(object["words"] as? [String: String])
            #expect(numbers["kernel_size_w"] == 5 && numbers["groups"] == 1)
            #expect(words == ["padding_mode": "circular", "padding": "explicit", "bias": "-2", "input": "random:7",
                              "kernel": "laplace", "layer_kind": "Conv2d"])
            #expect(Set(numbers.keys).union(words.keys) == Set(LayerSpec.conv2d.parameters.map(\.name)))
            #expect(store.load().session?.parameters == s)
        }
    }

    @Test func aBadWordInAVersionThreeFileIsANoticeNamingIt() throws {
        try SessionPaletteTests.withStore { store in
            try FileManager.default.createDirectory(atPath: (store.path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try #"{"version": 3, "parameters": {"h_in": 5}, "words": {"padding_mode": "mirror"}}"#
                .write(toFile: store.path, atomically: true, encoding: .utf8)
            let loaded = store.load()
            #expect(loaded.session == nil)
            #expect(loaded.notice == .savedSessionIgnored(
                .option("--padding-mode 'mirror' is not a padding mode: allowed zeros, reflect, replicate, circular."),
                path: store.path))
        }
    }
}
