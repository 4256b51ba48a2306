import ConvCore

/// How one tensor element is drawn at a zoom level: its size in character cells.
public struct MapGeometry: Equatable, Sendable {
    public let zoom: Zoom
    /// Characters of the widest value shown.
    public let valueWidth: Int
    /// Columns per element, including the one-column gap that separates cells.
    public let cellWidth: Int
    /// Rows per element including gap rows; overview packs two elements per row (0.5).
    public let rowsPerElement: Double
    /// True when two elements share one character row (half blocks).
    public let halfBlocks: Bool
    /// True when colour is unavailable and values carry a shade glyph.
    public let shaded: Bool

    /// The geometry for a zoom, the widest value, and what the device can show. `roomy` widens
    /// number cells to at least three columns, closer to seaborn's square cells, when space allows.
    public init(zoom: Zoom, valueWidth: Int, environment env: RenderEnvironment, roomy: Bool = false) {
        self.zoom = zoom
        self.valueWidth = valueWidth
        shaded = !env.colorDepth.hasColor
        switch zoom {
        case .overview:
            halfBlocks = env.glyphs.unicode && env.colorDepth.hasColor
            cellWidth = 1
            rowsPerElement = halfBlocks ? 0.5 : 1
        case .numbers:
            halfBlocks = false
            cellWidth = (roomy ? max(valueWidth, 3) : valueWidth) + 1 + (shaded ? 1 : 0)
            rowsPerElement = 1
        case .large:
            // With half blocks a large cell is ▄ / number / ▀: two rows tall with the number
            // centred, and half a row of gap above and below, like seaborn's square cells.
            halfBlocks = env.glyphs.unicode && env.colorDepth.hasColor
            cellWidth = max(valueWidth + 2, 4) + 1
            rowsPerElement = 3
        }
    }

    /// Columns a map of `columns` elements takes (no trailing gap).
    public func width(columns: Int) -> Int {
        zoom == .overview ? columns : columns * cellWidth - 1
    }

    /// Rows a map of `rows` elements takes (no trailing gap row).
    public func height(rows: Int) -> Int {
        switch zoom {
        case .overview: halfBlocks ? (rows + 1) / 2 : rows
        case .numbers: rows
        case .large: halfBlocks ? rows * 3 : rows * 3 - 1
        }
    }

    /// How many element columns fit in `width` characters.
    public func columnsFitting(_ width: Int) -> Int {
        zoom == .overview ? width : (width + 1) / cellWidth
    }

    /// How many element rows fit in `height` character rows.
    public func rowsFitting(_ height: Int) -> Int {
        switch zoom {
        case .overview: halfBlocks ? height * 2 : height
        case .numbers: height
        case .large: halfBlocks ? height / 3 : (height + 1) / 3
        }
    }
}

/// Text for a value in a heatmap cell: integers without decimals, as seaborn's fmt="0.00f".
public func formatValue(_ v: Float) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(format1: Double(v))
}

extension String {
    /// One decimal place, without Foundation.
    init(format1 v: Double) {
        let scaled = (v * 10).rounded()
        let whole = Int64(scaled / 10), frac = Int64(abs(scaled).truncatingRemainder(dividingBy: 10))
        self = (v < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
    }
}
