import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// `render --view direct|scatter --animate` and `--format asciicast`: a ConvTranspose2d's two
/// explanations played step by step, their numbers PyTorch's (a committed fixture), the direct
/// form's SVG and HTML played by chromium and the asciicast read by asciinema.
@Suite("Transposed animation")
struct TransposedAnimationTests {
    struct Fixture: Decodable {
        let torch: String, layer: String
        let in_channels: Int, out_channels: Int, kernel_size: Int, stride: Int, padding: Int, output_padding: Int
        let input_shape: [Int], input: [Float], weight_shape: [Int], weight: [Float], output_shape: [Int], output: [Float]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/transposed_animation_torch.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static var explained: TransposedAsDirect {
        let f = fixture
        let layer = ConvTranspose2dLayer(f.in_channels, f.out_channels, kernelSize: SpatialPair(square: f.kernel_size),
                                         stride: SpatialPair(square: f.stride), padding: SpatialPair(square: f.padding),
                                         outputPadding: SpatialPair(square: f.output_padding), bias: false)
        return TransposedAsDirect(layer, inputHeight: f.input_shape[2], inputWidth: f.input_shape[3])
    }
    static var input: Tensor4 { Tensor4(shape: fixture.input_shape, storage: fixture.input) }
    static var weight: Tensor4 { Tensor4(shape: fixture.weight_shape, storage: fixture.weight) }
    /// Torch's output channel 0, as the maps write it.
    static var torchOutput: [String] { fixture.output.map { NumberText.cell($0) } }

    static func slide(_ view: TransposedView, theme: ExportTheme = .light, animated: Bool = true, language: Language = .en) throws -> Slide {
        try TransposedSlide(explained, input: input, weight: weight, bias: nil, theme: theme,
                            environment: RenderEnvironment(language: language)).make(view, animated: animated)
    }

    /// The grid of `slide` whose top-left cell is closest below the text `title`.
    static func grid(_ slide: Slide, under title: String) -> SlideGrid {
        let label = slide.texts.first { $0.text == title }!
        return slide.grids.filter { $0.y > label.y && abs($0.x - label.x) < 60 }.min { $0.y < $1.y }!
    }

    @Test func theFixtureIsTorchs() {
        #expect(Self.fixture.torch.hasPrefix("2.13"))
        #expect(Self.fixture.layer == Self.explained.layer.pytorchRepr)
    }

    @Test func theDirectFormLightsEachOutputCellInTurnWithTorchsValue() throws {
        let slide = try Self.slide(.direct)
        let output = Self.grid(slide, under: "output, channel 0")
        #expect(output.cells.map(\.label) == Self.torchOutput.map { Optional($0) })
        #expect(slide.frames.count == 64)
        for (i, frame) in slide.frames.enumerated() {
            let (y, x) = (i / 8, i % 8)
            #expect(frame.texts.map(\.text) == ["output[0, \(y), \(x)] = \(Self.torchOutput[i])"])
            // Nine taps on each of the two direct inputs, and the output cell.
            #expect(frame.marks.count == 2 * 9 + 1)
            #expect(frame.marks.last!.box == output.box(row: y, column: x))
        }
        // The direct input is the zero-inserted, padded one: 4×4 → 7×7, padded 1 before, 2 after.
        let direct = Self.grid(slide, under: "direct input, channel 0")
        #expect(direct.rows == 10 && direct.columns == 10)
        #expect(direct.cells.filter { !$0.isPadding }.count == 16)
        #expect(direct.cells[1 * 10 + 3].label == "1" && direct.cells[1 * 10 + 2].isPadding)
        // The kernel as applied is the transposed weight turned 180°.
        let flipped = Self.grid(slide, under: "flipped kernel 0←0")
        #expect(flipped.cells.map(\.label) == Self.fixture.weight.prefix(9).reversed().map { NumberText.cell($0) })
    }

