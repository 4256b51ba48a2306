import ConvCore

/// Which group of maps: the input feature maps, the kernel's weights (one map per (out, in)
/// pair) or the output feature maps.
public enum MapSection: Sendable { case input, kernel, output }

/// Where one section's maps go and which part of them is visible.
public struct SectionLayout: Equatable, Sendable {
    public let section: MapSection
    /// The whole section: the header row(s), then rows of maps, each under a title row (and a
    /// row of column indices when the maps carry axis labels).
    public let frame: Rect
    public let geometry: MapGeometry
    public let channels: Int
    public let mapsPerRow: Int
    public let mapRowsPerPage: Int
    public let page: Int
    public let pageCount: Int
    /// Tensor size of each map, and the window of it that is visible.
    public let totalRows: Int, totalColumns: Int
    public let visibleRows: Int, visibleColumns: Int
    public let firstRow: Int, firstColumn: Int
    /// Rows and columns of zero padding drawn around each map (padded view), before row/column 0.
    public let padTop: Int, padLeft: Int
    /// 1, or 2 or 3 when the page marker and the scale do not fit in one row beside the title
    /// (`SectionHeader.arrangement`).
    public let headerRows: Int
    /// The header row holding the scale (the page marker is on the last row).
    public internal(set) var scaleRow = 0
    /// Row indices left of each map and column indices over it (numbers and large zoom).
    public let axisLabels: Bool
    /// Characters of the scale text ("scale 0–162") in the header, which stays whole.
    public internal(set) var scaleWidth = 0

    public var channelsPerPage: Int { mapsPerRow * mapRowsPerPage }
    public var firstChannel: Int { page * channelsPerPage }
    public var lastChannel: Int { min(channels, firstChannel + channelsPerPage) - 1 }
    public var isCropped: Bool { visibleRows < totalRows || visibleColumns < totalColumns }
    public var isPaged: Bool { pageCount > 1 }
    /// Width of one map's cells on screen.
    public var mapWidth: Int { geometry.width(columns: visibleColumns) }
    public var mapHeight: Int { geometry.height(rows: visibleRows) }
    /// Rows of the tensor itself (padding excluded): what the row labels count.
    public var tensorRows: Int { totalRows - 2 * padTop }
    public var tensorColumns: Int { totalColumns - 2 * padLeft }
    /// The row-index gutter left of each map: the widest index and a space (0 without labels).
    public var gutter: Int { axisLabels ? Self.gutterWidth(tensorRows: tensorRows) : 0 }
    public var labelRows: Int { axisLabels ? 1 : 0 }
    /// A map with its gutter, and with its title and label rows.
    public var slotWidth: Int { gutter + mapWidth }
    public var slotHeight: Int { 1 + labelRows + mapHeight }
    /// Columns between maps side by side.
    public static let gap = 2

    static func gutterWidth(tensorRows: Int) -> Int { String(max(0, tensorRows - 1)).count + 1 }

    /// Every k-th column index is written over the map, k the smallest at which neighbouring
    /// indices keep a space between them (seaborn's automatic ticks: all of them when they fit).
    public var columnLabelStep: Int {
        let widest = String(max(0, tensorColumns - 1)).count
        return max(1, (widest + 1 + geometry.cellWidth - 1) / geometry.cellWidth)
    }

    /// Top-left corner of the map cells of `channel` (which must be on this page).
    public func origin(ofChannel channel: Int) -> (x: Int, y: Int) {
        let slot = slot(ofChannel: channel)
        return (slot.x + gutter, slot.y + 1 + labelRows)
    }

    /// Top-left corner of the slot of `channel`: its title row, above the gutter.
    public func slot(ofChannel channel: Int) -> (x: Int, y: Int) {
        let i = channel - firstChannel
        let row = i / mapsPerRow, column = i % mapsPerRow
        return (frame.x + column * (slotWidth + Self.gap), frame.y + headerRows + row * slotHeight)
    }

    /// "ch 0–1 of 3 [ ]" when the channels are paged.
    public func pageMarker(_ g: Glyphs, _ lang: Language) -> String? {
        guard isPaged else { return nil }
        let shown = firstChannel == lastChannel ? "\(firstChannel)" : "\(firstChannel)\(g.dash)\(lastChannel)"
        return section == .kernel ? KernelSectionText.pageMarker(lang, shown: shown, of: channels)
            : ScreenText.pageMarker(lang, shown: shown, of: channels)
    }

    /// "1 cell = 16×16 (mean)" and a shorter wording, when whole-map cells stand for blocks.
    public func blockNote(_ g: Glyphs, _ lang: Language) -> [String] {
        let b = geometry.block
        guard geometry.zoom == .whole, b > 1 else { return [] }
        return ScreenText.blockNote(lang, g, block: b)
    }

    /// The same section `dy` rows lower (below a kernel section that takes the rows).
    func movedDown(_ dy: Int) -> SectionLayout {
        var moved = SectionLayout(
            section: section, frame: Rect(x: frame.x, y: frame.y + dy, width: frame.width, height: frame.height),
            geometry: geometry, channels: channels, mapsPerRow: mapsPerRow, mapRowsPerPage: mapRowsPerPage, page: page,
            pageCount: pageCount, totalRows: totalRows, totalColumns: totalColumns, visibleRows: visibleRows,
            visibleColumns: visibleColumns, firstRow: firstRow, firstColumn: firstColumn, padTop: padTop, padLeft: padLeft,
            headerRows: headerRows, axisLabels: axisLabels)
        moved.scaleWidth = scaleWidth
        moved.scaleRow = scaleRow
        return moved
    }

    /// Whether this layout shows at least as much as `base`: no cropping or paging that `base`
    /// does not have already. Axis labels are added only on these terms.
    func showsAsMuch(as base: SectionLayout) -> Bool {
        (!isCropped || base.isCropped) && (!isPaged || base.isPaged)
    }
}
