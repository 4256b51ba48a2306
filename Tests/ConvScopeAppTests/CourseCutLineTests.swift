import Testing
import ConvCore
@testable import ConvScopeApp

/// No line of the course screen is cut at the right edge: for every layer kind the kind row
/// offers, running and refused, at 80×24, 50×17 and 200×60, in English and Russian, the layer
/// line, PyTorch's refusal, the formulas and the inspector's sentences are on screen in full,
/// wrapped at their spaces (a long one mid-word at worst, continued on the next row).
@Suite("Course screen lines are wrapped, never cut at the right edge")
struct CourseCutLineTests {
    static let sizes = [(80, 24), (50, 17), (200, 60)]

    /// A screen to look at: the rows a user sets, in order, then what else the case does.
    struct Case: CustomStringConvertible {
        let description: String
        let kind: CourseLayerKind
        var rows: [(ParameterID, Int)] = []
        var causal = false
        var inspecting = false
        var transposedView: TransposedView? = nil
    }

    static let reflect = PaddingMode.allCases.firstIndex(of: .reflect)!

    static let cases: [Case] = [
        Case(description: "Conv2d runs", kind: .conv2d),
        Case(description: "Conv2d refused", kind: .conv2d, rows: [(.groups, 2), (.inChannels, 3)]),
        Case(description: "ConvTranspose2d runs", kind: .convTranspose2d),
        Case(description: "ConvTranspose2d direct", kind: .convTranspose2d, transposedView: .direct),
        Case(description: "ConvTranspose2d scatter", kind: .convTranspose2d, transposedView: .scatter),
        Case(description: "ConvTranspose2d refused", kind: .convTranspose2d, rows: [(.paddingMode, reflect)]),
        Case(description: "ConvTranspose2d too large to draw", kind: .convTranspose2d, rows: [(.hIn, 40), (.strideH, 2)]),
        Case(description: "Conv1d runs", kind: .conv1d),
        Case(description: "Conv1d inspected", kind: .conv1d, inspecting: true),
        Case(description: "Conv1d causal", kind: .conv1d, causal: true),
        Case(description: "Conv1d causal inspected", kind: .conv1d, causal: true, inspecting: true),
        Case(description: "Conv1d refused", kind: .conv1d, rows: [(.wIn, 2), (.kernelSizeW, 3)]),
    ]