    @Test func theScatterFormAccumulatesStampsToTorchsOutput() throws {
        let slide = try Self.slide(.scatter)
        #expect(slide.frames.count == 16, "one stamp per input position")
        var landedSoFar = 0
        for (i, frame) in slide.frames.enumerated() {
            let (stamp, counts, partial) = (frame.grids[0], frame.grids[1], frame.grids[2])
            #expect(stamp.rows == 3 && stamp.columns == 3)
            let landed = frame.marks.filter(\.tint).count / 2
            landedSoFar += landed
            #expect(counts.cells.compactMap { $0.label.flatMap(Int.init) }.reduce(0, +) == landedSoFar, "frame \(i)")
            #expect(frame.texts[0].text.hasPrefix("stamp \(i + 1) of 16: input (\(i / 4), \(i % 4))"))
        }
        let last = slide.frames.last!
        #expect(last.grids[2].cells.map(\.label) == Self.torchOutput.map { Optional($0) })
        #expect(last.grids[1].cells.map { Int($0.label!)! } == Self.explained.overlapCounts.flatMap { $0 })
        // The still picture's output is torch's too.
        let still = try Self.slide(.scatter, animated: false)
        #expect(still.frames.isEmpty)
        #expect(Self.grid(still, under: "output, channel 0").cells.map(\.label) == Self.torchOutput.map { Optional($0) })
    }

    @Test(arguments: TransposedView.allCases, [(ExportTheme.dark, Language.en), (.light, .ru)])
    func theSlideStaysReadableWithNoOverlappingText(_ view: TransposedView, _ variant: (ExportTheme, Language)) throws {
        let slide = try Self.slide(view, theme: variant.0, language: variant.1)
        #expect(slide.grids.allSatisfy { $0.cells.allSatisfy { $0.isPadding || $0.label != nil } }, "numbers in every cell")
        #expect(slide.width <= SlideMetrics.maxWidth && slide.height <= SlideMetrics.maxHeight)
        #expect(slide.texts.allSatisfy { $0.size >= SlideMetrics.smallFont })
        for frame in slide.frames.prefix(3) {
            let texts = slide.texts + frame.texts
            for (i, a) in texts.enumerated() {
                for b in texts[(i + 1)...] { #expect(!a.box.overlaps(b.box), "\(a.text) / \(b.text)") }
            }
        }
        for grid in slide.grids { #expect(grid.cell >= 8, "square cells a slide can read") }
    }

    // MARK: the browser

    static func write(_ view: TransposedView, _ format: String) throws -> (slide: Slide, dir: String, file: String) {
        let slide = try Self.slide(view)
        let dir = NSTemporaryDirectory() + "convscope-transposed-\(view.rawValue)-\(format)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/slide.\(format)"
        try (format == "svg" ? SlideSVG.export(slide) : SlideHTML.export(slide, language: .en)).write(toFile: file, atomically: true, encoding: .utf8)
        return (slide, dir, file)
    }

    @Test(.enabled(if: AnimationBrowserTests.available, "chromium-headless-shell is not installed (apt-get install chromium-headless-shell)"),
          arguments: ["svg", "html"])
    func theDirectFormsTwoMomentsDifferWhereTheKernelMoved(_ format: String) throws {
        let (slide, dir, file) = try Self.write(.direct, format)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 0.4 s is frame 0 (output cell 0,0); 2.0 s is frame 2 (output cell 0,2).
        let early = try AnimationBrowserTests.screenshot(file, at: 400), late = try AnimationBrowserTests.screenshot(file, at: 2000)
        let diff = AnimationBrowserTests.differences(early, late, slide: slide, viewHeight: format == "svg" ? 1080 : 1080 - 56)
        #expect(diff.inSlide.count > 100, "the two moments look the same: the animation did not play")
        let expected = AnimationBrowserTests.boxes(slide.frames[0]) + AnimationBrowserTests.boxes(slide.frames[2])
        let stray = diff.inSlide.filter { !AnimationBrowserTests.within($0, expected) }
        #expect(stray.isEmpty, "\(stray.count) points changed outside the kernel's marks, e.g. \(stray.prefix(3))")
        let output = Self.grid(slide, under: "output, channel 0")
        for column in [0, 2] {
            #expect(diff.inSlide.contains { AnimationBrowserTests.within($0, [output.box(row: 0, column: column)], slack: 0) },
                    "output (0, \(column))")
        }
        // The window over the direct input: columns 0–2 at frame 0, 2–4 at frame 2.
        let direct = Self.grid(slide, under: "direct input, channel 1")
        for column in [0, 4] {
            #expect(diff.inSlide.contains { AnimationBrowserTests.within($0, [direct.box(row: 1, column: column)], slack: -4) },
                    "direct input column \(column)")
        }
        #expect(!diff.inSlide.contains { AnimationBrowserTests.within($0, [direct.box(row: 1, column: 6)], slack: 0) })
    }

