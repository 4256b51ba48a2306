import Testing
import ConvCore
@testable import ConvScopeApp

/// The mouse on a Conv1d's maps and panel, and a ConvTranspose2d's cost panel: its hints and
/// its staying open while the inspector's cursor moves.
@Suite("The mouse and panels on the course screen's other layer kinds")
struct FamilyMouseAndPanelTests {
    /// Where `text` starts on the screen drawn for `s` (the first line holding it after `after`).
    static func position(of text: String, in s: AppState, after row: Int = 0) -> (column: Int, row: Int)? {
        let canvas = view(s, maps: nil, environment: s.environment)
        for y in row..<canvas.height {
            let line = canvas.line(y)
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }

    static func click(_ s: AppState, at point: (column: Int, row: Int)) -> AppState {
        var clicked = s
        let frame = drawFrame(s, maps: nil, environment: s.environment, spinner: 0)
        update(&clicked, .mouse(MouseEvent(.press, column: point.column, row: point.row, drawn: frame.layout)))
        return clicked
    }

    @Test(arguments: [0, 1])
    func aClickOnAConv1dsOutputCellInspectsIt(caseIndex: Int) throws {
        // Case 3: stride 2, padding 2, four outputs of 7; case 1: causal, two outputs of 8.
        let s = SequenceExportTests.state(SequenceExportTests.cases[caseIndex])
        let c = SequenceExportTests.cases[caseIndex]
        let length = c.output_shape![2]
        let o = c.output_shape![1] - 1, t = length - 2
        let value = NumberText.cell(c.output![o * length + t])
        let label = try #require(Self.position(of: "  out \(o) ", in: s))
        let line = view(s, maps: nil, environment: s.environment).line(label.row)
        // The value's last digit: the cells of one row are right-aligned numbers in order.
        var column = label.column + "  out \(o) ".count, seen = 0
        let characters = Array(line)
        while seen <= t {
            while characters[column] == " " { column += 1 }
            let start = column
            while column < characters.count, characters[column] != " " { column += 1 }
            if seen == t { #expect(String(characters[start..<column]) == value) }
            seen += 1
        }
        let clicked = Self.click(s, at: (column - 1, label.row))
        #expect(clicked.focus == .output)
        #expect(clicked.outputCursor == CellCursor(channel: o, y: 0, x: t))
        // The keys reach the same cell: Tab, then down to the channel and along to t.
        let keyed = (0..<o).reduce((0..<t).reduce(update(s, .focusNext)) { s, _ in update(s, .moveCursor(dx: 1, dy: 0)) }) { s, _ in
            update(s, .moveCursor(dx: 0, dy: 1))
        }
        #expect(keyed.outputCursor == clicked.outputCursor)
        // An input cell is no output: the inspector stays as it was.
        let input = try #require(Self.position(of: "  in 0 ", in: s))
        #expect(Self.click(s, at: (input.column + 9, input.row)).focus == s.focus)
    }

    @Test func aClickOnAConv1dsParameterRowSelectsIt() throws {
        let s = SequenceExportTests.state(SequenceExportTests.cases[0])
        for (name, id) in [("kernel_size", ParameterID.kernelSizeW), ("stride", .strideW), ("dilation", .dilationW), ("groups", .groups)] {
            let row = try #require(Self.position(of: "│ \(name) ", in: s))
            #expect(Self.click(s, at: (row.column + 2, row.row)).selected == id, "\(name)")
        }
    }

    @Test(arguments: [TransposedView?.none, .direct, .scatter])
    func aClickOnAConvTranspose2dsOutputCellInspectsIt(shown: TransposedView?) throws {
        var s = TransposedScreenTests.state(columns: 200, rows: 60)
        s.environment = RenderEnvironment(language: .en)
        s.transposedView = shown
        let title = try #require(Self.position(of: "output, channel 0", in: s))
        // Its third row of cells; the fourth number on it (a number, then a space or the mark).
        let row = title.row + 1 + 2
        let line = Array(view(s, maps: nil, environment: s.environment).line(row))
        var column = title.column, ends: [Int] = []
        while ends.count < 4, column < line.count {
            while column < line.count, line[column] == " " { column += 1 }
            while column < line.count, line[column] != " " { column += 1 }
            ends.append(column - 1)
        }
        let clicked = Self.click(s, at: (ends[3] - 1, row))
        #expect(clicked.focus == .output)
        #expect(clicked.outputCursor == CellCursor(channel: 0, y: 2, x: 3))
        // The kernel map is no output: a click on it leaves the inspector as it was.
        let kernel = try #require(Self.position(of: "kernel", in: s, after: title.row))
        #expect(Self.click(s, at: (kernel.column + 1, kernel.row + 1)).focus == s.focus)
    }

    static func transposedWithCost(_ language: Language) -> AppState {
        var s = sizedState(columns: 200, rows: 60)
        s.environment = RenderEnvironment(language: language)
        s = update(s, .set(.layerKind, CourseLayerKind.allCases.firstIndex(of: .convTranspose2d)!))
        return update(s, .togglePanel(.cost))
    }

    static func hints(_ s: AppState) -> String {
        let canvas = view(s, maps: nil, environment: s.environment)
        return canvas.line(canvas.height - 1)
    }

    @Test(arguments: [Language.en, .ru])
    func aTransposedCostPanelOffersNoDenseKeys(language: Language) {
        let s = Self.transposedWithCost(language)
        #expect(s.panel == .cost && s.isTransposed)
        let or = language.pick(" or ", " или ")
        #expect(!Self.hints(s).contains(or), "\(Self.hints(s))")
        #expect(!s.typesK)
        // Digits type the selected row, as the hint's own typing key says.
        #expect(Self.hints(s).contains(KeyMap.typeHint.text(first: nil, s.environment.glyphs, language)))
        // A Conv2d's cost panel still offers K.
        var conv2d = sizedState(columns: 200, rows: 60)
        conv2d.environment = RenderEnvironment(language: language)
        conv2d = update(conv2d, .togglePanel(.cost))
        #expect(Self.hints(conv2d).contains(or + "0-9 K"), "\(Self.hints(conv2d))")
    }

    @Test func movingATransposedInspectorKeepsThePanelOpen() {
        var s = update(Self.transposedWithCost(.en), .focusNext)
        #expect(s.focus == .output && s.panel == .cost)
        for action in [Action.moveCursor(dx: 1, dy: 0), .moveCursor(dx: 0, dy: 1), .cursorChannel(1), .focusPrevious] {
            s = update(s, action)
            #expect(s.panel == .cost, "\(action)")
        }
        // A Conv2d-only key says so and leaves the panel as it is.
        s = update(s, .scaleDenseOutputs(up: true))
        #expect(s.panel == .cost)
    }
}
