/// How one character cell looks: exact colours plus text attributes.
/// Colours are exact RGB; the terminal layer maps them to its palette, exporters use them as is.
public struct Style: Equatable, Hashable, Sendable {
    /// Text colour; nil is the terminal's default.
    public var foreground: RGB?
    /// Background colour; nil is the terminal's default.
    public var background: RGB?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    /// A style with the given colours and attributes.
    public init(foreground: RGB? = nil, background: RGB? = nil, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.dim = dim; self.reverse = reverse; self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style in bold.
    public var bolded: Style { var s = self; s.bold = true; return s }
    /// This style dimmed.
    public var dimmed: Style { var s = self; s.dim = true; return s }
}

/// The interface colours, apart from the heatmaps' colormap.
public enum Palette {
    /// Headers, the selected parameter, slider fill.
    public static let accent = RGB(95, 175, 255)
    /// PyTorch's error and the parameters that cause it.
    public static let error = RGB(255, 95, 95)
    /// Secondary text such as key hints.
    public static let muted = RGB(138, 138, 138)
    /// Highlights of the inspector.
    public static let highlight = RGB(255, 215, 0)
}
