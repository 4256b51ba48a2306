import ConvCore

/// How one tensor element is drawn at a zoom level: its size in character cells.
public struct MapGeometry: Equatable, Sendable {
    public let zoom: Zoom
    /// Characters of the widest value shown.
    public let valueWidth: Int
    /// Columns per element, including the one-column gap that separates cells.
    public let cellWidth: Int
    /// True when two cells share one character row (half blocks).
    public let halfBlocks: Bool
    /// True when colour is unavailable: the whole map and large cells carry shade glyphs.
    public let shaded: Bool
    /// Whole map only: each cell stands for a block × block square of elements (their mean).
    public let block: Int

    /// The geometry for a zoom, the widest value, and what the device can show. `roomy` widens
    /// number cells to at least three columns, closer to seaborn's square cells, when space allows.
    /// Number cells are as wide without colour as with it, so NO_COLOR keeps the numbers.
    public init(zoom: Zoom, valueWidth: Int, environment env: RenderEnvironment, roomy: Bool = false, block: Int = 1) {
        self.zoom = zoom
        self.valueWidth = valueWidth
        shaded = !env.colorDepth.hasColor
        self.block = zoom == .whole ? max(1, block) : 1
        switch zoom {
        case .whole:
            halfBlocks = env.glyphs.unicode && env.colorDepth.hasColor
            cellWidth = 1
        case .numbers:
            halfBlocks = false
            cellWidth = (roomy ? max(valueWidth, 3) : valueWidth) + 1
        case .large:
            // With half blocks a large cell is ▄ / number / ▀: two rows tall with the number
            // centred, and half a row of gap above and below, like seaborn's square cells.
            halfBlocks = env.glyphs.unicode && env.colorDepth.hasColor
            cellWidth = max(valueWidth + 2, 4) + 1
        }
    }

    /// The same geometry with another block size (whole map only).
    public func withBlock(_ b: Int) -> MapGeometry { MapGeometry(copying: self, block: b) }

    private init(copying g: MapGeometry, block: Int) {
        zoom = g.zoom; valueWidth = g.valueWidth; cellWidth = g.cellWidth
        halfBlocks = g.halfBlocks; shaded = g.shaded
        self.block = zoom == .whole ? max(1, block) : 1
    }

    /// Screen cells (blocks) that `elements` elements take along one axis.
    func blocks(_ elements: Int) -> Int { (elements + block - 1) / block }

    /// Columns a map of `columns` elements takes (no trailing gap).
    public func width(columns: Int) -> Int {
        zoom == .whole ? blocks(columns) : columns * cellWidth - 1
    }

    /// Rows a map of `rows` elements takes (no trailing gap row).
    public func height(rows: Int) -> Int {
        switch zoom {
        case .whole: halfBlocks ? (blocks(rows) + 1) / 2 : blocks(rows)
        case .numbers: rows
        case .large: halfBlocks ? rows * 3 : rows * 3 - 1
        }
    }

    /// Character rows from one element's first row to the next's (numbers and large cells).
    public var rowStride: Int { zoom == .large ? 3 : 1 }

    /// The element column (from the map's first visible one) drawn at character column `dx` of
    /// the map; a gap column belongs to the cell on its left, a whole-map cell to its block's first.
    public func elementColumn(atColumn dx: Int) -> Int { zoom == .whole ? dx * block : dx / cellWidth }

    /// The element row drawn at character row `dy` of the map (a half-block row: its upper block's).
    public func elementRow(atRow dy: Int) -> Int {
        zoom == .whole ? dy * (halfBlocks ? 2 : 1) * block : dy / rowStride
    }

    /// How many element columns fit in `width` characters.
    public func columnsFitting(_ width: Int) -> Int {
        zoom == .whole ? max(0, width) * block : (width + 1) / cellWidth
    }

    /// How many element rows fit in `height` character rows.
    public func rowsFitting(_ height: Int) -> Int {
        switch zoom {
        case .whole: (halfBlocks ? height * 2 : height) * block
        case .numbers: height
        case .large: halfBlocks ? height / 3 : (height + 1) / 3
        }
    }

    /// The smallest block size at which a map of rows × columns elements fits in width × height
    /// characters (whole map; at least 1).
    static func smallestBlock(rows: Int, columns: Int, width: Int, height: Int, halfBlocks: Bool) -> Int {
        let cellRows = max(1, halfBlocks ? height * 2 : height)
        let byColumns = (columns + max(1, width) - 1) / max(1, width)
        let byRows = (rows + cellRows - 1) / cellRows
        return max(1, byColumns, byRows)
    }
}

