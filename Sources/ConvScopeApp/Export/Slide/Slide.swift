/// A slide: heatmaps with square cells, text and (for an animation) frames, in SVG user units.
/// It is drawn as vectors for a projector rather than from the terminal's character grid, so
/// cells are square, every map is whole, and the text keeps a readable size (`SlideMetrics`).
public struct Slide: Equatable, Sendable {
    /// What the picture shows, with the shapes: the SVG's `<title>` and the HTML page's.
    public var title: String
    public var width: Double
    public var height: Double
    public var theme: ExportTheme
    public var grids: [SlideGrid] = []
    public var texts: [SlideText] = []
    /// One frame per step of the sliding kernel; empty for a still picture.
    public var frames: [SlideFrame] = []
    /// How long each frame is shown.
    public var frameSeconds = 0.8
}

/// Sizes that keep a slide readable: laid out within `maxWidth`×`maxHeight` units, the page
/// is shown at least 1.125× on a 1920×1080 screen, so the smallest text (16 units) is 18 px.
public enum SlideMetrics {
    /// The screen a slide is made for.
    public static let screenWidth = 1920.0, screenHeight = 1080.0
    /// The smallest text a slide may show on that screen, in pixels.
    public static let minimumScreenFont = 18.0
    /// The smallest font size used in a slide, in user units.
    public static let smallFont = 16.0
    public static let noteFont = 18.0
    public static let headerFont = 22.0
    public static let titleFont = 26.0
    /// The blank border around everything.
    public static let margin = 40.0
    /// The largest page whose smallest text still shows at `minimumScreenFont` pixels.
    public static var maxWidth: Double { screenWidth * smallFont / minimumScreenFont }
    public static var maxHeight: Double { screenHeight * smallFont / minimumScreenFont }
    /// Width of one character of the monospace face, per unit of font size.
    public static let advance = 0.6

    /// Width of `text` at `size`.
    public static func width(_ text: String, size: Double) -> Double { Double(text.count) * advance * size }
}

/// A run of text; `y` is its baseline.
public struct SlideText: Equatable, Sendable {
    public enum Anchor: String, Sendable { case start, middle, end }
    public var x: Double, y: Double, size: Double
    public var text: String
    public var color: RGB
    public var anchor: Anchor = .start
    public var bold = false

    /// The box the text covers: ascent 0.8, descent 0.2 of the size, monospace advance.
    public var box: SlideBox {
        let w = SlideMetrics.width(text, size: size)
        let x0 = anchor == .start ? x : anchor == .middle ? x - w / 2 : x - w
        return SlideBox(x: x0, y: y - 0.8 * size, width: w, height: size)
    }
}

/// An axis-aligned rectangle.
public struct SlideBox: Equatable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double
    /// True when the two boxes share some area (touching edges do not count).
    public func overlaps(_ o: SlideBox) -> Bool {
        x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
    }
}

/// One cell of a heatmap: its colour and, when numbers are shown, its value.
public struct SlideCell: Equatable, Sendable {
    public var fill: RGB
    public var label: String?
    public var labelColor: RGB
    /// A cell the data does not have: zero padding, or a zero a transposed convolution inserts.
    public var isPadding = false
}

/// A heatmap with square cells, separated by a line of the page colour as seaborn's
/// `linewidths=1` draws them.
public struct SlideGrid: Equatable, Sendable {
    public var x: Double, y: Double, cell: Double
    public var rows: Int, columns: Int
    public var cells: [SlideCell]
    /// Font size of the numbers in the cells.
    public var labelSize: Double

    public var width: Double { Double(columns) * cell }
    public var height: Double { Double(rows) * cell }
    /// The box of cell (row, column).
    public func box(row: Int, column: Int) -> SlideBox {
        SlideBox(x: x + Double(column) * cell, y: y + Double(row) * cell, width: cell, height: cell)
    }
}

/// A rectangle drawn over the maps in one frame: a tap of the kernel or the output cell.
public struct SlideMark: Equatable, Sendable {
    public var box: SlideBox
    public var color: RGB
    /// Stroke width; the inside is tinted with the colour when `tint` is set.
    public var lineWidth: Double
    public var tint = false
}

/// What one step of the animation adds to the still picture.
public struct SlideFrame: Equatable, Sendable {
    /// Maps redrawn for this step over the still ones (a transposed convolution's output as its
    /// stamps accumulate), drawn before the marks.
    public var grids: [SlideGrid] = []
    public var marks: [SlideMark] = []
    public var texts: [SlideText] = []
}
