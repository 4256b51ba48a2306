import Testing
import ConvCore
@testable import ConvScopeApp

/// The kernel section: the weights [C_out, C_in/g, kH, kW] drawn as one heatmap per (out, in)
/// pair between the input and the output.
@Suite("Kernel section")
struct KernelSectionTests {
    static func canvas(_ change: (inout Conv2dSettings) -> Void, columns: Int, rows: Int,
                       configure: (inout AppState) -> Void = { _ in }) -> (AppState, Canvas, ScreenLayout) {
        let (state, canvas) = Conv2dScreenTests.canvas(change, columns: columns, rows: rows, configure: configure)
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        return (state, canvas, Layout.compute(state, environment: RenderEnvironment(language: .en), widths: maps.widths))
    }

    /// sobel-x on a 3-channel checkerboard: signed weights centred on 0, pairs on the diagonal.
    static func sobel(_ s: inout Conv2dSettings) { s.input = .generated(.checker); s.kernel = .preset(.sobelX) }

    @Test func signedWeightsAt200x60() {
        let (_, canvas, layout) = Self.canvas(Self.sobel, columns: 200, rows: 60)
        assertSnapshot(canvas.text, named: "kernel-sobel-200x60")
        let kernel = try! #require(layout.kernel)
        #expect(kernel.channels == 6 && kernel.totalRows == 3 && kernel.totalColumns == 3)
        #expect(canvas.text.contains("1\u{2190}1") && canvas.text.contains("scale −2…2"))
        // The header is the kernel line: no second kernel line is drawn.
        #expect(canvas.text.components(separatedBy: "kernel 2×3×3×3").count == 2)
        #expect(layout.kernelLineY == kernel.frame.y)
        // Signed weights take the diverging palette: the −2 cell is vlag's blue end.
        let origin = kernel.origin(ofChannel: 0)
        #expect(canvas[origin.x, origin.y + kernel.geometry.rowStride].style.background == Colormap.named(.vlag).color(at: 0))
    }

    @Test func shownAt80x24WhereItCostsNothing() {
        // 1 channel in and out, 6×6: small maps leave room for the kernel under the same zoom.
        let (_, canvas, layout) = Self.canvas({ Self.sobel(&$0); $0.geometry.inChannels = 1; $0.geometry.outChannels = 1
                                                $0.geometry.hIn = 6; $0.geometry.wIn = 6 },
                                              columns: 80, rows: 24)
        assertSnapshot(canvas.text, named: "kernel-sobel-1ch-80x24")
        #expect(layout.kernel != nil && layout.zoom == .numbers)
    }

    @Test func automaticOnlyWhereItCostsTheMapsNothing() {
        // Three channels at 80×24: the section would push the maps to the whole-map zoom.
        let (state, canvas, layout) = Self.canvas(Self.sobel, columns: 80, rows: 24)
        #expect(layout.kernel == nil && layout.zoom == .numbers)
        #expect(canvas.text.contains("sobel-x · no bias · w weights"))
        // w shows it anyway, w again hides it; the notebook's all-ones kernel has none.
        let shown = update(state, .key(.character("w")))
        #expect(Layout.compute(shown, environment: shown.environment).kernel != nil)
        #expect(shown.message == "kernel section shown")
        let hidden = update(shown, .key(.character("w")))
        #expect(Layout.compute(hidden, environment: hidden.environment).kernel == nil)
        let (_, ones, onesLayout) = Self.canvas({ _ in }, columns: 200, rows: 60)
        #expect(onesLayout.kernel == nil && !ones.text.contains("w weights"))
    }

    @Test func constantWeightsInTheSequentialPalette() {
        let (_, canvas, layout) = Self.canvas({ $0.kernel = .preset(.box); $0.geometry.outChannels = 1; $0.geometry.inChannels = 1 },
                                              columns: 80, rows: 24) { $0.kernelSection = true }
        assertSnapshot(canvas.text, named: "kernel-box-80x24")
        let kernel = try! #require(layout.kernel)
        #expect(canvas.text.contains("scale 0–0.1"))
        let origin = kernel.origin(ofChannel: 0)
        #expect(canvas[origin.x, origin.y].style.background == Colormap.named(.rocket).color(at: 255))
    }

    @Test func groupsArePairsOfTheirOwnChannels() {
        let (_, canvas, layout) = Self.canvas({ $0.kernel = .preset(.laplace); $0.geometry.inChannels = 4
                                                $0.geometry.outChannels = 4; $0.groups = 2 }, columns: 200, rows: 60)
        assertSnapshot(canvas.text, named: "kernel-groups-200x60")
        #expect(layout.kernel?.channels == 8)
        // Output 2 is in group 1, which reads input channels 2 and 3.
        #expect(canvas.text.contains("2\u{2190}2 g1") && canvas.text.contains("3\u{2190}3 g1"))
        #expect(!canvas.text.contains("2\u{2190}0") && !canvas.text.contains("0\u{2190}2"))
    }

