import ConvCore

/// Every region of the screen for a state and terminal size; shared by the TUI and the exporters.
public struct ScreenLayout: Equatable, Sendable {
    public let columns: Int, rows: Int
    /// Set when the window is smaller than `minimum`; nothing else is laid out then.
    public let tooSmall: Bool
    public let panel: Rect
    public let summary: Rect
    public let maps: Rect
    public let input: SectionLayout?
    public let kernelLineY: Int
    public let output: SectionLayout?
    /// The kernel's weights between the input and the output, when shown; its header row is
    /// the kernel line.
    public internal(set) var kernel: SectionLayout?
    public let formulaY: Int
    public let formulaLines: Int
    /// The formula's rows as drawn and where (squeezed into one row in a short window).
    public let formula: FormulaPlacement
    /// The inspector's status lines (the written-out sum), just above the formulas.
    public let inspectorY: Int
    public let inspectorLines: Int
    /// Where the inspector's lines go: the full width, or beside the parameter panel when the
    /// window is so short that the lines reach the panel's rows.
    public var inspector: Rect {
        let besidePanel = inspectorY < panel.maxY
        return Rect(x: besidePanel ? maps.x : 1, y: inspectorY,
                    width: besidePanel ? maps.width : columns - 2, height: inspectorLines)
    }
    public let hintsY: Int
    public let zoom: Zoom
    public let zoomIsAutomatic: Bool
    /// The glyphs the screen is drawn with (they size the header's separators).
    public let glyphs: Glyphs
    /// The table row drawn first in the parameter panel: it scrolls to keep the selected row
    /// in view when the window is too short for every row.
    public internal(set) var panelFirstRow = 0
    /// The parameter rows in the panel's order (a Conv1d's leave out the height rows).
    public internal(set) var panelRows = ParameterID.allCases
    /// The language the screen speaks (the header and panel texts it sizes are in it).
    public let language: Language
    /// The open teaching panel and its box, if any.
    public internal(set) var overlay: PanelBox?
    /// The help overlay's box while the help is shown.
    public internal(set) var help: Rect?
    /// The help's pages while it is shown (0 otherwise).
    public internal(set) var helpPageCount = 0
    /// The map sections, top to bottom: the input, the kernel (when shown), then the output.
    public var sections: [SectionLayout] { [input, kernel, output].compactMap { $0 } }
    /// The section of a kind, if it is laid out.
    public func section(_ which: MapSection) -> SectionLayout? {
        switch which {
        case .input: input
        case .kernel: kernel
        case .output: output
        }
    }
    /// How far one Shift-arrow scrolls, in elements: the visible width (height) of the cropped
    /// maps, the narrower section's when both are cropped, so neither skips a column.
    public var scrollPage: (columns: Int, rows: Int) {
        let sections = self.sections
        let columns = sections.filter { $0.visibleColumns < $0.totalColumns }.map(\.visibleColumns).min()
        let rows = sections.filter { $0.visibleRows < $0.totalRows }.map(\.visibleRows).min()
        return (max(1, columns ?? 1), max(1, rows ?? 1))
    }
    /// What the status line says: "zoom auto (numbers)", "zoom whole map".
    public var zoomStatus: String { NoticeText.notice(zoomNotice, language, glyphs) }
    /// The zoom in use as a notice.
    public var zoomNotice: Notice { .zoom(zoom, automatic: zoomIsAutomatic) }

    /// The smallest window convscope draws in.
    public static let minimum = TerminalSize(columns: 50, rows: 17)
}

/// A teaching panel and the box it is drawn in.
public struct PanelBox: Equatable, Sendable {
    public let panel: Panel
    public let frame: Rect
    /// The largest useful scroll offset: lines that do not fit the box.
    public let maxScroll: Int
}
