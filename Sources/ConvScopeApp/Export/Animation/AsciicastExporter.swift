import ConvCore

/// Writes screens as an asciicast (asciinema's v2 format): a JSON header line, then one
/// `[time, "o", data]` event per frame and a `[time, "m", label]` marker, so a player can jump
/// to each frame and a talk can stop on it.
public enum AsciicastExporter {
    /// One screen of the recording and the marker's label for it.
    public struct Frame: Sendable {
        public var canvas: Canvas
        public var label: String
        public init(canvas: Canvas, label: String) { self.canvas = canvas; self.label = label }
    }

    /// The recording; each frame stays `seconds` on screen. Every frame repaints the whole screen
    /// from the top left, so a player can start at any marker.
    public static func export(_ frames: [Frame], title: String, seconds: Double = 0.8) -> String {
        let width = frames.map(\.canvas.width).max() ?? 80, height = frames.map(\.canvas.height).max() ?? 24
        var out = header(width: width, height: height, title: title)
        for (i, frame) in frames.enumerated() {
            let time = Double(i) * seconds
            out += event(time, "o", screen(frame.canvas))
            out += event(time, "m", frame.label)
        }
        // The last frame stays on screen for its time too before the recording ends.
        out += event(Double(frames.count) * seconds, "o", "")
        return out
    }

    /// The header line.
    public static func header(width: Int, height: Int, title: String) -> String {
        "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"title\": \(json(title)), "
            + "\"env\": {\"TERM\": \"xterm-256color\"}}\n"
    }

    /// One event line: output ("o"), a marker ("m") or a resize ("r") at `time` seconds.
    public static func event(_ time: Double, _ code: String, _ data: String) -> String {
        "[\(seconds(time)), \"\(code)\", \(json(data))]\n"
    }

    /// A whole screen as terminal output: home, clear, then every row in 24-bit colour.
    public static func screen(_ canvas: Canvas) -> String {
        "\u{1B}[H\u{1B}[2J" + ANSIExporter.export(canvas).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().joined(separator: "\r\n")
    }

    /// Seconds with at most three decimals, as asciinema writes them.
    static func seconds(_ t: Double) -> String {
        let ms = Int((t * 1000).rounded())
        let frac = String(ms % 1000)
        return ms % 1000 == 0 ? "\(ms / 1000)" : "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// A JSON string literal, escaped as every string convscope writes.
    static func json(_ s: String) -> String { StackJSONWriter.quoted(s) }
}

/// The frames of the sliding kernel on the real screen: the inspector pinned on each output
/// cell of channel 0 in turn, in the frame (whole screen or maps) the export asks for.
public enum KernelTour {
    /// One frame per output cell of channel 0 (at most `ConvSlide.maxFrames`); empty when
    /// PyTorch refuses the layer.
    public static func frames(_ state: AppState, maps: ComputedMaps, frame: ExportFrame,
                              environment env: RenderEnvironment) -> [AsciicastExporter.Frame] {
        guard case .success(let output) = maps.experiment.output else { return [] }
        let h = output.shape[2], w = output.shape[3]
        var frames: [AsciicastExporter.Frame] = []
        for y in 0..<h {
            for x in 0..<w where frames.count < ConvSlide.maxFrames {
                let pinned = update(state, .inspect(.output, CellCursor(channel: 0, y: y, x: x)))
                let canvas = frame == .screen ? view(pinned, maps: maps, environment: env)
                    : ExportFrame.mapsOnly(pinned, maps: maps, environment: env, keepingMarks: true)
                frames.append(.init(canvas: canvas, label: SlideWords.step(0, y, x, value: NumberText.cell(output[0, 0, y, x]))))
            }
        }
        return frames
    }
}