    /// A narrow header keeps the shape and as many facts as fit beside the scale.
    @Test func narrowHeaderKeepsTheShape() {
        let (_, canvas, layout) = Self.canvas({ $0.kernel = .preset(.laplace); $0.groups = 3; $0.geometry.inChannels = 3
                                                $0.geometry.outChannels = 3; $0.geometry.hIn = 5; $0.geometry.wIn = 5 },
                                              columns: 80, rows: 24)
        let kernel = try! #require(layout.kernel)
        let header = canvas.text.split(separator: "\n")[kernel.frame.y]
        #expect(header.contains("kernel 3×1×3×3") && header.hasSuffix("laplace · 3 groups · scale −4…4"), "\(header)")
    }

    @Test func pagedLikeTheMaps() {
        let (state, canvas, layout) = Self.canvas({ $0.kernel = .preset(.random(start: 7)); $0.geometry.inChannels = 8
                                                    $0.geometry.outChannels = 8 }, columns: 80, rows: 24) { $0.kernelSection = true }
        assertSnapshot(canvas.text, named: "kernel-random-paged-80x24")
        let kernel = try! #require(layout.kernel)
        #expect(kernel.isPaged && kernel.channels == 64)
        #expect(canvas.text.contains("pairs 0"))
        let next = update(state, .nextPage)
        #expect(next.kernelPage == 1)
        let clicked = update(state, .nextPageOf(.kernel))
        #expect(clicked.kernelPage == 1 && clicked.inputPage == state.inputPage)
        let last = (0..<200).reduce(state) { s, _ in update(s, .nextPage) }
        #expect(last.kernelPage == kernel.pageCount - 1)
    }

    @Test func theMouseKnowsKernelCells() {
        let (state, _, layout) = Self.canvas(Self.sobel, columns: 200, rows: 60)
        let kernel = try! #require(layout.kernel)
        let origin = kernel.origin(ofChannel: 4)
        let g = kernel.geometry
        #expect(layout.element(at: origin.x + 2 * g.cellWidth, origin.y + g.rowStride)
                == .mapCell(MapCellAddress(section: .kernel, channel: 4, y: 1, x: 2)))
        #expect(layout.element(at: origin.x, origin.y - 1) == .mapTitle(.kernel, channel: 4))
        #expect(layout.element(at: kernel.frame.x, kernel.frame.y) == .sectionHeader(.kernel))
        // A click on a weight says which it is and its value (it has no inspector of its own).
        // Pair 4 of sobel-x on 3 channels is out 1 ← in 1; its row 1 reads −2 0 2.
        var clicked = state
        _ = update(&clicked, .mouse(MouseEvent(.press, column: origin.x, row: origin.y + g.rowStride)))
        #expect(clicked.focus == .parameters)
        let env = RenderEnvironment(language: .en)
        #expect(clicked.notice.map { NoticeText.notice($0, .en, env.glyphs) } == "weight[1, 1, 1, 0] = -2 \(env.glyphs.dot) out 1 \u{2190} in 1")
        #expect(NoticeText.notice(try! #require(clicked.notice), .ru, env.glyphs) == "вес[1, 1, 1, 0] = -2 \(env.glyphs.dot) вых 1 \u{2190} вх 1")
        // The padded ring or past the map: nothing.
        var outside = state
        _ = update(&outside, .mouse(MouseEvent(.press, column: origin.x + 3 * g.cellWidth, row: origin.y)))
        #expect(outside.notice == state.notice)
    }

    /// `w` says what it did: shown, hidden (only after it was shown), no room, or nothing to draw
    /// while PyTorch refuses the layer; never "hidden" for a section that was never drawn.
    @Test(arguments: [(Language.en, "kernel section: drawn once PyTorch accepts the layer"),
                      (.ru, "раздел ядра: появится, когда PyTorch примет слой")])
    func theWKeySaysWhatItDid(_ lang: Language, refused: String) {
        var p = ConvParameters()
        p.kernelSizeH = 9; p.kernelSizeW = 9
        var state = sizedState(p, columns: 80, rows: 24)
        state = update(state, .toggleKernelSection)
        #expect(state.notice.map { NoticeText.notice($0, lang, .unicodeSet) } == refused)
        state = update(state, .toggleKernelSection)
        #expect(state.notice == .kernelSection(.refused), "pressed again, still nothing to hide")
        var gauss = Conv2dSettings()
        gauss.kernel = .preset(.gauss)
        var shown = AppState(parameters: gauss)
        shown.terminalSize = TerminalSize(columns: 80, rows: 24)
        shown = update(shown, .toggleKernelSection)
        #expect(shown.notice == .kernelSection(.shown))
        shown = update(shown, .toggleKernelSection)
        #expect(shown.notice == .kernelSection(.hidden))
    }
}
