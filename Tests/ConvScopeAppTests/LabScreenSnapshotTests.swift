import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// Small windows, the help overlay and the slide export, as pictures that have been looked at.
@Suite("Lab screen snapshots")
struct LabScreenSnapshotTests {
    static let help = "? help · q quit"

    @Test(arguments: [(50, 17), (80, 24)])
    func defaultsKeepHelpAndQuitVisible(_ columns: Int, _ rows: Int) {
        let canvas = render(columns: columns, rows: rows)
        assertSnapshot(canvas.text, named: "lab-defaults-\(columns)x\(rows)")
        #expect(canvas.line(0).hasSuffix(Self.help + " "))
        // The most important hints survive the narrowest window.
        #expect(canvas.line(rows - 1).hasPrefix(" ↑↓ select · ←→ change · 0-9 type · Tab inspect"))
    }

    /// Kernel 5×3: the axes differ, so at 50×17 the formula needs two rows; the parameter panel
    /// ends above them (scrolling its rows) and its border stays whole.
    @Test func formulaNeverOverwritesThePanelBorder() {
        var p = ConvParameters()
        p.kernelSizeH = 5
        let canvas = render(p, columns: 50, rows: 17)
        assertSnapshot(canvas.text, named: "lab-formula-50x17")
        #expect(canvas.line(13).hasPrefix("╰─────"))
        #expect(canvas.line(14).hasPrefix(" H_out = ⌊(8 + 2·0 − 1·(5−1) − 1) / 1⌋ + 1 = 4"))
    }

    @Test(arguments: [(50, 17), (80, 24)])
    func costPanelScrollsWithAMarker(_ columns: Int, _ rows: Int) {
        let top = render(columns: columns, rows: rows) { $0 = update($0, .togglePanel(.cost)) }
        assertSnapshot(top.text, named: "lab-cost-\(columns)x\(rows)")
        #expect(top.text.contains("more · u d scroll") || top.text.contains("more u d"))
        #expect(!top.text.contains("…"), "no panel line ends in an ellipsis")
        // Scrolled to the end, the last line of the panel is on screen and the marker points up.
        let bottom = render(columns: columns, rows: rows) { s in
            s = update(s, .togglePanel(.cost))
            for _ in 0..<20 { s = update(s, .scrollPanel(3)) }
        }
        assertSnapshot(bottom.text, named: "lab-cost-\(columns)x\(rows)-end")
        #expect(bottom.text.contains("type digits to set K"))
        #expect(bottom.text.contains("▲"))
    }

    @Test(arguments: [(50, 17, 0), (80, 24, 0), (80, 24, 1), (120, 40, 0)])
    func helpOverlay(_ columns: Int, _ rows: Int, _ page: Int) {
        let canvas = render(columns: columns, rows: rows) { s in
            s = update(s, .toggleHelp)
            if page > 0 { s = update(s, .helpPage(page)) }
        }
        assertSnapshot(canvas.text, named: "lab-help-\(columns)x\(rows)" + (page > 0 ? "-page\(page + 1)" : ""))
        // Nothing of the screen shows beside the box: its rows hold only the box.
        let lines = canvas.lines
        let top = lines.firstIndex { $0.contains("╭ keys") }!, bottom = lines.lastIndex { $0.contains("╰──") }!
        for line in lines[top...bottom] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let edges: [(Character, Character)] = [("│", "│"), ("╭", "╮"), ("╰", "╯")]
            #expect(edges.contains { trimmed.first == $0.0 && trimmed.last == $0.1 }, "stray characters: '\(line)'")
        }
    }

    @Test func mapsFrameIsJustTheMapsAndTheFormula() {
        var state = AppState()
        state.terminalSize = TerminalSize(columns: 100, rows: 30)
        state = update(state, .inspect(.output, CellCursor(channel: 0, y: 2, x: 3)))
        state = update(state, .togglePanel(.cost))
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        let canvas = ExportFrame.maps.canvas(state, maps: maps, environment: RenderEnvironment(language: .en))
        assertSnapshot(canvas.text, named: "lab-maps-frame-100x30")
        let text = canvas.text
        #expect(text.contains("input 1×3×8×8") && text.contains("output 1×2×6×6") && text.contains("kernel 2×3×3×3"))
        #expect(text.contains("H_out"))
        for absent in ["parameters", "q quit", "conv vs dense", "output[0, 2, 3]", "select"] {
            #expect(!text.contains(absent), "\(absent) is not on a slide")
        }
        #expect(!canvas.cells.contains { $0.style.background == HeatmapView.tapColor || $0.style.reverse },
                "no inspector marks")
    }
}