    static func state(_ c: Case, columns: Int, rows: Int, _ lang: Language) -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        s.environment = RenderEnvironment(language: lang)
        let common: [(ParameterID, Int)] = [(.inChannels, 2), (.outChannels, 2), (.hIn, 8), (.wIn, 12), (.kernelSizeH, 3),
                                            (.kernelSizeW, 3), (.layerKind, CourseLayerKind.allCases.firstIndex(of: c.kind)!)]
        for (id, value) in common + c.rows { s = update(s, .set(id, value)) }
        // The causal key's message borrows the formula rows until the next key: the screen after it.
        if c.causal { s = update(s, .key(.character("T"))); s.notice = nil }
        if c.inspecting { s = update(s, .key(.tab)) }
        s.transposedView = c.transposedView
        return s
    }

    /// What the screen must show in full: the layer line, the refusal, the formulas, the sentences.
    static func texts(_ s: AppState, _ lang: Language) throws -> [String] {
        let p = s.parameters, g = Glyphs.unicodeSet
        switch p.layerKind {
        case .conv2d:
            if let error = p.validate() { return [ScreenText.refuses(lang), error.pythonType + ": " + error.message] }
            return [FormulaText.axis("H_out", p.heightAxis, g, lang, compact: false),
                    FormulaText.axis("W_out", p.widthAxis, g, lang, compact: false)]
        case .convTranspose2d:
            if let refusal = p.transposedRefusal {
                return [p.transposedRepr, ScreenText.refuses(lang) + " " + FamilyScreenText.refused(refusal)]
            }
            let layer = p.transposedLayer, input = p.transposedInputSize
            let output = SpatialPair(layer.outputSize(input: input.h, axis: .height), layer.outputSize(input: input.w, axis: .width))
            return [PaddingSpec.Axis.height, .width].map { FamilyScreenText.outputFormula(layer, input: input, output: output, $0) }
                + [FamilyScreenText.viewNotice(s.transposedView, lang) + Self.or + title(s, lang)]
        case .conv1d:
            let sequence = s.sequence
            var line = sequence.layer.pytorchRepr
            if sequence.causal { line = "F.pad(x, (\(sequence.causalPadding), 0)) → " + line }
            if let error = sequence.refusal { return [line, ScreenText.refuses(lang) + " \(error.pythonType): \(error.message)"] }
            // Where the maps and the sentences leave it too few rows, the line ends in an ellipsis.
            line += or + shortened + line
            let output = try sequence.output.get(), a = sequence.axis
            var texts = [line, SequenceWords.lengthFormula(length: a.size, before: a.padding.before, after: a.padding.after,
                                                           dilation: a.dilation, kernel: a.kernel, stride: a.stride,
                                                           output: output.shape[2])]
            if s.focus == .output {
                let view = SequenceScreenView(state: s, layout: Layout.compute(s, environment: s.environment), environment: s.environment)
                let rows = view.rowsLayout(sequence, output: output)
                // The sum, the causal sentence (when causal) and the one on what it reads: all of them.
                texts += view.inspectorLines(sequence, output: output, o: rows.o, t: rows.t, taps: rows.taps,
                                             channels: rows.channelsRead)
            }
            return texts
        }
    }

    /// Between two texts either of which the screen must show in full.
    static let or = "\u{1}"
    /// Before a text the screen may show shortened: its first 16 characters at least, then an ellipsis.
    static let shortened = "\u{2}"

    /// True when `shown` has `text`'s beginning (16 characters or more, spaces left out) ending in an ellipsis.
    static func showsShortened(_ text: Substring, in shown: String) -> Bool {
        let text = Array(text.filter { !$0.isWhitespace })
        guard let start = shown.range(of: String(text.prefix(16))) else { return false }
        let rest = Array(shown[start.lowerBound...])
        let same = zip(rest, text).prefix { $0 == $1 }.count
        return same < rest.count && rest[same] == "…"
    }

    /// A ConvTranspose2d's title over its maps, which the status line's words stand for where rows are short.
    static func title(_ s: AppState, _ lang: Language) -> String {
        let repr = s.parameters.transposedRepr
        return switch s.transposedView {
        case .direct: FamilyText.directTitle(repr, lang)
        case .scatter: FamilyText.scatterTitle(repr, lang)
        case nil: repr
        }
    }

    /// The screen's words in reading order without their spaces: the maps area's rows from its
    /// left edge (the panel and the summary beside it left out), the rows under it whole. A text
    /// wrapped over rows reads on in it; a cut one does not.
    static func words(_ screen: String, layout: ScreenLayout) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { y, row in
            let line = Array(row)
            return String(y >= layout.maps.y && y < layout.maps.maxY ? line.dropFirst(layout.maps.x) : line[...])
        }.joined().filter { !$0.isWhitespace }.replacing(scrollMark, with: "")
    }

    /// The mark saying which rows and columns of a ConvTranspose2d's maps are in view (spaces
    /// taken out): it ends the first line of words, so the sentence reads on past it.
    nonisolated(unsafe) static let scrollMark = /(rows|строки)\d+–\d+\/\d+(,(columns|столбцы)\d+–\d+\/\d+)?|(columns|столбцы)\d+–\d+\/\d+/

    @Test(arguments: [Language.en, .ru])
    func everyKindRunningOrRefusedShowsItsLinesWhole(lang: Language) throws {
        for c in Self.cases {
            for (columns, rows) in Self.sizes {
                let s = Self.state(c, columns: columns, rows: rows, lang)
                #expect(s.parameters.layerKind == c.kind, "\(c)")
                let screen = view(s, maps: nil, environment: s.environment).text
                let shown = Self.words(screen, layout: Layout.compute(s, environment: s.environment))
                // At 50×17 a Conv2d's input map leaves its refusal four rows: that is short of rows, not of columns.
                let texts = try Self.texts(s, lang)
                for text in c.description == "Conv2d refused" && rows < 24 ? Array(texts.prefix(1)) : texts {
                    let either = text.split(separator: Self.or)
                    let cut = "\(c) \(columns)×\(rows) \(lang): cut\n\(text.replacing(Self.or, with: "\n"))\n\(screen)"
                    #expect(either.contains {
                        $0.first == Character(Self.shortened) ? Self.showsShortened($0.dropFirst(), in: shown)
                            : shown.contains($0.filter { !$0.isWhitespace })
                    }, "\(cut)")
                }
            }
        }
    }

    /// A refusal that leaves the layer line fewer rows than it wraps to (a 50×17 screen) keeps
    /// the refusal whole and ends the line's last row in an ellipsis: shortened, never cut silently.
    @Test func aLineWithoutRoomEndsInAnEllipsisAboveTheWholeRefusal() throws {
        let c = Case(description: "Conv1d refused at length", kind: .conv1d,
                     rows: [(.paddingMode, Self.reflect), (.paddingW, 13)])
        let s = Self.state(c, columns: 50, rows: 17, .en)
        let error = try #require(s.sequence.refusal)
        let screen = view(s, maps: nil, environment: s.environment).text
        let layout = Layout.compute(s, environment: s.environment)
        let shown = Self.words(screen, layout: layout)
        #expect(shown.contains((ScreenText.refuses(.en) + " \(error.pythonType): \(error.message)").filter { !$0.isWhitespace }), "\(screen)")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastLineRow = try #require(rows.firstIndex { $0.contains("PyTorch refuses") }) - 1
        #expect(String(rows[lastLineRow].reversed().drop { $0 == " " }.reversed()).hasSuffix(", …"), "\(screen)")
        assertSnapshot(screen, named: "conv1d-refused-long-line-en-50x17")
    }

    /// The case too large to draw is PyTorch running the layer, not refusing it: its formulas are owed.
    @Test func theTooLargeCaseRunsButIsNotDrawn() {
        let c = Self.cases.first { $0.description == "ConvTranspose2d too large to draw" }!
        let s = Self.state(c, columns: 80, rows: 24, .en)
        #expect(s.parameters.transposedRefusal == nil)
        let explained = TransposedScreenView(state: s, layout: Layout.compute(s, environment: s.environment), environment: s.environment)
            .explanation()
        guard case .failure(.tooLarge) = explained else { Issue.record("drawn: \(explained)"); return }
    }

    /// A refusal taller than the header's rows keeps its last words (the sizes that decide),
    /// giving up words from its middle for an ellipsis.
    @Test func aRefusalTallerThanItsRowsKeepsItsEnd() {
        let refusal = "PyTorch refuses: RuntimeError: the kernel file's weight has shape (2, 2, 3, 3); "
            + "the weight the layer takes in this model is torch.Size([3, 2, 2])."
        let header = LayerHeader(line: "Conv1d(2, 3, kernel_size=(2,), stride=(1,))", refusal: refusal, glyphs: .unicodeSet)
        var canvas = Canvas(width: 22, height: 4)
        let painted = header.paint(into: &canvas, x: 0, y: 0, width: 22, height: 4)
        let text = canvas.text
        #expect(painted == 4)
        #expect(text.filter { !$0.isWhitespace }.hasSuffix("torch.Size([3,2,2])."), "\(text)")
        #expect(text.contains("…"), "\(text)")
    }

    /// A written sum too long for its line gives up whole terms, never half a bracketed note or a
    /// dangling operator before the ellipsis.
    @Test(arguments: 20...60)
    func aShortenedSumEndsOnATermBeforeTheEllipsis(width: Int) {
        let sum = "direct: out[0, 0, 0] = 8 = -2·-4 + 1·0 + 3·1 (+ 17 taps adding 0)"
        let shown = FamilyText.shortenedSum(sum, width: width, ellipsis: " …")
        #expect(shown.count <= width, "\(shown)")
        if sum.count <= width { #expect(shown == sum); return }
        #expect(shown.hasSuffix(" …"), "\(shown)")
        let before = shown.dropLast(2)
        #expect(!before.hasSuffix("+") && !before.hasSuffix("="), "\(shown)")
        #expect(before.contains("(") == before.contains("(+ 17 taps adding 0)"), "\(shown)")
    }

    /// An export grows the screen for a part of the drawing left out, not for a layer line that
    /// is longer than the maps area: it wraps there whole.
    @Test func aWrappedLayerLineIsNotCropped() throws {
        let c = Self.cases.first { $0.description == "Conv1d causal" }!
        let s = Self.state(c, columns: 80, rows: 24, .en)
        let layout = Layout.compute(s, environment: s.environment)
        let view = SequenceScreenView(state: s, layout: layout, environment: s.environment)
        #expect(view.layerLine(s.sequence).count > layout.maps.width - 1)
        #expect(!s.familyMapsAreCropped(layout, environment: s.environment))
    }
}
