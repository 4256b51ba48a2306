import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The screens of the rest of `nn.Conv2d`: padding modes, groups, edge filters, signed maps.
@Suite("Conv2d screens")
struct Conv2dScreenTests {
    /// The defaults with the layer changed by `change`, at 120×40.
    static func canvas(_ change: (inout Conv2dSettings) -> Void, columns: Int = 120, rows: Int = 40,
                       configure: (inout AppState) -> Void = { _ in }) -> (AppState, Canvas) {
        var state = AppState()
        change(&state.parameters)
        state.terminalSize = TerminalSize(columns: columns, rows: rows)
        configure(&state)
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        return (state, view(state, maps: maps, environment: RenderEnvironment(language: .en)))
    }

    /// Reflect padding 2 on the defaults: the ring mirrors the ramp (… 2 1 | 0 1 2 … 7 | 6 5 …)
    /// and the inspector's sum reads the mirrored values: output[0, 0, 0] over columns 2 1 0 of
    /// the reflected ramp, 3 rows, 3 channels = 3·3·(2+1+0) = 27.
    @Test func reflectPaddingShowsTheMirroredRing() {
        let (state, canvas) = Self.canvas({ $0.paddingMode = .reflect; $0.geometry.paddingH = 2; $0.geometry.paddingW = 2 }) {
            _ = update(&$0, .inspect(.output, CellCursor(channel: 0, y: 0, x: 0)))
        }
        assertSnapshot(canvas.text, named: "reflect-padding-120x40")
        #expect(canvas.text.contains("2 1 0 1 2 3 4 5 6 7 6 5"), "the mirrored ring around a ramp row")
        let lines = InspectorText.lines(state, experiment: try! ConvExperiment(state.parameters), environment: RenderEnvironment(language: .en),
                                        width: 400, maxLines: 4)
        #expect(lines.joined().contains("[2]+[1]+0"), "padded taps show the mirrored values")
        #expect(lines.joined().contains("= 27"))
        #expect(lines.joined().contains("[v] = mirrored value"))
    }

    /// Groups that do not divide in_channels: PyTorch refuses the layer, and the kernel line shows
    /// C_in / groups as the fraction it is, not an impossible 0-wide weight (2×0×3×3).
    @Test func groupsThatDoNotDivideShowTheFraction() {
        var state = AppState()
        state.parameters.groups = 5
        state.terminalSize = TerminalSize(columns: 80, rows: 24)
        let text = view(state, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("kernel 2×3/5×3×3"), "\(text)")
        #expect(text.contains("in_channels must be divisible by groups") && !text.contains("2×0×3×3"))
    }

    /// The reverse inspector at 80×24 has one row: its sentence ends there in an ellipsis and the
    /// formula line below stays whole (its second line used to spill into the formulas).
    @Test(arguments: [Language.en, .ru])
    func theInputInspectorKeepsToItsRow(_ language: Language) {
        var state = AppState()
        state.terminalSize = TerminalSize(columns: 80, rows: 24)
        _ = update(&state, .inspect(.input, CellCursor(channel: 0, y: 2, x: 3)))
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        let lines = view(state, maps: maps, environment: RenderEnvironment(language: language)).text
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        #expect(lines[21].hasSuffix("…"), "\(lines[21])")
        #expect(lines[22].hasSuffix("W_out=⌊(8+2·0−1·(3−1)−1)/1⌋+1=6"), "\(lines[22])")
    }

    /// In a 50×17 window PyTorch's refusal has two rows under its header: they hold the end of its
    /// message (the sizes or the rule that decide), not its first two words.
    @Test(arguments: [(8, 9, 1, "than actual input size"), (3, 3, 5, "divisible by groups")])
    func aRefusalInASmallWindowKeepsItsEnd(size: Int, kernel: Int, groups: Int, end: String) {
        var state = AppState()
        state.parameters.geometry.hIn = size; state.parameters.geometry.wIn = size
        state.parameters.geometry.kernelSizeH = kernel; state.parameters.geometry.kernelSizeW = kernel
        state.parameters.groups = groups
        state.terminalSize = TerminalSize(columns: 50, rows: 17)
        let text = view(state, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("PyTorch refuses these") && text.contains(end), "\(text)")
        #expect(!text.contains("Calculated padded\n") && text.contains("…"))
    }

