import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// `ScreenLayout.element(at:)` against the drawn screen: what the layout says is at a position is
/// what the view painted there.
@Suite("What is at a screen position")
struct ElementAtTests {
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)]

    /// A frame of the real view and the layout it was drawn with.
    static func frame(_ size: TerminalSize, _ configure: (inout AppState) -> Void = { _ in })
        -> (layout: ScreenLayout, canvas: Canvas, elements: [[ScreenElement?]]) {
        var state = AppState()
        state.terminalSize = size
        configure(&state)
        let env = state.environment
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        let layout = Layout.compute(state, environment: env, widths: maps.widths)
        let canvas = view(state, maps: maps, environment: env)
        let elements = (0..<size.rows).map { y in (0..<size.columns).map { x in layout.element(at: x, y) } }
        return (layout, canvas, elements)
    }

    /// Every position holding `element`, as (x, y).
    static func positions(_ elements: [[ScreenElement?]], _ match: (ScreenElement) -> Bool) -> [(x: Int, y: Int)] {
        elements.enumerated().flatMap { y, row in row.enumerated().compactMap { x, e in e.map(match) == true ? (x, y) : nil } }
    }

    static func text(_ canvas: Canvas, _ points: [(x: Int, y: Int)]) -> String {
        String(points.map { canvas[$0.x, $0.y].character })
    }

    @Test(arguments: sizes)
    func regionsOfTheScreen(size: TerminalSize) {
        let (layout, canvas, elements) = Self.frame(size)
        #expect(Self.text(canvas, Self.positions(elements) { $0 == .titleBar }).contains("convscope"))
        #expect(Self.text(canvas, Self.positions(elements) { $0 == .hints }).contains("select"))
        #expect(Self.positions(elements) { $0 == .hints }.allSatisfy { $0.y == size.rows - 1 })
        #expect(Self.text(canvas, Self.positions(elements) { $0 == .formula }).contains("out"))
        // At 80×24 the eighteen parameter rows leave no room for the summary under them.
        if size.rows >= 40 {
            #expect(Self.text(canvas, Self.positions(elements) { $0 == .summary }).contains("in  1×3×8×8"))
        }
        #expect(Self.text(canvas, Self.positions(elements) { $0 == .kernelLine }).contains("kernel 2×3×3×3"))
        #expect(Self.text(canvas, Self.positions(elements) { $0 == .sectionHeader(.input) }).contains("input 1×3×8×8"))
        #expect(Self.text(canvas, Self.positions(elements) { $0 == .sectionHeader(.output) }).contains("output 1×2×6×6"))
        let border = Self.text(canvas, Self.positions(elements) { $0 == .parameterPanel })
        #expect(border.contains("parameters") && border.contains("│"))
        #expect(layout.element(at: -1, 0) == nil && layout.element(at: size.columns, 0) == nil)
        #expect(layout.element(at: 0, size.rows) == nil)
    }

    @Test(arguments: sizes)
    func parameterRowsAndSliders(size: TerminalSize) {
        let (layout, canvas, elements) = Self.frame(size)
        // The rows the panel has room for (it scrolls to the selected one for the rest).
        let shown = layout.panelFirstRow..<(layout.panelFirstRow + layout.panel.height - 2)
        #expect(shown.count >= 18, "every row of the notebook's layer is in view")
        for id in ParameterID.allCases where shown.contains(id.rawValue) {
            let row = Self.positions(elements) { $0 == .parameter(id) }
            #expect(Set(row.map(\.y)).count == 1, "\(id.name) is one row")
            // A row the Conv2d ignores (output_padding) shows '-' and no slider.
            let value = Conv2dSettings().ignoredRowText(id) ?? Conv2dSettings().valueText(id)
            #expect(Self.text(canvas, row).contains(Conv2dText.rowName(id, .en)) && Self.text(canvas, row).contains(value))
            let slider = Self.text(canvas, Self.positions(elements) { $0 == .slider(id) })
            if Conv2dSettings().kindIgnores(id) {
                #expect(slider.allSatisfy { $0 == " " }, "\(id.name) is not a Conv2d's: no slider drawn")
            } else if case .integer = id.spec.kind {
                #expect(slider.count >= 3 && slider.allSatisfy { "━●─".contains($0) }, "\(id.name): \(slider)")
            } else {
                #expect(slider.isEmpty, "\(id.name) shows a word, not a slider")
            }
        }
    }

    /// Input cells of the ramp hold their column; the row index in the gutter names their row.
    @Test(arguments: sizes)
    func mapCellsAndTitles(size: TerminalSize) {
        let (layout, canvas, elements) = Self.frame(size)
        for section in layout.sections {
            let cells = Self.positions(elements) {
                if case .mapCell(let a) = $0 { a.section == section.section } else { false }
            }
            #expect(cells.count >= section.mapWidth * section.mapHeight)
            for channel in section.firstChannel...section.lastChannel {
                let title = Self.text(canvas, Self.positions(elements) { $0 == .mapTitle(section.section, channel: channel) })
                #expect(title.contains("\(channel)"))
            }
        }
        var rowsLabelled = 0
        for point in Self.positions(elements, { if case .mapCell(let a) = $0 { a.section == .input } else { false } }) {
            guard case .mapCell(let a) = elements[point.y][point.x] else { continue }
            let character = canvas[point.x, point.y].character
            // Large cells with half blocks have a ▄ row above the value and a ▀ row below.
            #expect(" ▄▀".contains(character) || String(a.x).contains(character),
                    "input[\(a.channel), \(a.y), \(a.x)] shows \(character)")
            let input = layout.input!
            let origin = input.origin(ofChannel: a.channel)
            if input.axisLabels && point.x == origin.x {
                // The row index is written on the row that holds the values.
                let gutter = canvas.line(point.y).dropFirst(origin.x - input.gutter).prefix(input.gutter)
                    .trimmingCharacters(in: .whitespaces)
                #expect(gutter.isEmpty || gutter == String(a.y), "row \(a.y) labelled \(gutter)")
                rowsLabelled += gutter.isEmpty ? 0 : 1
            }
        }
        #expect(!layout.input!.axisLabels || rowsLabelled >= layout.input!.visibleRows)
    }

    /// 64 input channels of 32×32 do not fit: the input section is paged and its marker sits where drawn.
    @Test(arguments: sizes)
    func pageMarker(size: TerminalSize) {
        let (layout, canvas, elements) = Self.frame(size) {
            $0.parameters[.inChannels] = 64; $0.parameters[.hIn] = 32; $0.parameters[.wIn] = 32
        }
        #expect(layout.input!.isPaged)
        let marker = Self.text(canvas, Self.positions(elements) { $0 == .pageMarker(.input) })
        #expect(marker.hasPrefix("ch 0") && marker.hasSuffix("of 64 [ ]"), "\(marker)")
    }

    @Test(arguments: sizes)
    func inspectorPanelAndHelp(size: TerminalSize) {
        let inspecting = Self.frame(size) { $0 = update($0, .focusNext) }
        #expect(Self.text(inspecting.canvas, Self.positions(inspecting.elements) { $0 == .inspector }).contains("output[0, 0, 0]"))
        let panel = Self.frame(size) { $0.panel = .cost }
        let box = Self.positions(panel.elements) { $0 == .panel(.cost) }
        #expect(!box.isEmpty && Self.text(panel.canvas, box).contains("conv vs dense"))
        let help = Self.frame(size) { $0.showHelp = true }
        let helpText = Self.text(help.canvas, Self.positions(help.elements) { $0 == .help })
        #expect(helpText.contains("keys") && helpText.contains("select the previous parameter"))
    }
}
