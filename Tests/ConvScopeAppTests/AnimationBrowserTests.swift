import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The animated SVG and HTML played by a real browser: chromium-headless-shell screenshots
/// them at two moments of the animation, and the pictures differ exactly where the kernel
/// moved: the taps of the two frames, their output cells and the line naming the cell.
@Suite("Animation in a browser")
struct AnimationBrowserTests {
    static let browser = BrowserTests.browser
    static let available = FileManager.default.isExecutableFile(atPath: browser)

    /// Screenshot of `file` at 1920×1080 as it plays `milliseconds` into the animation, after
    /// that much of the page's virtual time (the HTML's counter runs on it).
    static func screenshot(_ file: String, at milliseconds: Int) throws -> PNGImage {
        try BrowserTests.shoot(try held(file, at: milliseconds), to: file + ".\(milliseconds).png",
                               options: ["--window-size=1920,1080", "--virtual-time-budget=\(milliseconds)"])
    }

    /// A copy of `file` held `milliseconds` into its animation: every frame's delay moved back by
    /// that time and the animation paused. The browser still works out from the file's own
    /// keyframes and delays which frame shows then, but a loaded machine's slow clock cannot make
    /// both moments the same picture (it did, with both cores busy).
    static func held(_ file: String, at milliseconds: Int) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var delays = 0
        let held = text.replacing(/style="animation-delay: ([0-9.]+)s"/) { match in
            delays += 1
            let delay = Double(match.1)! - Double(milliseconds) / 1000
            return "style=\"animation-delay: \(delay)s; animation-play-state: paused\""
        }
        #expect(delays > 1, "the animation's frames carry their delays")
        let url = URL(fileURLWithPath: file)
        let copy = url.deletingLastPathComponent().appendingPathComponent("at\(milliseconds)-" + url.lastPathComponent).path
        try held.write(toFile: copy, atomically: true, encoding: .utf8)
        return copy
    }

    /// The slide's points that differ between the two pictures, in slide units; the slide is
    /// drawn centred in a `viewHeight`-pixel-high box at the top of the window, keeping its aspect.
    static func differences(_ a: PNGImage, _ b: PNGImage, slide: Slide, viewHeight: Double)
        -> (inSlide: [(Double, Double)], outside: Int)
    {
        let scale = min(1920 / slide.width, viewHeight / slide.height)
        let left = (1920 - slide.width * scale) / 2, top = (viewHeight - slide.height * scale) / 2
        var points: [(Double, Double)] = [], outside = 0
        for y in 0..<min(a.height, b.height) {
            for x in 0..<min(a.width, b.width) {
                let p = a.rgb(x: x, y: y), q = b.rgb(x: x, y: y)
                guard abs(Int(p.r) - Int(q.r)) + abs(Int(p.g) - Int(q.g)) + abs(Int(p.b) - Int(q.b)) > 24 else { continue }
                if Double(y) >= viewHeight { outside += 1; continue }
                points.append(((Double(x) + 0.5 - left) / scale, (Double(y) + 0.5 - top) / scale))
            }
        }
        return (points, outside)
    }

    /// The boxes a frame draws: its marks and its text.
    static func boxes(_ frame: SlideFrame) -> [SlideBox] {
        frame.marks.map(\.box) + frame.texts.map(\.box)
    }

    static func within(_ p: (Double, Double), _ boxes: [SlideBox], slack: Double = 3) -> Bool {
        boxes.contains { p.0 >= $0.x - slack && p.0 <= $0.x + $0.width + slack && p.1 >= $0.y - slack && p.1 <= $0.y + $0.height + slack }
    }

    /// The course notebook's layer animated, written as slide.svg or slide.html in a new folder.
    static func write(_ format: String, theme: ExportTheme, name: String) throws -> (slide: Slide, dir: String, file: String) {
        var state = AppState(parameters: Conv2dSettings())
        state.theme = theme
        let maps = try ComputedMaps(ConvExperiment(state.parameters))
        let slide = ConvSlide.make(state, maps: maps, environment: RenderEnvironment(language: .en), animated: true)!
        let dir = NSTemporaryDirectory() + "convscope-animation-\(name)-\(format)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/slide.\(format)"
        try (format == "svg" ? SlideSVG.export(slide) : SlideHTML.export(slide, language: .en)).write(toFile: file, atomically: true, encoding: .utf8)
        return (slide, dir, file)
    }

    @Test(.enabled(if: available, "chromium-headless-shell is not installed (apt-get install chromium-headless-shell)"),
          arguments: ["svg", "html"])
    func twoMomentsDifferWhereTheKernelMoved(_ format: String) throws {
        let (slide, dir, file) = try Self.write(format, theme: .light, name: "moments")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 0.4 s is frame 0 (output cell 0,0); 2.0 s is frame 2 (output cell 0,2), 0.8 s a frame.
        let early = try Self.screenshot(file, at: 400), late = try Self.screenshot(file, at: 2000)
        let viewHeight = format == "svg" ? 1080.0 : 1080 - 56
        let diff = Self.differences(early, late, slide: slide, viewHeight: viewHeight)
        #expect(diff.inSlide.count > 100, "the two moments look the same: the animation did not play")
        let expected = Self.boxes(slide.frames[0]) + Self.boxes(slide.frames[2])
        let stray = diff.inSlide.filter { !Self.within($0, expected) }
        #expect(stray.isEmpty, "\(stray.count) points changed outside the kernel's marks, e.g. \(stray.prefix(3))")
        // Both output cells changed: the mark left (0, 0) and reached (0, 2).
        let output = slide.grids[6]
        for column in [0, 2] {
            #expect(diff.inSlide.contains { Self.within($0, [output.box(row: 0, column: column)], slack: 0) }, "output (0, \(column))")
        }
        // Taps of frame 0 only (input column 0) and of frame 2 only (column 4) both changed.
        let input = slide.grids[0]
        for column in [0, 4] {
            #expect(diff.inSlide.contains { Self.within($0, [input.box(row: 1, column: column)], slack: -4) }, "input column \(column)")
        }
        if format == "html" { #expect(diff.outside > 0, "the frame counter under the picture moved on") }
    }

    @Test(.enabled(if: available, "chromium-headless-shell is not installed (apt-get install chromium-headless-shell)"))
    func aLinkToAFrameOpensPausedOnItAsThePlayingPageShowsIt() throws {
        let (slide, dir, file) = try Self.write("html", theme: .dark, name: "link")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Playing, 2.0 s is frame 3 (index 2); the link shows frame 3 by script, paused, at any time.
        let playing = try Self.screenshot(file, at: 2000)
        let linked = try BrowserTests.shoot(file + "#frame=3", to: dir + "/linked.png",
                                            options: ["--window-size=1920,1080", "--virtual-time-budget=5000"])
        let slideArea = Self.differences(playing, linked, slide: slide, viewHeight: 1080 - 56)
        #expect(slideArea.inSlide.isEmpty, "\(slideArea.inSlide.count) points differ between frame 3 played and linked")
        let other = try BrowserTests.shoot(file + "#frame=9", to: dir + "/other.png",
                                           options: ["--window-size=1920,1080", "--virtual-time-budget=500"])
        #expect(Self.differences(playing, other, slide: slide, viewHeight: 1080 - 56).inSlide.count > 100)
    }
}
