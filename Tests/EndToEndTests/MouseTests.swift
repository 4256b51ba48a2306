import Foundation
import Testing

extension TmuxSession {
    /// Presses and releases the left button at (column, row), counted from 0, as the terminal
    /// reports it in SGR mode 1006: `ESC [ < 0 ; x ; y M`, then `… m`.
    func click(_ column: Int, _ row: Int) {
        type("\u{1B}[<0;\(column + 1);\(row + 1)M")
        type("\u{1B}[<0;\(column + 1);\(row + 1)m")
    }

    /// One notch of the wheel (64 up, 65 down) at (column, row).
    func wheel(_ button: Int, _ column: Int, _ row: Int) { type("\u{1B}[<\(button);\(column + 1);\(row + 1)M") }

    /// The mouse modes the program has set in its terminal: any reporting, button-event (drag)
    /// tracking and SGR encoding, as tmux records them for the pane.
    var mouseModes: (any: Bool, drag: Bool, sgr: Bool) {
        let out = shell("\(TestArea.tmux) display -p -t \(name) '#{mouse_any_flag} #{mouse_button_flag} #{mouse_sgr_flag}'").out
        let flags = out.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        return flags.count == 3 ? (flags[0], flags[1], flags[2]) : (false, false, false)
    }
}

/// Where `text` first appears on a captured screen: (column, row), counted from 0.
func position(of text: String, in screen: String, after skipRows: Int = 0) -> (x: Int, y: Int)? {
    for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where y >= skipRows {
        if let r = line.range(of: text) { return (line.distance(from: line.startIndex, to: r.lowerBound), y) }
    }
    return nil
}

/// The first row a cropped map of `rows` rows shows, from its header's "y 14–27 of 300".
func firstShownRow(_ screen: String, of rows: Int) -> Int? {
    let pattern = try! NSRegularExpression(pattern: "· y ([0-9]+)–[0-9]+ of \(rows) ")
    guard let m = pattern.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)),
          let r = Range(m.range(at: 1), in: screen) else { return nil }
    return Int(screen[r])
}

/// The mouse in a real terminal: tmux passes the SGR reports to convscope like a terminal would.
@Suite("Mouse in tmux")
struct MouseTests {
    /// Select a parameter, set one by clicking its slider, pin an output cell; after quitting, the
    /// terminal reports no mouse and its settings are as before.
    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func clicksSelectSetAndPin(term: String) throws {
        guard requireTmux() else { return }
        // xterm-256color's terminfo names SGR mouse reports, tmux-256color's the old encoding:
        // convscope reads SGR reports itself either way.
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=\(term) '\(Binary.path)' --fresh")
        let start = tmux.waitFor("output 1×2×6×6")
        #expect(start.ok, "\(start.screen)")
        #expect(tmux.mouseModes == (true, true, true), "clicks, drags and SGR reports are on")

        let stride = try #require(position(of: "stride_w", in: start.screen))
        tmux.click(stride.x, stride.y)
        #expect(tmux.waitFor("▸stride_w").ok, "a click on its row selects stride_w")

        // The output's row 2, column 3 holds 108; the inspector pins it.
        let header = try #require(position(of: "output 1×2×6×6", in: start.screen))
        let row2 = try #require(position(of: "2  27  54", in: start.screen, after: header.y))
        let cell = try #require(position(of: "108", in: start.screen, after: row2.y))
        tmux.click(cell.x + 2, cell.y)
        let pinned = tmux.waitFor("output[0, 2, 3]")
        #expect(pinned.ok, "a click on the cell pins the inspector there:\n\(pinned.screen)")
        tmux.send("Escape")

        // The out_channels slider's last cell is its maximum, 64.
        let channels = try #require(position(of: "out_channels", in: start.screen))
        let sliderEnd = try #require(start.screen.split(separator: "\n")[channels.y].lastIndex(where: { "━●─".contains($0) }))
        let line = start.screen.split(separator: "\n")[channels.y]
        tmux.click(line.distance(from: line.startIndex, to: sliderEnd), channels.y)
        let set = tmux.waitFor("output 1×64×6×6")
        #expect(set.ok, "a click at the slider's end sets out_channels to 64:\n\(set.screen)")
        #expect(set.screen.contains("▸out_channels    64"))

        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        #expect(tmux.mouseModes == (false, false, false), "the shell gets a terminal that reports no mouse")
        let stty = tmux.sttyBeforeAndAfter
        #expect(!stty.before.isEmpty && stty.before == stty.after)
    }

    @Test func wheelScrollsALargeMapAndClicksPastColumn223() throws {
        guard requireTmux() else { return }
        let tmux = TmuxSession(columns: 250, rows: 40,
                               command: "env -u NO_COLOR TERM=xterm-256color '\(Binary.path)' --h-in 300 --w-in 300 --zoom numbers")
        // Drawn once the maps are computed: the crop's row range in the header.
        let start = tmux.waitFor { firstShownRow($0, of: 300) != nil && firstShownRow($0, of: 298) != nil }
        #expect(start.ok, "\(start.screen)")
        // The input's header says which rows are shown: "y 0–13 of 300" until the wheel turns.
        let input = try #require(position(of: "input 1×3×300×300", in: start.screen))
        let shown = try #require(firstShownRow(start.screen, of: 300))
        #expect(shown == 0)
        tmux.wheel(65, input.x + 10, input.y + 5)
        let scrolled = tmux.waitFor { (firstShownRow($0, of: 300) ?? 0) > 0 }
        #expect(scrolled.ok, "the wheel over the maps scrolled them down a page:\n\(scrolled.screen)")
        tmux.wheel(64, input.x + 10, input.y + 5)
        #expect(tmux.waitFor { firstShownRow($0, of: 300) == 0 }.ok, "and back up")
        // A cell right of column 223, where the old encoding cannot report: SGR can.
        let lines = start.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let output = try #require(position(of: "output 1×2×298×298", in: start.screen))
        let rowY = output.y + 4
        let column = 230
        #expect(lines[rowY].count > column)
        tmux.click(column, rowY)
        let pinned = tmux.waitFor { $0.contains("output[0, ") }
        #expect(pinned.ok, "a click at column 230 pins an output cell:\n\(pinned.screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func noMouseLeavesTheMouseToTheTerminalUntilMTurnsItOn() throws {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=xterm-256color '\(Binary.path)' --fresh --no-mouse")
        let start = tmux.waitFor("output 1×2×6×6")
        #expect(start.ok)
        #expect(tmux.mouseModes == (false, false, false), "--no-mouse: no reporting, the terminal selects text")
        tmux.send("m")
        #expect(tmux.waitFor("mouse on").ok)
        #expect(tmux.mouseModes == (true, true, true))
        let stride = try #require(position(of: "stride_h", in: start.screen))
        tmux.click(stride.x, stride.y)
        #expect(tmux.waitFor("▸stride_h").ok)
        tmux.send("m")
        #expect(tmux.waitFor("mouse off").ok)
        #expect(tmux.mouseModes == (false, false, false))
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
