/// A recording of the interactive screen in asciinema's v2 format, written as it goes: the
/// header on the first frame, then each frame drawn as an output event at its time since the
/// start (and a resize event when the screen changes size). `write` receives the bytes.
public struct AsciicastRecording {
    let write: (String) -> Void
    let title: String
    private var size: (width: Int, height: Int)?
    private var last: Canvas?
    /// Frames written so far.
    public private(set) var frames = 0

    /// A recording that hands its text to `write`.
    public init(title: String, write: @escaping (String) -> Void) {
        self.title = title
        self.write = write
    }

    /// Adds the screen as drawn `seconds` after the recording started; a frame equal to the
    /// previous one is left out.
    public mutating func add(_ canvas: Canvas, at seconds: Double) {
        if let last, last == canvas { return }
        if let size {
            if size != (canvas.width, canvas.height) {
                write(AsciicastExporter.event(seconds, "r", "\(canvas.width)x\(canvas.height)"))
            }
        } else {
            write(AsciicastExporter.header(width: canvas.width, height: canvas.height, title: title))
        }
        size = (canvas.width, canvas.height)
        write(AsciicastExporter.event(seconds, "o", AsciicastExporter.screen(canvas)))
        last = canvas
        frames += 1
    }
}
