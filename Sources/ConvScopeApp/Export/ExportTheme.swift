/// The page the screen is drawn on: dark keeps the terminal's own colours, light paints a white
/// page (`LightTheme`), in the TUI (`--theme`, `t`) and in exports alike. For files it also names
/// what nil colours, reverse and dim turn into, which a terminal fills in itself.
public enum ExportTheme: String, CaseIterable, Sendable {
    case dark, light

    /// Text colour where a Style leaves the foreground nil.
    public var foreground: RGB {
        switch self {
        case .dark: RGB(0xd0, 0xd0, 0xd0)
        case .light: RGB(0x26, 0x26, 0x26)
        }
    }

    /// Page colour where a Style leaves the background nil.
    public var background: RGB {
        switch self {
        case .dark: RGB(0x1c, 0x1c, 0x1c)
        case .light: RGB(0xff, 0xff, 0xff)
        }
    }

    /// Opacity of dim (SGR 2) text: terminals draw it as a fainter foreground.
    public static let dimOpacity = 0.6

    /// The colours a cell is drawn in after `reverse`; a nil background means the bare page.
    /// Reverse needs concrete colours on both sides, so nil ones take the theme defaults first.
    /// A light-theme canvas arrives with its interface colours already swapped (`Canvas.themed`).
    public func colors(of style: Style) -> (foreground: RGB, background: RGB?) {
        if style.reverse {
            return (style.background ?? background, style.foreground ?? foreground)
        }
        return (style.foreground ?? foreground, style.background)
    }
}