    @Test(.enabled(if: AnimationBrowserTests.available, "chromium-headless-shell is not installed (apt-get install chromium-headless-shell)"))
    func theScatterFormsOutputGrowsBetweenTwoMoments() throws {
        let (slide, dir, file) = try Self.write(.scatter, "svg")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let early = try AnimationBrowserTests.screenshot(file, at: 400), late = try AnimationBrowserTests.screenshot(file, at: 2000)
        let diff = AnimationBrowserTests.differences(early, late, slide: slide, viewHeight: 1080)
        func boxes(_ f: SlideFrame) -> [SlideBox] {
            AnimationBrowserTests.boxes(f) + f.grids.map { SlideBox(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }
        }
        let stray = diff.inSlide.filter { !AnimationBrowserTests.within($0, boxes(slide.frames[0]) + boxes(slide.frames[2])) }
        #expect(diff.inSlide.count > 100)
        #expect(stray.isEmpty, "\(stray.count) points changed outside the stamps, e.g. \(stray.prefix(3))")
        // Stamp 3 (input 0, 2) lands on output columns 3–5 of rows 0–1, which stamp 1 did not reach.
        let partial = slide.frames[2].grids[2]
        #expect(diff.inSlide.contains { AnimationBrowserTests.within($0, [partial.box(row: 0, column: 4)], slack: -4) })
    }

    // MARK: the asciicast

    static func cast(_ view: TransposedView) throws -> String {
        let tour = TransposedTour(explained, input: input, weight: weight, bias: nil, environment: RenderEnvironment(language: .en))
        return AsciicastExporter.export(try tour.frames(view, width: 120), title: "test")
    }

    static func events(_ cast: String) throws -> [[Any]] {
        try cast.split(separator: "\n").dropFirst().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [Any] }
    }

    @Test func theDirectCastHasAMarkerPerOutputCellNamingTorchsValue() throws {
        let events = try Self.events(try Self.cast(.direct))
        let markers = events.filter { $0[1] as? String == "m" }.map { $0[2] as! String }
        #expect(markers == (0..<64).map { "output[0, \($0 / 8), \($0 % 8)] = \(Self.torchOutput[$0])" })
        let screens = events.filter { $0[1] as? String == "o" }.map { $0[2] as! String }
        #expect(screens[9].contains("direct: out[0, 1, 1] = \(Self.torchOutput[9])"))
    }

    @Test func theScatterCastEndsOnTorchsOutput() throws {
        let events = try Self.events(try Self.cast(.scatter))
        let markers = events.filter { $0[1] as? String == "m" }.map { $0[2] as! String }
        #expect(markers == (0..<16).map { "input[:, \($0 / 4), \($0 % 4)]" })
        let last = events.filter { $0[1] as? String == "o" }.map { $0[2] as! String }.dropLast().last!
        #expect(last.contains("stamp 16 of 16"))
        // The last screen's output map, read back from its characters, is torch's output.
        let tour = TransposedTour(Self.explained, input: Self.input, weight: Self.weight, bias: nil,
                                  environment: RenderEnvironment(language: .en))
        let lines = try tour.frames(.scatter, width: 120).last!.canvas.lines
        let top = try #require(lines.firstIndex { $0.contains("output 0 so far") })
        let column = lines[top].distance(from: lines[top].startIndex, to: lines[top].range(of: "output 0 so far")!.lowerBound)
        let read = lines[(top + 1)...(top + 8)].flatMap { line in
            String(line.dropFirst(column)).replacingOccurrences(of: "*", with: " ").split(separator: " ").prefix(8).map(String.init)
        }
        #expect(read == Self.torchOutput)
    }

    @Test(.enabled(if: AsciicastTests.asciinema != nil, "asciinema is not installed (pip install asciinema)"),
          arguments: TransposedView.allCases)
    func asciinemaReadsIt(_ view: TransposedView) throws {
        let dir = NSTemporaryDirectory() + "convscope-transposed-cast-\(view.rawValue)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/\(view.rawValue).cast"
        try Self.cast(view).write(toFile: path, atomically: true, encoding: .utf8)
        let (status, out) = try AsciicastTests.asciinemaCat(path)
        #expect(status == 0)
        if view == .direct {
            #expect(out.contains("direct: out[0, 0, 0] = \(Self.torchOutput[0])") && out.contains("direct: out[0, 7, 7] = \(Self.torchOutput[63])"))
        } else {
            #expect(out.contains("stamp 1 of 16") && out.contains("stamp 16 of 16"))
        }
    }
}
