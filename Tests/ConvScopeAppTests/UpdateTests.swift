import Testing
import ConvCore
@testable import ConvScopeApp

/// Feeds keys through the key table and the pure update, as the TUI's loop does.
/// Keys the table ignores (nil action) leave the state alone, exactly like the loop's `continue`.
func press(_ keys: [Key], _ state: AppState = AppState()) -> AppState {
    var s = state
    for key in keys {
        if let action = KeyMap.action(for: key, in: s) { s = update(s, action) }
    }
    return s
}

func press(_ key: Key, _ state: AppState = AppState()) -> AppState { press([key], state) }

/// True when one of these keys, pressed from `state`, asks the run loop to quit.
func quits(_ keys: [Key], _ state: AppState = AppState()) -> Bool {
    var s = state
    return keys.contains { update(&s, .key($0)).contains(.quit(0)) }
}

/// The keys a user types for a number, e.g. "32" → `3`, `2`.
func digits(_ text: String) -> [Key] { text.map { .character($0) } }

/// A state with `id` selected, reached with the down arrow from the first parameter.
/// The notebook's layer with `id` selected; output_padding on the layer kind that takes it.
private func selecting(_ id: ParameterID, _ state: AppState = AppState()) -> AppState {
    var s = state
    if s.parameters.kindIgnores(id) { s.parameters.layerKind = .convTranspose2d }
    s.selected = .hIn
    s = press(Array(repeating: .down, count: id.rawValue), s)
    precondition(s.selected == id)
    return s
}

/// A state with `id` selected and set to `value` by typing it, as a user would.
private func typed(_ id: ParameterID, _ value: Int, _ state: AppState = AppState()) -> AppState {
    press(digits(String(value)) + [.enter], selecting(id, state))
}

private let pairs: [(ParameterID, ParameterID)] = [
    (.hIn, .wIn), (.kernelSizeH, .kernelSizeW), (.paddingH, .paddingW),
    (.strideH, .strideW), (.dilationH, .dilationW),
]

@Suite("Update through the key table")
struct UpdateTests {
    // MARK: selection

    @Test func downAndJSelectTheNextParameter() {
        for key in [Key.down, .character("j")] {
            #expect(press(key).selected == .wIn)
            #expect(press([key, key, key], AppState()).selected == .outChannels)
        }
    }

    @Test func upAndKSelectThePreviousParameter() {
        var start = AppState()
        start.selected = .paddingW
        for key in [Key.up, .character("k")] {
            #expect(press(key, start).selected == .paddingH)
        }
    }

    @Test func selectionWrapsAroundBothEnds() {
        // Up from the first parameter lands on the last, down from the last on the first.
        #expect(press(.up).selected == .outputPaddingW)
        #expect(press(.character("k")).selected == .outputPaddingW)
        var last = AppState()
        last.selected = .outputPaddingW
        #expect(press(.down, last).selected == .hIn)
        #expect(press(.character("j"), last).selected == .hIn)
        // A step per row either way comes back to the start.
        let rows = ParameterID.allCases.count
        #expect(press(Array(repeating: .down, count: rows)).selected == .hIn)
        #expect(press(Array(repeating: .up, count: rows)).selected == .hIn)
        #expect(press(Array(repeating: .down, count: rows + 5)).selected == .kernelSizeW)
    }

    @Test func selectingDoesNotChangeValues() {
        let s = press([.down, .down, .up, .character("j"), .character("k"), .up, .up])
        #expect(s.parameters == Conv2dSettings())
    }

    // MARK: stepping by one

    @Test(arguments: [Key.right, .character("l"), .character("+"), .character("=")])
    func incrementKeysAddOne(key: Key) {
        #expect(press(key).parameters.hIn == 9)
        #expect(press(key, selecting(.paddingW)).parameters.paddingW == 1)
        #expect(press(key, selecting(.outChannels)).parameters.outChannels == 3)
    }

    @Test(arguments: [Key.left, .character("h"), .character("-")])
    func decrementKeysSubtractOne(key: Key) {
        #expect(press(key).parameters.hIn == 7)
        #expect(press(key, selecting(.kernelSizeW)).parameters.kernelSizeW == 2)
        #expect(press(key, selecting(.inChannels)).parameters.inChannels == 2)
    }

