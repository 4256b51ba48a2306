/// One character cell of a Canvas.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style

    /// A cell showing `character` in `style`.
    public init(_ character: Character = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }
}

/// A width × height grid of styled single-column characters: what every view paints and what
/// ncurses and the exporters draw. Writes outside the grid are clipped, never an error.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A blank canvas.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// The cell at (x, y); writes outside the canvas are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    /// True when (x, y) lies on the canvas.
    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y) to the right, clipped to the canvas (and to `maxWidth` if given).
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) {
        guard y >= 0, y < height else { return }
        var column = x
        let limit = maxWidth.map { x + $0 } ?? width
        for ch in text {
            if column >= limit || column >= width { break }
            if column >= 0 { cells[y * width + column] = Cell(ch.isSingleColumn ? ch : "?", style) }
            column += 1
        }
    }

    /// Fills a rectangle with one character and style.
    /// Paints `lines` on whole rows of their own, the last on row `bottom`, each after a space
    /// (a notice wrapped upwards above the keys).
    public mutating func putUpwards(_ lines: [String], bottom: Int, style: Style) {
        for (i, line) in lines.enumerated() {
            let row = bottom - lines.count + 1 + i
            fill(x: 0, y: row, width: width, height: 1)
            put(" " + line, x: 0, y: row, style: style, maxWidth: width)
        }
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ character: Character = " ",
                              style: Style = .plain) {
        for row in Self.span(y, h, height) {
            for column in Self.span(x, w, width) { cells[row * width + column] = Cell(character, style) }
        }
    }

    /// Changes the style of the cells in a rectangle, keeping their characters.
    public mutating func restyle(x: Int, y: Int, width w: Int, height h: Int, _ change: (inout Style) -> Void) {
        for row in Self.span(y, h, height) {
            for column in Self.span(x, w, width) { change(&cells[row * width + column].style) }
        }
    }

    /// The part of start..<start+length inside 0..<limit (possibly empty).
    static func span(_ start: Int, _ length: Int, _ limit: Int) -> Range<Int> {
        let lo = max(0, start), hi = min(limit, start + max(0, length))
        return lo < hi ? lo..<hi : 0..<0
    }

    /// Copies another canvas onto this one at (x, y), clipped.
    public mutating func blit(_ other: Canvas, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width where contains(x: x + column, y: y + row) {
                cells[(y + row) * width + x + column] = other.cells[row * other.width + column]
            }
        }
    }

    /// Row `y` as plain text (exactly `width` characters).
    public func line(_ y: Int) -> String {
        String(cells[(y * width)..<(y * width + width)].map(\.character))
    }

    /// All rows as plain text, one line each.
    public var lines: [String] { (0..<height).map(line) }

    /// The canvas as plain text, rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
