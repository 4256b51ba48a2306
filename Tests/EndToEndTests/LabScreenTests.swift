import Foundation
import Testing

/// What a lab relies on, in a real terminal: one command line shows the same screen on every
/// machine, the P panel's lines reproduce the view, and Esc or a stray key never ends a session.
@Suite("Lab screen in tmux", .serialized)
struct LabScreenTests {
    /// convscope with a given state home, so a saved session from an earlier run is present.
    static func start(_ flags: String = "", stateHome: String, columns: Int = 80, rows: Int = 24) -> TmuxSession {
        TmuxSession(columns: columns, rows: rows, command:
            "export XDG_STATE_HOME='\(stateHome)'; env -u NO_COLOR TERM=tmux-256color \(Binary.path) \(flags)")
    }

    /// Runs convscope once, changes h_in to 9 and quits, leaving that session saved in `stateHome`.
    static func saveSession(in stateHome: String) {
        let first = start(stateHome: stateHome)
        #expect(first.waitFor("output 1×2×6×6").ok)
        first.send("Right")
        #expect(first.waitFor("input 1×3×9×8").ok)
        first.send("q")
        #expect(first.exitStatus() == 0)
    }

    @Test func aParameterFlagStartsFromTheDefaultsNotTheSavedSession() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("lab-flags") { (home: String) throws in
            Self.saveSession(in: home)
            // One flag: the notebook's defaults plus that flag, whatever was saved.
            let flagged = Self.start("--kernel-size 5", stateHome: home)
            let r = flagged.waitFor { $0.contains("input 1×3×8×8") && $0.contains("output 1×2×4×4") }
            #expect(r.ok, "defaults + --kernel-size 5:\n\(r.screen)")
            #expect(!r.screen.contains("restored last session"))
            flagged.send("q")
            #expect(flagged.exitStatus() == 0)
            // Quitting saved kernel 5 on h_in 8; no flag at all brings exactly that back, and says so once.
            let plain = Self.start(stateHome: home)
            let restored = plain.waitFor { $0.contains("output 1×2×4×4") && $0.contains("restored last session · --fresh for defaults") }
            #expect(restored.ok, "no flags restore the saved session:\n\(restored.screen)")
            plain.send("Right")
            #expect(plain.waitFor { !$0.contains("restored last session") && $0.contains("input 1×3×9×8") }.ok, "said once")
            plain.send("q")
            #expect(plain.exitStatus() == 0)
        }
    }

    /// The render line of the P panel, read off the screen: the rows under its heading, inside the box.
    static func renderLine(on screen: String) -> String? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard let top = rows.firstIndex(where: { String($0).contains("╭ code") }),
              let left = rows[top].firstIndex(of: "╭"),
              let heading = rows.firstIndex(where: { String($0).contains("this screen as a picture") }) else { return nil }
        var pieces: [String] = []
        for row in rows[(heading + 1)...] {
            guard row.count > left, row[left] == "│" else { break }
            var text = String(row[(left + 1)...]).trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("│") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            if text.hasSuffix("\\") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            pieces.append(text)
        }
        return pieces.joined(separator: " ")
    }

    static func trimmedLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Ways to reach a view: flags, an environment, keys, and what its render line must contain.
    static let views: [(flags: String, env: String, keys: [String], expected: [String])] = [
        // The inspector, a zoom by hand, the light theme.
        ("--stride 2 --padding 1 --out-channels 3", "", ["Tab", "Down", "Right", "Right", "z", "t"],
         ["--out-channels 3", "--padding 1", "--stride 2", "--zoom ", "--theme light", "--inspect 0,1,2"]),
        // No colours, the reverse inspector on channel 1, the padded view, a dilated kernel.
        ("--dilation 2 --h-in 12", "NO_COLOR=1", ["Tab", "Tab", "PageDown", "Down", "p"],
         ["--h-in 12", "--dilation 2", "--no-color", "--padded", "--inspect-input 1,1,0"]),
    ]

    /// With a different session saved, the P panel's render line paints exactly the screen in tmux.
    @Test(arguments: 0..<2)
    func thePLineRendersTheScreenItCameFrom(_ index: Int) throws {
        guard requireTmux() else { return }
        let view = Self.views[index]
        try withTemporaryDirectory("lab-pline-\(index)") { (home: String) throws in
            Self.saveSession(in: home)
            let tmux = TmuxSession(columns: 120, rows: 40, command:
                "export XDG_STATE_HOME='\(home)'; env -u NO_COLOR \(view.env) TERM=tmux-256color \(Binary.path) \(view.flags)")
            #expect(tmux.waitFor("output 1×").ok)
            for key in view.keys {
                tmux.send(key)
                usleep(50_000)
            }
            tmux.send("P")
            let shown = tmux.waitFor { s in
                guard let line = Self.renderLine(on: s) else { return false }
                return view.expected.allSatisfy { line.contains($0) }
            }
            #expect(shown.ok, "the P panel shows the render line:\n\(shown.screen)")
            guard let line = Self.renderLine(on: shown.screen) else { return }
            #expect(line.hasPrefix("convscope render --format svg -o convscope.svg --size 120x40"))
            #expect(line.contains("--panel code"))
            #expect(!line.contains("--h-in 9"), "nothing of the saved session (h_in 9)")
            let command = line.replacingOccurrences(of: "convscope render --format svg -o convscope.svg",
                                                    with: "'\(Binary.path)' render --format text")
            let rendered = shell(command)
            #expect(rendered.status == 0, "\(command): \(rendered.err)")
            #expect(Self.trimmedLines(rendered.out) == Self.trimmedLines(shown.screen), "render:\n\(rendered.out)\ntmux:\n\(shown.screen)")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
        }
    }

    @Test func escBacksOutAndNeverQuits() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--fresh")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("Tab", "c")
        tmux.type("12")
        #expect(tmux.waitFor(" K = 12_").ok, "digits in the cost panel type K")
        tmux.send("Escape")
        #expect(tmux.waitFor { !$0.contains("K = 12_") && $0.contains("conv vs dense") }.ok, "Esc drops the typed value")
        tmux.send("Escape")
        #expect(tmux.waitFor { !$0.contains("conv vs dense") && $0.contains("output[0, 0, 0]") }.ok, "then the panel")
        tmux.send("Escape")
        #expect(tmux.waitFor { !$0.contains("output[0, 0, 0] =") }.ok, "then the inspector")
        tmux.send("Escape")
        #expect(tmux.waitFor("nothing to close · q quits").ok, "and then nothing")
        // Keys are read in order: once the c after them has opened its panel, the two Escs were read
        // and did not quit. Esc then closes that panel again.
        tmux.send("Escape", "Escape", "c")
        #expect(tmux.waitFor("conv vs dense").ok, "still running")
        tmux.send("Escape")
        #expect(tmux.waitFor { !$0.contains("conv vs dense") }.ok)
        // While a value is typed, q and the arrows wait: the 6 typed after them is read after them.
        tmux.type("1")
        #expect(tmux.waitFor(" h_in = 1_").ok)
        tmux.send("q", "Down", "r")
        tmux.type("6")
        let waiting = tmux.waitFor(" h_in = 16_")
        #expect(waiting.ok && waiting.screen.contains("▸h_in"), "q, ↓ and r did nothing:\n\(waiting.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor("input 1×3×16×8").ok, "the typed value is set")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func exportDirFrameAndThemeReachTheFile() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("lab-export") { (dir: String) throws in
            let tmux = InteractiveTests.start("--fresh --export-dir '\(dir)' --frame maps --theme light")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            tmux.send("e")
            let r = tmux.waitFor { $0.replacingOccurrences(of: "\n ", with: "").contains("exported \(dir)/convscope-") }
            #expect(r.ok, "the status line shows the absolute path:\n\(r.screen)")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".svg") }
            #expect(files.count == 1)
            guard let name = files.first else { return }
            let svg = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            #expect(svg.contains("output 1×2×6×6") && svg.contains("H_out"), "maps and formula")
            #expect(!svg.contains("parameters") && !svg.contains("q quit"), "no panel, no hints")
            #expect(svg.contains("fill=\"#ffffff\""), "the light page")
        }
    }

    /// --theme light paints a white page in the terminal; t switches back to the terminal's own colours.
    @Test func lightThemeInTheTerminal() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--fresh --theme light")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        let white = "48;5;231m"  // xterm-256 entry 231 is #ffffff
        func colours() -> String { shell("\(TestArea.tmux) capture-pane -e -p -t \(tmux.name)").out }
        let light = colours()
        #expect(light.components(separatedBy: white).count > 20, "the page is painted white")
        tmux.send("t")
        #expect(tmux.waitFor("dark theme").ok)
        #expect(!colours().contains(white), "dark: the terminal's own background again")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test(arguments: [("/no/such/dir", "does not exist"), ("/etc/hostname", "is a file, not a directory")])
    func aBadExportDirIsOneClearLine(_ dir: String, _ reason: String) {
        let r = shell("'\(Binary.path)' --export-dir '\(dir)'")
        #expect(r.status == 64)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(r.err)")
        #expect(r.err.contains("--export-dir \(dir) \(reason)"), "\(r.err)")
    }
}