    @Test func steppingChangesOnlyTheSelectedParameter() {
        let s = press(.right, selecting(.strideH))
        var expected = ConvParameters()
        expected.strideH = 2
        #expect(s.parameters == Conv2dSettings(expected))
    }

    @Test func paddingAtZeroStaysZero() {
        let s = press([.left, .left, .character("-"), .character("h")], selecting(.paddingH))
        #expect(s.parameters.paddingH == 0)
    }

    @Test func hInAtMaximumStaysThere() {
        let atMax = typed(.hIn, 1024)
        #expect(atMax.parameters.hIn == 1024)
        #expect(press([.right, .character("+"), .character("l")], atMax).parameters.hIn == 1024)
    }

    /// The rows with a number and a slider (choices cycle, bias has none).
    static let integerRows = ParameterID.allCases.filter { $0.spec.kind == .integer }

    @Test(arguments: integerRows)
    func stepsClampAtBothEndsOfTheRange(id: ParameterID) {
        let low = press([.home, .left, .left], selecting(id))
        #expect(low.parameters[id] == id.range.lowerBound)
        let high = press([.end, .right, .right], selecting(id))
        #expect(high.parameters[id] == id.range.upperBound)
        #expect(press(.left, high).parameters[id] == id.range.upperBound - 1)
        #expect(press(.right, low).parameters[id] == id.range.lowerBound + 1)
    }

    // MARK: PgUp / PgDn

    @Test func pageUpDoublesHInUpToTheMaximum() {
        var s = selecting(.hIn)
        var seen: [Int] = []
        for _ in 0..<9 { s = press(.pageUp, s); seen.append(s.parameters.hIn) }
        #expect(seen == [16, 32, 64, 128, 256, 512, 1024, 1024, 1024])
        // Doubling past the maximum clamps instead of overshooting.
        #expect(press(.pageUp, typed(.hIn, 600)).parameters.hIn == 1024)
    }

    @Test func pageDownHalvesHInButNeverBelowOne() {
        var s = typed(.hIn, 9)
        var seen: [Int] = []
        for _ in 0..<6 { s = press(.pageDown, s); seen.append(s.parameters.hIn) }
        #expect(seen == [4, 2, 1, 1, 1, 1])
    }

    @Test func pageUpAndDownScaleChannels() {
        var s = selecting(.inChannels)
        var seen: [Int] = []
        for _ in 0..<6 { s = press(.pageUp, s); seen.append(s.parameters.inChannels) }
        #expect(seen == [6, 12, 24, 48, 64, 64])
        var out = selecting(.outChannels)
        out = press([.pageDown, .pageDown, .pageDown], out)
        #expect(out.parameters.outChannels == 1)
        #expect(press(.pageUp, out).parameters.outChannels == 2)
    }

    @Test(arguments: [ParameterID.kernelSizeH, .kernelSizeW, .paddingH, .paddingW,
                      .strideH, .strideW, .dilationH, .dilationW])
    func pageUpAndDownStepOthersByFour(id: ParameterID) {
        let start = typed(id, 10)
        #expect(start.parameters[id] == 10)
        #expect(press(.pageUp, start).parameters[id] == 14)
        #expect(press(.pageDown, start).parameters[id] == 6)
        #expect(press([.pageDown, .pageDown], start).parameters[id] == 2)
        // Clamped at both ends rather than wrapping or overshooting.
        #expect(press([.pageDown, .pageDown, .pageDown], start).parameters[id] == id.range.lowerBound)
        #expect(press(.pageUp, typed(id, 30)).parameters[id] == 32)
        #expect(press(Array(repeating: .pageUp, count: 10), start).parameters[id] == id.range.upperBound)
    }

    // MARK: Home / End

    @Test(arguments: integerRows)
    func homeAndEndSetMinimumAndMaximum(id: ParameterID) {
        #expect(press(.home, selecting(id)).parameters[id] == id.range.lowerBound)
        #expect(press(.end, selecting(id)).parameters[id] == id.range.upperBound)
    }

