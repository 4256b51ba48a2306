import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The asciicasts played by asciinema-player (the build PyPI's sphinxcontrib-asciinema ships)
/// in chromium-headless-shell: seeked to a time or to a marker, the player's screen shows the
/// frame of that step, read back from the page's text and looked at in a screenshot.
@Suite("Asciicast in asciinema-player")
struct AsciinemaPlayerTests {
    /// The folder holding asciinema-player's JS and CSS, if sphinxcontrib-asciinema is installed
    /// (`pip install --no-deps sphinxcontrib-asciinema`).
    static let bundle: (js: String, css: String)? = {
        guard let (status, out) = try? runToEnd("/usr/bin/env", ["python3", "-c", "import importlib.util, os; "
            + "print(os.path.dirname(importlib.util.find_spec('sphinxcontrib.asciinema').origin))"]), status == 0 else { return nil }
        let dir = out.trimmingCharacters(in: .whitespacesAndNewlines) + "/_static"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        guard let js = files.first(where: { $0.hasPrefix("asciinema-player") && $0.hasSuffix(".js") }),
              let css = files.first(where: { $0.hasPrefix("asciinema-player") && $0.hasSuffix(".css") }) else { return nil }
        return (dir + "/" + js, dir + "/" + css)
    }()
    static let available = AnimationBrowserTests.available && bundle != nil

    /// A page playing `cast` with the player, written beside a copy of its files; `start` is the
    /// script that positions it (`player` is the player).
    static func page(_ cast: String, start: String, options: String, name: String) throws -> (dir: String, file: String) {
        let dir = NSTemporaryDirectory() + "convscope-player-\(name)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (from, to) in [(bundle!.js, "player.js"), (bundle!.css, "player.css")] {
            try? FileManager.default.removeItem(atPath: dir + "/" + to)
            try FileManager.default.copyItem(atPath: from, toPath: dir + "/" + to)
        }
        try cast.write(toFile: dir + "/recording.cast", atomically: true, encoding: .utf8)
        // The recording goes in as data: a page opened from a file may not fetch another file.
        let data = String(decoding: try JSONSerialization.data(withJSONObject: [cast], options: [.fragmentsAllowed]), as: UTF8.self)
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="player.css"></head>
            <body style="margin:0;background:#000"><div id="player"></div><script src="player.js"></script>
            <script>
            var player = AsciinemaPlayer.create({data: \(data)[0]}, document.getElementById("player"), {fit: "width", \(options)});
            \(start)
            </script></body></html>
            """
        let file = dir + "/player.html"
        try html.write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    /// The page's text after `milliseconds` of its virtual time (the player's screen is text).
    static func text(_ file: String, milliseconds: Int = 3000) throws -> String {
        let dom = try runToEnd(BrowserTests.browser, ["--no-sandbox", "--disable-gpu", "--window-size=1920,1080",
                                                      "--virtual-time-budget=\(milliseconds)", "--dump-dom", "file://\(file)"]).output
        // Without the scripts, which hold the whole recording: what is left is the player's screen.
        return dom.replacing(/<script[^>]*>[\s\S]*?<\/script>/, with: "").replacing(/<[^>]*>/, with: "")
            .replacingOccurrences(of: "&nbsp;", with: " ")
    }

    @Test(.enabled(if: available, "chromium-headless-shell or asciinema-player (pip install --no-deps sphinxcontrib-asciinema) is missing"))
    func seekedToATimeThePlayerShowsThatFrame() throws {
        // 0.8 s a frame: 2.0 s into the recording is frame 2, the inspector on output (0, 0, 2).
        let (dir, file) = try Self.page(AsciicastTests.cast(), start: "", options: "poster: \"npt:2.0\"", name: "time")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let screen = try Self.text(file)
        #expect(screen.contains("output[0, 0, 2] = Σ"), "the player's screen: \(screen.suffix(400))")
        #expect(!screen.contains("output[0, 0, 1] = Σ") && !screen.contains("output[0, 0, 3] = Σ"))
    }

    @Test(.enabled(if: available, "chromium-headless-shell or asciinema-player (pip install --no-deps sphinxcontrib-asciinema) is missing"))
    func seekedToAMarkerThePlayerShowsThatStepOfTheTransposedConvolution() throws {
        // Marker 9 of the direct form is output cell (1, 1): its sum written out, torch's value.
        let cast = try TransposedAnimationTests.cast(.direct)
        let (dir, file) = try Self.page(cast, start: "player.seek({marker: 9});", options: "preload: true", name: "marker")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let screen = try Self.text(file)
        #expect(screen.contains("direct: out[0, 1, 1] = \(TransposedAnimationTests.torchOutput[9])"), "\(screen.suffix(400))")
        #expect(!screen.contains("direct: out[0, 1, 0] =") && !screen.contains("direct: out[0, 1, 2] ="))
        // The screenshot shows the player's screen: many pixels off its black page.
        let png = try BrowserTests.shoot(file, to: dir + "/marker.png", options: ["--window-size=1920,1080", "--virtual-time-budget=3000"])
        var lit = 0
        for y in stride(from: 0, to: png.height, by: 4) {
            for x in stride(from: 0, to: png.width, by: 4) {
                let p = png.rgb(x: x, y: y)
                if Int(p.r) + Int(p.g) + Int(p.b) > 200 { lit += 1 }
            }
        }
        #expect(lit > 2000, "only \(lit) sampled pixels are lit: the player drew no screen")
    }
}