    /// A digit on a row of named choices picks nothing (the index it would pick is never shown):
    /// it says the row is stepped with the arrows; on a number row it types as before.
    @Test func digitsOnAChoiceRowSayItIsStepped() {
        var state = AppState()
        state.selected = .padding
        state = update(state, .key(.character("1")))
        #expect(state.typing == nil && state.notice == .choiceRow(name: "padding"))
        #expect(NoticeText.notice(state.notice!, .en, .unicodeSet) == "padding is a choice: ← → steps through it")
        state = update(state, .key(.character("1")))
        #expect(state.parameters.paddingChoice == AppState().parameters.paddingChoice, "nothing picked")
        state.selected = .kernelSizeH
        state = update(state, .key(.character("5")))
        #expect(state.typing == "5")
    }

    /// Three groups of one channel: each output reads only its own input channel.
    @Test func groupsShowSeparatePaths() {
        let (state, canvas) = Self.canvas({ $0.geometry.inChannels = 3; $0.geometry.outChannels = 3; $0.groups = 3 }) {
            _ = update(&$0, .inspect(.output, CellCursor(channel: 1, y: 0, x: 0)))
        }
        assertSnapshot(canvas.text, named: "groups-3-120x40")
        #expect(canvas.text.contains("channel 0 g0") && canvas.text.contains("channel 2 g2"))
        #expect(canvas.text.contains("3 groups"))
        let lines = InspectorText.lines(state, experiment: try! ConvExperiment(state.parameters), environment: RenderEnvironment(language: .en),
                                        width: 400)
        #expect(lines.joined().contains("Σ 1 ch"), "only the group's one channel is summed")
        // Taps are marked on the group's input channel only.
        let taps = Set(state.parameters.receptiveField(outChannel: 1, y: 0, x: 0).map(\.channel))
        #expect(taps == [1])
    }

    /// sobel-x on the checkerboard: signed output in the diverging palette with a symmetric scale.
    @Test func sobelOnTheCheckerboardShowsTheEdges() {
        let (_, canvas) = Self.canvas({ $0.input = .generated(.checker); $0.kernel = .preset(.sobelX)
                                        $0.geometry.hIn = 16; $0.geometry.wIn = 16; $0.geometry.inChannels = 1
                                        $0.geometry.outChannels = 1 })
        assertSnapshot(canvas.text, named: "sobel-checker-120x40")
        #expect(canvas.text.contains("scale −4…4"))
        #expect(canvas.text.contains("kernel 1×1×3×3 · sobel-x"))
        let maps = try! ComputedMaps(ConvExperiment({ var s = Conv2dSettings(); s.input = .generated(.checker)
            s.kernel = .preset(.sobelX); s.geometry.hIn = 16; s.geometry.wIn = 16; s.geometry.inChannels = 1
            s.geometry.outChannels = 1; return s }()))
        #expect(maps.outputScales.allSatisfy { $0.isSigned })
    }

    /// The diverging table is the CSV's, entry for entry.
    @Test func vlagMatchesItsCSV() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/colormaps/vlag.csv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",").map { UInt8($0)! }
        }
        #expect(rows.count == 256)
        #expect(rows.map { RGB($0[0], $0[1], $0[2]) } == ColormapTables.vlag)
        // Centred on 0: the middle entries are the lightest.
        let vlag = Colormap.named(.vlag)
        #expect(vlag.index(for: 0, vmin: -4, vmax: 4) == 128)
    }

    /// The `P` panel's command line reproduces the layer.
    @Test func codePanelWritesEveryOption() {
        var s = Conv2dSettings()
        s.paddingMode = .circular; s.paddingChoice = .same; s.groups = 1; s.bias = 0.5
        s.input = .generated(.random(start: 7)); s.kernel = .preset(.laplace)
        var state = AppState(parameters: s)
        state.terminalSize = TerminalSize(columns: 120, rows: 40)
        let line = CodePanelText.commandPieces(state).joined(separator: " ")
        #expect(line == "convscope --padding-mode circular --padding same --bias 0.5 --input random:7 --kernel laplace")
        #expect(CodePanelText.pytorchPieces(s).joined(separator: " ")
                == "nn.Conv2d(3, 2, kernel_size=(3, 3), stride=(1, 1), padding='same', dilation=(1, 1), bias=True, padding_mode='circular')")
    }
}