    /// ←/→ cycle a choice row and wrap at both ends; a file that was never loaded is skipped.
    @Test func choiceRowsCycleAndWrap() {
        let mode = selecting(.paddingMode)
        #expect(press(.right, mode).parameters.paddingMode == .reflect)
        #expect(press(.left, mode).parameters.paddingMode == .circular)
        #expect(press(Array(repeating: .right, count: 4), mode).parameters.paddingMode == .zeros)
        let input = selecting(.input)
        #expect(press(.left, input).parameters.input == .generated(.notebook), "no file: back to the last generated")
        #expect(press(.left, input).notice == .notebookInput)
        let kernel = press(.character("K"), AppState())
        #expect(kernel.parameters.kernel == .preset(.identity))
        #expect(press(.right, selecting(.padding)).parameters.paddingChoice == .same)
    }

    /// Bias: → adds one (none counts as 0), Home goes back to none.
    @Test func biasStepsAndHomeIsNone() {
        let s = press([.right, .right], selecting(.bias))
        #expect(s.parameters.bias == 2)
        #expect(press(.home, s).parameters.bias == nil)
    }

    /// g: groups = in_channels with out_channels a multiple; again: groups = 1.
    @Test func depthwiseKey() {
        let s = press(.character("g"), AppState())
        #expect(s.parameters.groups == 3 && s.parameters.geometry.outChannels == 3)
        #expect(s.parameters.validate() == nil)
        #expect(press(.character("g"), s).parameters.groups == 1)
    }

    /// A file input fixes h_in: changing it says why not and changes nothing.
    @Test func fileInputFixesItsSize() {
        var state = AppState()
        state.parameters.useInput(.file(LoadedFile(name: "x.npy", content: Tensor4(shape: [1, 2, 5, 6]))))
        #expect(state.parameters.hIn == 5 && state.parameters.inChannels == 2)
        let s = press(.right, state)
        #expect(s.parameters.hIn == 5)
        #expect(s.notice == .fixedByFile(name: "h_in", file: "x.npy"))
    }

    // MARK: typing a value

    @Test func typingDigitsThenEnterSetsTheValue() {
        let s = selecting(.hIn)
        let pending = press(digits("32"), s)
        #expect(pending.typing == "32")
        #expect(pending.parameters.hIn == 8, "nothing changes before Enter")
        let done = press(.enter, pending)
        #expect(done.parameters.hIn == 32)
        #expect(done.typing == nil)
        #expect(done.message == nil)
        #expect(typed(.dilationW, 7).parameters.dilationW == 7)
        #expect(typed(.paddingH, 0).parameters.paddingH == 0)
    }

    @Test func leadingZerosAreDropped() {
        let s = press(digits("007") + [.enter], selecting(.kernelSizeH))
        #expect(s.parameters.kernelSizeH == 7)
    }

    @Test func nonASCIIDigitsAreNotTyped() {
        // Arabic-Indic three has a whole-number value but is not a key the prompt accepts.
        let s = press(.character("٣"), selecting(.hIn))
        #expect(s.typing == nil)
        #expect(KeyMap.action(for: .character("٣"), in: AppState()) == nil)
    }

    @Test func outOfRangeValueIsRefusedWithAMessage() {
        let s = press(digits("99") + [.enter], selecting(.kernelSizeH))
        #expect(s.parameters == Conv2dSettings())
        #expect(s.typing == nil)
        #expect(s.message?.contains("kernel_size_h") == true)
        #expect(s.message?.contains("99") == true)
        #expect(s.message?.contains("1…32") == true)
    }

    @Test func zeroIsRefusedWhereTheMinimumIsOne() {
        let s = press(digits("0") + [.enter], selecting(.hIn))
        #expect(s.parameters.hIn == 8)
        #expect(s.message?.contains("h_in") == true)
        #expect(s.message?.contains("1…1024") == true)
    }

    @Test func tooLargeForPaddingNamesPaddingAndItsRange() {
        let s = press(digits("33") + [.enter], selecting(.paddingW))
        #expect(s.parameters.paddingW == 0)
        #expect(s.message?.contains("padding_w") == true)
        #expect(s.message?.contains("0…32") == true)
    }

