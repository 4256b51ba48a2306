import ConvCore

/// Map zoom: how many terminal cells one tensor element takes.
public enum Zoom: String, CaseIterable, Sendable, Codable {
    /// Colour only, two rows per character with half blocks.
    case overview
    /// One row per element, the value written in it.
    case numbers
    /// Square-looking cells with gaps, for slides.
    case large

    /// The next larger level, wrapping to overview.
    public var next: Zoom {
        switch self {
        case .overview: .numbers
        case .numbers: .large
        case .large: .overview
        }
    }
}

/// Everything the screen shows, changed only by `update`.
public struct AppState: Equatable, Sendable {
    public var parameters = ConvParameters()
    public var selected: ParameterID = .hIn
    /// Changing one of an h/w pair changes both.
    public var linked = false
    /// nil chooses the largest zoom that fits.
    public var zoomOverride: Zoom?
    /// First channel shown on the current page of the input and of the output maps.
    public var inputPage = 0, outputPage = 0
    /// Scroll offsets (in tensor elements) for maps larger than the window.
    public var scrollX = 0, scrollY = 0
    /// Digits typed for the selected parameter, not yet committed.
    public var typing: String?
    public var showHelp = false
    /// A one-line message for the status line (e.g. why a typed value was refused).
    public var message: String?
    public var terminalSize = TerminalSize(columns: 80, rows: 24)
    public var shouldQuit = false
    /// Set by the export key; the run loop writes the file and reports back with `.report`.
    public var exportRequested = false

    /// The notebook's defaults.
    public init() {}

    /// A state starting from the given parameters.
    public init(parameters: ConvParameters) { self.parameters = parameters }
}

/// A terminal size in character cells.
public struct TerminalSize: Equatable, Sendable {
    public var columns: Int, rows: Int
    public init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }
}
