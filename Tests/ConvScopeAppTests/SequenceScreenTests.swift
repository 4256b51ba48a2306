import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The course screen's Conv1d: the layer row set to Conv1d, its rows (no height rows), the
/// one-row maps, the inspector's taps and sum, causal mode and its WaveNet stack.
@Suite("Conv1d on the course screen")
struct SequenceScreenTests {
    /// Conv1d(1, 1, 2, dilation=2) on a ramp of 16, set through the rows as a user would.
    static func state(columns: Int, rows: Int) -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        let kind = CourseLayerKind.allCases.firstIndex(of: .conv1d)!
        for (id, value) in [(ParameterID.layerKind, kind), (.inChannels, 1), (.outChannels, 1), (.wIn, 16),
                            (.kernelSizeW, 2), (.dilationW, 2)] {
            s = update(s, .set(id, value))
        }
        return s
    }

    static func text(_ s: AppState, _ language: Language = .en) -> String {
        var shown = s
        shown.environment = RenderEnvironment(language: language)
        return view(shown, maps: nil, environment: shown.environment).text
    }

    static func keys(_ s: AppState, _ keys: [Key]) -> AppState { keys.reduce(s) { update($0, .key($1)) } }

    /// `--layer-kind Conv1d` sets the kind before the screen starts: the first row is selected at
    /// start, and the first → changes it (the selection was h_in, a row a Conv1d does not show).
    @Test func aConv1dFromTheCommandLineStartsOnItsFirstRow() {
        var settings = Conv2dSettings(ConvParameters())
        settings.layerKind = .conv1d
        var s = AppState(parameters: settings)
        update(&s, .start(TerminalSize(columns: 80, rows: 24)))
        #expect(s.rowIsShown(s.selected) && s.selected == s.shownRows.first)
        let length = s.parameters.wIn
        s = update(s, .key(.right))
        #expect(s.parameters.wIn == length + 1)
    }

    @Test func theRowsAreConv1dsAndTheOutputIsTorchs() throws {
        let s = Self.state(columns: 200, rows: 60)
        #expect(s.sequence.layer.pytorchRepr == "Conv1d(1, 1, kernel_size=(2,), stride=(1,), dilation=(2,), bias=False)")
        #expect(!s.shownRows.contains(.hIn) && !s.shownRows.contains(.kernelSizeH) && s.shownRows.contains(.wIn))
        let text = Self.text(s)
        for line in ["nn.Conv1d", "length          16", "kernel_size      2", "in  1×1×16", "out 1×1×14",
                     "L_out = ⌊(16 + 0 + 0 − 2·(2 − 1) − 1) / 1⌋ + 1 = 14"] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(!text.contains("kernel_size_h"))
        // x[t] = t, ones: out[t] = t + (t + 2).
        #expect(try s.sequence.output.get().storage == (0..<14).map { Float(2 * $0 + 2) })
    }

    @Test func selectingSkipsTheRowsAConv1dHasNot() {
        var s = Self.state(columns: 80, rows: 24)
        s.selected = .wIn
        s = update(s, .selectPrevious)
        #expect(s.selected == .outputPaddingW || s.selected == .layerKind)
        #expect(s.rowIsShown(s.selected))
        s.selected = .wIn
        s = update(s, .selectNext)
        #expect(s.selected == .inChannels)
    }

    @Test func causalPadsTheLeftAndTheInspectorNeverReadsTheFuture() throws {
        var s = Self.keys(Self.state(columns: 200, rows: 60), [.character("T"), .tab, .end])
        #expect(s.causalView == .layer)
        #expect(s.focus == .output)
        let output = try s.sequence.output.get()
        #expect(output.shape == [1, 1, 16])
        // F.pad(x, (2, 0)), then the layer: out[t] = x[t − 2] + x[t].
        let expected: [Float] = (0..<16).map { t in Float(t + max(0, t - 2)) }
        #expect(output.storage == expected)
        let text = Self.text(s)
        #expect(text.contains("F.pad(x, (2, 0)) → Conv1d(1, 1, kernel_size=(2,)"))
        #expect(text.contains("out[0, 15] = 1·13 + 1·15 = 28"))
        #expect(text.contains("the latest input it reads is 15 ≤ t = 15: it never reads the future"))
        s = Self.keys(s, [.left, .left])
        #expect(Self.text(s).contains("out[0, 13] = 1·11 + 1·13 = 24"))
    }

    @Test func theWaveNetStackDoublesTheReceptiveField() {
        let s = Self.keys(Self.state(columns: 200, rows: 60), [.character("T"), .character("T")])
        #expect(s.causalView == .stack)
        let text = Self.text(s)
        #expect(text.contains("WaveNet stack: 3 causal Conv1d, kernel 2, dilations 2, 4, 8"))
        #expect(text.contains("Receptive field after each layer: 3, 7, 15 (dilations 2, 4, 8)."))
        #expect(text.contains("the last layer's output t = 15 reads inputs 1…15, none after t"))
        #expect(update(s, .key(.character("T"))).causalView == nil)
    }

    @Test func theCausalKeyOnAConv2dSaysWhatItIsFor() {
        let s = Self.keys(sizedState(columns: 80, rows: 24), [.character("T")])
        #expect(s.causalView == nil)
        #expect(s.message == "this is for a Conv1d: set the layer row to Conv1d")
    }

    @Test func aRefusedLayerShowsPyTorchsMessage() {
        var s = Self.state(columns: 120, rows: 40)
        s = update(s, .set(.kernelSizeW, 20))
        let text = Self.text(s)
        #expect(text.contains("RuntimeError: Calculated padded input size"))
        #expect(text.contains("Kernel size: (39)"))
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                let tag = "\(language == .en ? "en" : "ru")-\(columns)x\(rows)"
                let plain = Self.keys(Self.state(columns: columns, rows: rows), [.tab, .right, .right, .right])
                assertSnapshot(Self.text(plain, language), named: "conv1d-layer-\(tag)")
                let causal = Self.keys(plain, [.character("T")])
                assertSnapshot(Self.text(causal, language), named: "conv1d-causal-\(tag)")
                assertSnapshot(Self.text(Self.keys(causal, [.character("T")]), language), named: "conv1d-wavenet-\(tag)")
            }
        }
        let small = Self.keys(Self.state(columns: 50, rows: 17), [.character("T"), .tab])
        assertSnapshot(Self.text(small), named: "conv1d-causal-en-50x17")
    }
}