    @Test func theMessageGoesAwayOnTheNextKey() {
        let refused = press(digits("99") + [.enter], selecting(.kernelSizeH))
        #expect(refused.message != nil)
        #expect(press(.right, refused).message == nil)
    }

    @Test func backspaceRemovesTheLastDigit() {
        let s = press(digits("123") + [.backspace], selecting(.hIn))
        #expect(s.typing == "12")
        #expect(press(.enter, s).parameters.hIn == 12)
        let corrected = press(digits("45") + [.backspace, .backspace, .backspace] + digits("9") + [.enter],
                              selecting(.wIn))
        #expect(corrected.parameters.wIn == 9)
    }

    @Test func backspaceOnTheLastDigitEndsTyping() {
        let s = press(digits("5") + [.backspace], selecting(.hIn))
        #expect(s.typing == nil)
        // Enter with nothing typed does nothing.
        #expect(KeyMap.action(for: .enter, in: s) == nil)
        #expect(press(.enter, s).parameters.hIn == 8)
    }

    @Test func escapeCancelsTypingWithoutQuitting() {
        let s = press(digits("16") + [.escape], selecting(.hIn))
        #expect(s.typing == nil)
        #expect(!quits(digits("16") + [.escape], selecting(.hIn)))
        #expect(s.parameters.hIn == 8)
        // Enter after cancelling commits nothing.
        #expect(press(.enter, s).parameters.hIn == 8)
        // A second Esc, with nothing open, does not quit either: it says how to.
        let again = press(.escape, s)
        #expect(!quits([.escape], s))
        #expect(again.message?.contains("q quits") == true)
    }

    @Test func typingIsCappedAtFiveDigits() {
        let s = press(digits("1234567"), selecting(.hIn))
        #expect(s.typing == "12345")
        let refused = press(.enter, s)
        #expect(refused.parameters.hIn == 8)
        #expect(refused.message?.contains("12345") == true)
    }

    @Test func arrowsWaitWhileTyping() {
        // ↓ does nothing while a value is typed; Enter then sets the parameter still selected.
        let s = press(digits("20") + [.down, .enter], selecting(.hIn))
        #expect(s.typing == nil)
        #expect(s.selected == .hIn)
        #expect(s.parameters.hIn == 20)
    }

    // MARK: linking h/w pairs

    @Test func lTogglesLinkingWithAMessage() {
        let linked = press(.character("L"))
        #expect(linked.linked)
        #expect(linked.message?.contains("linked") == true)
        let unlinked = press(.character("L"), linked)
        #expect(!unlinked.linked)
        #expect(unlinked.message?.contains("unlinked") == true)
    }

    @Test func lowercaseLIsIncrementNotLink() {
        let s = press(.character("l"))
        #expect(!s.linked)
        #expect(s.parameters.hIn == 9)
    }

