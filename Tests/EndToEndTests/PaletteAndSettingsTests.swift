import Foundation
import Testing

/// --cmap in exports and on screen, and the settings file in a real session.
@Suite("Palettes and the settings file")
struct PaletteAndSettingsTests {
    /// Line i of data/colormaps/<name>.csv as "#rrggbb": matplotlib's entry i.
    static func matplotlibEntry(_ name: String, _ index: Int) throws -> String {
        let text = try String(contentsOfFile: Binary.root + "/data/colormaps/\(name).csv", encoding: .utf8)
        let rgb = text.split(separator: "\n")[index].split(separator: ",").map { Int($0)! }
        return String(format: "#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
    }

    /// Every annotated heatmap cell of `render --cmap name` is filled, in the SVG, with matplotlib's
    /// colour for its value: inputs 0…7 on the scale 0–8, outputs 27…162 on the scale 0–162.
    @Test(arguments: ["viridis", "cividis"])
    func svgCarriesMatplotlibsExactColours(_ name: String) throws {
        let flags = "--cmap \(name) --size 100x26"
        let svg = shell("'\(Binary.path)' render --format svg \(flags)")
        let text = shell("'\(Binary.path)' render --format text \(flags)")
        #expect(svg.status == 0 && text.status == 0, "\(svg.err)\(text.err)")
        // Cell paint from the rects: x, y in character cells (9.6 × 19 pixels); runs span columns.
        var paint: [[Int]: String] = [:]
        let rect = try NSRegularExpression(pattern: #"<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="[0-9.]+" fill="(#[0-9a-f]{6})""#)
        for m in rect.matches(in: svg.out, range: NSRange(svg.out.startIndex..., in: svg.out)) {
            func number(_ i: Int) -> Double { Double(svg.out[Range(m.range(at: i), in: svg.out)!])! }
            let x0 = Int((number(1) / 9.6).rounded()), y = Int((number(2) / 19).rounded()), n = Int((number(3) / 9.6).rounded())
            for x in x0..<(x0 + n) { paint[[x, y]] = String(svg.out[Range(m.range(at: 4), in: svg.out)!]) }
        }
        var checked = 0
        for (y, line) in text.out.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var x = 0
            while x < characters.count {
                guard characters[x].isNumber, x == 0 || !characters[x - 1].isNumber else { x += 1; continue }
                let digits = String(characters[x...].prefix { $0.isNumber })
                defer { x += digits.count }
                // Painted cells only: the panel's values and the axis labels have no cell colour.
                guard let fill = paint[[x, y]], let value = Int(digits) else { continue }
                let isInput = (0...7).contains(value), isOutput = value % 27 == 0 && (27...162).contains(value)
                guard isInput || isOutput else { continue }
                let t = Float(value) / (isInput ? 8 : 162)
                let index = min(255, Int(t * 256))
                #expect(fill == (try Self.matplotlibEntry(name, index)), "\(name): value \(value) at \(x),\(y)")
                checked += 1
            }
        }
        #expect(checked >= 8 * 8 * 3 + 6 * 6 * 2, "every cell of the three input and two output maps")
        // Anchors independent of the CSV: matplotlib's viridis(0.5) is (33, 145, 140).
        if name == "viridis" { #expect(svg.out.contains(##"fill="#21918c""##)) }
    }

    @Test func badCmapIsOneLineNamingWhatIsAllowed() {
        let result = shell("'\(Binary.path)' render --format text --cmap jet")
        #expect(result.status == 64)
        #expect(result.err == "convscope: --cmap jet is not a palette: allowed rocket, viridis, cividis, magma, gray. (see convscope render --help)\n")
    }

    /// A settings file with a palette, the mouse off and a key convscope does not know: the screen
    /// starts with them, says which line was wrong, and a flag wins over the file.
    @Test func settingsFileInASession() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("settings") { (dir: String) throws in
            try FileManager.default.createDirectory(atPath: dir + "/convscope", withIntermediateDirectories: true)
            try "cmap = \"cividis\"\nmouse = false\ncolour = \"blue\"\nanimation_speed = 8\n"
                .write(toFile: dir + "/convscope/config.toml", atomically: true, encoding: .utf8)
            let run = "env -u NO_COLOR TERM=xterm-256color XDG_CONFIG_HOME='\(dir)' '\(Binary.path)' --fresh"
            let tmux = TmuxSession(columns: 200, rows: 50, command: run)
            let start = tmux.waitFor("output 1×2×6×6")
            #expect(start.ok)
            #expect(start.screen.contains("config.toml line 3: unknown key colour"), "the status line:\n\(start.screen)")
            #expect(tmux.mouseModes == (false, false, false), "mouse = false")
            tmux.send("P")
            #expect(tmux.waitFor("--cmap cividis").ok, "the P panel reproduces the palette")
            tmux.send("Escape")
            tmux.send("space")
            #expect(tmux.waitFor("8 cells/s").ok, "animation_speed = 8")
            tmux.send("Escape")
            tmux.send("C")
            #expect(tmux.waitFor("palette magma").ok, "C goes on from the file's cividis")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            // The warning was printed before the screen started, so it is there after it ends.
            #expect(tmux.capture().contains("config.toml line 3: unknown key colour (known: theme, cmap, lang, mouse, animation_speed)"))
            let saved = try String(contentsOfFile: tmux.dir + "/state/convscope/state.json", encoding: .utf8)
            #expect(saved.contains(#""cmap" : "magma""#), "the session keeps the palette")

            let flagged = TmuxSession(columns: 200, rows: 50, command: run + " --cmap viridis")
            #expect(flagged.waitFor("output 1×2×6×6").ok)
            flagged.send("P")
            #expect(flagged.waitFor("--cmap viridis").ok, "--cmap wins over the file")
            flagged.send("q")
            #expect(flagged.exitStatus() == 0)
        }
    }
}