    @Test func linkedKernelHeightChangesKernelWidth() {
        let s = press([.character("L"), .right], selecting(.kernelSizeH))
        #expect(s.parameters.kernelSizeH == 4)
        #expect(s.parameters.kernelSizeW == 4)
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func linkedPairsMoveTogetherBothWays(pairIndex: Int) {
        let (h, w) = pairs[pairIndex]
        for (changed, partner) in [(h, w), (w, h)] {
            let linked = press(.character("L"), selecting(changed))
            let stepped = press(.right, linked)
            #expect(stepped.parameters[changed] == changed.notebookDefault + 1)
            #expect(stepped.parameters[partner] == changed.notebookDefault + 1)
            let big = press(.pageUp, linked)
            #expect(big.parameters[partner] == big.parameters[changed])
            let maxed = press(.end, linked)
            #expect(maxed.parameters[partner] == changed.range.upperBound)
            let typedValue = press(digits("5") + [.enter], linked)
            #expect(typedValue.parameters[changed] == 5)
            #expect(typedValue.parameters[partner] == 5)
            // Nothing outside the pair moves.
            for other in ParameterID.allCases where other != changed && other != partner {
                #expect(maxed.parameters[other] == other.notebookDefault)
            }
        }
    }

    @Test func linkingCopiesTheChangedValueEvenWhenThePairDiffered() {
        // w_in 5, h_in 8; linking then stepping h_in sets both to 9.
        let s = press([.character("L"), .up, .right], typed(.wIn, 5))
        #expect(s.selected == .hIn)
        #expect(s.parameters.hIn == 9)
        #expect(s.parameters.wIn == 9)
    }

    @Test func channelsHaveNoPartner() {
        let s = press([.character("L"), .right], selecting(.inChannels))
        #expect(s.parameters.inChannels == 4)
        #expect(s.parameters.outChannels == 2)
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func pressingLAgainUnlinks(pairIndex: Int) {
        let (h, w) = pairs[pairIndex]
        let s = press([.character("L"), .character("L"), .right], selecting(h))
        #expect(!s.linked)
        #expect(s.parameters[h] == h.notebookDefault + 1)
        #expect(s.parameters[w] == w.notebookDefault)
    }

    // MARK: zoom

    /// The zoom the screen shows: the layout fed with the computed maps' real value widths, as `view` does.
    private func zoomOnScreen(_ s: AppState, environment env: RenderEnvironment = RenderEnvironment(language: .en)) -> Zoom {
        let maps = try? ComputedMaps(ConvExperiment(s.parameters))
        return Layout.compute(s, environment: env, widths: maps?.widths).zoom
    }

    private static let zoomSizes = [(50, 17), (80, 24), (100, 30), (120, 40), (200, 60), (300, 100)]

    /// z goes auto → whole map → numbers → large → auto, and the status line names each.
    @Test(arguments: zoomSizes)
    func zCyclesAutoWholeNumbersLargeAndSaysWhichIsOn(columns: Int, rows: Int) {
        var s = AppState()
        s.terminalSize = TerminalSize(columns: columns, rows: rows)
        let automatic = Layout.compute(s, environment: s.environment).zoom
        var overrides: [Zoom?] = []
        var messages: [String] = []
        for _ in 0..<4 {
            s = press(.character("z"), s)
            overrides.append(s.zoomOverride)
            messages.append(s.message ?? "")
        }
        #expect(overrides == [.whole, .numbers, .large, nil])
        #expect(messages == ["zoom whole map", "zoom numbers", "zoom large", "zoom auto (\(NoticeText.zoomName(automatic, .en)))"])
        // The summary under the parameter panel says the same, where there is room for it.
        if rows >= 24 {
            let text = view(s, maps: try? ComputedMaps(ConvExperiment(s.parameters)), environment: RenderEnvironment(language: .en)).text
            #expect(text.contains("zoom auto (\(NoticeText.zoomName(zoomOnScreen(s), .en)))"))
        }
    }

    /// Auto zoom takes the whole map when numbers do not fit, and numbers when they do.
    @Test func autoZoomFallsBackToTheWholeMap() {
        var s = AppState()
        #expect(zoomOnScreen(s) == .numbers)
        s = typed(.hIn, 1024, s)
        s = typed(.wIn, 1024, s)
        #expect(zoomOnScreen(s) == .whole)
    }

    @Test func zoomingResetsScrolling() {
        var s = press([.character("z"), .character("z")], typed(.wIn, 500))
        #expect(s.zoomOverride == .numbers)
        s = press([.shiftRight, .shiftRight, .shiftDown], s)
        #expect(s.scrollX > 0)
        s = press(.character("z"), s)
        #expect(s.scrollX == 0 && s.scrollY == 0)
    }

    // MARK: pages

    private func manyChannels() -> AppState {
        var s = typed(.inChannels, 64)
        s = typed(.outChannels, 64, s)
        return s
    }

    @Test func bracketsStayWithinThePageCount() {
        let s = manyChannels()
        let inputPages = Layout.pageCount(s, section: .input)
        let outputPages = Layout.pageCount(s, section: .output)
        #expect(inputPages > 1 && outputPages > 1)
        let forward = press(Array(repeating: .character("]"), count: max(inputPages, outputPages) + 5), s)
        #expect(forward.inputPage == inputPages - 1)
        #expect(forward.outputPage == outputPages - 1)
        let back = press(Array(repeating: .character("["), count: max(inputPages, outputPages) + 5), forward)
        #expect(back.inputPage == 0 && back.outputPage == 0)
        let one = press(.character("]"), s)
        #expect(one.inputPage == 1 && one.outputPage == 1)
        #expect(press(.character("["), one).inputPage == 0)
    }

    @Test func bracketsDoNothingWhenEverythingFits() {
        let s = press([.character("]"), .character("]")])
        #expect(s.inputPage == 0 && s.outputPage == 0)
        #expect(press(.character("["), AppState()).inputPage == 0)
    }

    @Test func fewerChannelsPullThePageBackIntoRange() {
        let paged = press(Array(repeating: .character("]"), count: 40), manyChannels())
        #expect(paged.inputPage > 0)
        let fewer = press(.home, selecting(.inChannels, paged))
        #expect(fewer.parameters.inChannels == 1)
        #expect(fewer.inputPage == 0)
    }

    /// After a zoom change the page must still be one that exists, so `[` moves the picture at once.
    @Test func zoomKeepsThePageInsideThePageCount() {
        var s = manyChannels()
        s.terminalSize = TerminalSize(columns: 120, rows: 40)
        // Large cells: many pages; go to the last one, then z back to auto (the whole map), which needs fewer pages.
        s.zoomOverride = .large
        s = press(Array(repeating: .character("]"), count: 40), s)
        #expect(s.inputPage > 2)
        let zoomed = press(.character("z"), s)
        #expect(zoomed.zoomOverride == nil)
        #expect(Layout.compute(zoomed, environment: RenderEnvironment(language: .en)).zoom == .whole)
        let env = RenderEnvironment(language: .en)
        let shownBefore = Layout.compute(zoomed, environment: env).input!.page
        let back = press(.character("["), zoomed)
        let shownAfter = Layout.compute(back, environment: env).input!.page
        #expect(zoomed.inputPage < Layout.pageCount(zoomed, section: .input))
        #expect(zoomed.outputPage < Layout.pageCount(zoomed, section: .output))
        #expect(shownAfter == shownBefore - 1, "[ after z left the page shown at \(shownBefore)")
    }

    // MARK: reset

    @Test func rResetsParametersButKeepsTheTerminalSize() {
        var s = AppState()
        s = update(s, .resize(TerminalSize(columns: 133, rows: 41)))
        s = typed(.hIn, 100, s)
        s = typed(.kernelSizeW, 9, s)
        s = typed(.paddingH, 4, s)
        s = typed(.dilationW, 3, s)
        s = press([.character("L"), .character("z")], s)
        #expect(s.parameters != Conv2dSettings())
        let reset = press(.character("r"), s)
        #expect(reset.parameters.values == [8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1])
        #expect(reset.terminalSize == TerminalSize(columns: 133, rows: 41))
        #expect(!quits([.character("r")], s))
        #expect(reset.message?.contains("reset") == true)
    }

    @Test func rWhileTypingDoesNothing() {
        let s = press(digits("12") + [.character("r")], typed(.strideW, 3))
        #expect(s.typing == "12")
        #expect(s.parameters.strideW == 3)
    }

    // MARK: help

    @Test func questionMarkOpensHelp() {
        #expect(press(.character("?")).showHelp)
    }

    /// Every key except the help's own paging keys closes it; none of them changes anything else.
    @Test(arguments: [Key.home, .end, .character("q"), .escape, .character("L"), .character("z"), .character("r"),
                      .character("]"), .character("7"), .character(" "), .enter, .backspace, .character("?"), .tab, .unknown,
                      .control("x"), .character("é"), .character("j"), .character("+"), .character("p")])
    func anyOtherKeyClosesHelpAndDoesNothingElse(key: Key) {
        let before = press([.character("]")], typed(.kernelSizeH, 5))
        let open = press(.character("?"), before)
        #expect(open.showHelp)
        let closed = press(key, open)
        #expect(!closed.showHelp)
        #expect(!quits([key], open))
        #expect(closed.parameters == before.parameters)
        #expect(closed.selected == before.selected)
        #expect(closed.typing == nil)
        #expect(closed.linked == before.linked)
        #expect(closed.zoomOverride == before.zoomOverride)
        #expect(closed.focus == before.focus)
        #expect(closed.panel == before.panel)
    }

    /// PgDn/↓/→ and PgUp/↑/← turn the help's pages (when it has more than one) instead of closing it.
    @Test(arguments: [Key.pageDown, .down, .right, .pageUp, .up, .left])
    func helpPagingKeysKeepHelpOpenAndChangeNothingElse(key: Key) {
        var before = typed(.kernelSizeH, 5)
        before.terminalSize = TerminalSize(columns: 80, rows: 24)
        #expect(HelpOverlay.pageCount(before.terminalSize, environment: before.environment) > 1)
        let paged = press([.character("?"), key], before)
        #expect(paged.showHelp)
        #expect(paged.parameters == before.parameters)
        #expect(paged.selected == before.selected)
        #expect(!paged.playing)
    }

    /// The title of the help box, e.g. "keys 2/3", as drawn.
    private func helpTitle(_ s: AppState) -> String? {
        let canvas = view(s, maps: nil, environment: RenderEnvironment(language: .en))
        guard let line = canvas.lines.first(where: { $0.contains("keys ") && $0.contains("/") }) else { return nil }
        return line.split(separator: " ").first { $0.contains("/") && $0.first?.isNumber == true }.map(String.init)
    }

    /// Paging past the last help page and back must move back at once, not after the extra presses.
    @Test func helpPageUpAfterOverPagingShowsThePreviousPage() {
        var s = AppState()
        s.terminalSize = TerminalSize(columns: 80, rows: 24)
        s = press(.character("?"), s)
        guard let first = helpTitle(s) else { Issue.record("help is not paged at 80x24"); return }
        #expect(first.hasPrefix("1/"))
        let pages = Int(first.split(separator: "/")[1])!
        let pastTheEnd = press(Array(repeating: .pageDown, count: pages + 5), s)
        #expect(helpTitle(pastTheEnd) == "\(pages)/\(pages)")
        let back = press(.pageUp, pastTheEnd)
        #expect(helpTitle(back) == "\(pages - 1)/\(pages)", "helpPage \(pastTheEnd.helpPage) → \(back.helpPage)")
    }

    @Test func ctrlCQuitsEvenFromHelp() {
        #expect(quits([.character("?"), .control("c")]))
    }

    @Test func resizeKeepsHelpOpen() {
        let open = press(.character("?"))
        let resized = update(open, .resize(TerminalSize(columns: 90, rows: 30)))
        #expect(resized.showHelp)
        #expect(resized.terminalSize == TerminalSize(columns: 90, rows: 30))
    }

    // MARK: quitting

    @Test(arguments: [Key.character("q"), .control("c")])
    func quitKeysAskToQuit(key: Key) {
        #expect(quits([key]))
        #expect(!quits([.character("x"), .escape]))
        // From the middle of a session too.
        #expect(quits([key], typed(.hIn, 20)))
    }

    @Test func ctrlCQuitsWhileTyping() {
        #expect(quits(digits("12") + [.control("c")], selecting(.hIn)))
        #expect(press(digits("12") + [.control("c")], selecting(.hIn)).parameters.hIn == 8)
    }

    @Test func qWhileTypingDoesNotQuit() {
        // While a value is typed only digits, Backspace, Enter and Esc act.
        let s = press(digits("1") + [.character("q")])
        #expect(!quits(digits("1") + [.character("q")]))
        #expect(s.typing == "1")
    }

    // MARK: resize

    @Test func resizeChangesTheTerminalSizeOnly() {
        let s = typed(.kernelSizeH, 5)
        let resized = update(s, .resize(TerminalSize(columns: 211, rows: 57)))
        #expect(resized.terminalSize == TerminalSize(columns: 211, rows: 57))
        #expect(resized.parameters == s.parameters)
        #expect(resized.selected == s.selected)
        let tiny = update(resized, .resize(TerminalSize(columns: 1, rows: 1)))
        #expect(tiny.terminalSize == TerminalSize(columns: 1, rows: 1))
    }

    @Test func resizeKeepsTheMessage() {
        let refused = press(digits("99") + [.enter], selecting(.kernelSizeH))
        let resized = update(refused, .resize(TerminalSize(columns: 100, rows: 30)))
        #expect(resized.message == refused.message)
    }

    @Test func resizeToABiggerWindowPullsThePageBackIntoRange() {
        var s = manyChannels()
        s = press(Array(repeating: .character("]"), count: 40), s)
        #expect(s.inputPage > 0)
        let big = update(s, .resize(TerminalSize(columns: 300, rows: 100)))
        #expect(big.inputPage < Layout.pageCount(big, section: .input))
        #expect(big.outputPage < Layout.pageCount(big, section: .output))
    }

    // MARK: keys with no action

    @Test(arguments: [Key.unknown, .control("x"), .control("a"), .character("x"), .character("Q"),
                      .character("é"), .character("😀"), .enter, .backspace])
    func unboundKeysHaveNoAction(key: Key) {
        #expect(KeyMap.action(for: key, in: AppState()) == nil)
    }

    @Test func everyBoundKeyHasAnAction() {
        for binding in KeyMap.bindings {
            for key in binding.keys { #expect(KeyMap.action(for: key, in: AppState()) != nil, "\(key)") }
        }
    }

    // MARK: scrolling

    /// The numbers zoom, where large maps are cropped and scroll.
    private func numbers(_ state: AppState) -> AppState {
        var s = state
        s.zoomOverride = .numbers
        return s
    }

    @Test func shiftArrowsScrollWithinTheMapByAPage() {
        var s = numbers(typed(.hIn, 300, typed(.wIn, 500)))
        let layout = Layout.compute(s, environment: RenderEnvironment(language: .en))
        let sections = [layout.input!, layout.output!]
        // A page is the visible width (height) of the cropped maps: the narrower one's, so no map skips a column.
        let page = layout.scrollPage
        #expect(page.columns == sections.map(\.visibleColumns).min())
        #expect(page.rows == sections.map(\.visibleRows).min())
        #expect(page.columns > 1 && page.rows > 1)
        s = press([.shiftRight, .shiftRight, .shiftDown], s)
        #expect(s.scrollX == 2 * page.columns && s.scrollY == page.rows)
        let shown = Layout.compute(s, environment: RenderEnvironment(language: .en))
        for section in [shown.input!, shown.output!] {
            #expect(section.firstColumn == 2 * page.columns)
            #expect(section.firstRow == page.rows)
        }
        s = press([.shiftLeft, .shiftLeft, .shiftLeft, .shiftUp, .shiftUp], s)
        #expect(s.scrollX == 0 && s.scrollY == 0)
    }

    /// Nothing is cropped on the whole map, so Shift-arrows have nothing to scroll.
    @Test func shiftArrowsDoNothingOnTheWholeMap() {
        let s = typed(.hIn, 300, typed(.wIn, 500))
        #expect(Layout.compute(s, environment: RenderEnvironment(language: .en)).zoom == .whole)
        let moved = press([.shiftRight, .shiftDown], s)
        #expect(moved.scrollX == 0 && moved.scrollY == 0)
    }

    /// With padding the output map can be wider than the input; its right edge must still be reachable.
    @Test func scrollingReachesTheRightEdgeOfAnOutputWiderThanTheInput() {
        var s = numbers(typed(.wIn, 100))
        s = typed(.kernelSizeW, 1, s)
        s = typed(.paddingW, 32, s)
        s = press(Array(repeating: .shiftRight, count: 60), s)
        let layout = Layout.compute(s, environment: RenderEnvironment(language: .en))
        #expect(layout.output?.totalColumns == 164)
        if let output = layout.output {
            #expect(output.firstColumn + output.visibleColumns == output.totalColumns,
                    "last output column shown: \(output.firstColumn + output.visibleColumns) of \(output.totalColumns)")
        }
    }

    /// Scrolling back after holding Shift-→ past the end should move the picture at once.
    @Test func shiftLeftAfterOverscrollingMovesThePicture() {
        var s = numbers(typed(.wIn, 500))
        s = press(Array(repeating: .shiftRight, count: 200), s)
        let atEnd = Layout.compute(s, environment: RenderEnvironment(language: .en)).input!.firstColumn
        let back = press(.shiftLeft, s)
        let after = Layout.compute(back, environment: RenderEnvironment(language: .en)).input!.firstColumn
        #expect(after < atEnd, "first visible column stayed at \(atEnd) (scrollX \(s.scrollX) → \(back.scrollX))")
    }
}
