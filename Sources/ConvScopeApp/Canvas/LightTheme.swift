/// The light theme: a white page with every interface colour swapped for a darker one that keeps
/// at least 4.5:1 contrast on white (WCAG AA). Heatmap colours and seaborn's annotation colours
/// are left as they are, so the maps look exactly like the notebook's figures.
public enum LightTheme {
    /// The page.
    public static let page = RGB(255, 255, 255)
    /// Text that has no colour of its own (15:1 on the page).
    public static let text = RGB(0x26, 0x26, 0x26)
    /// Dimmed text (slider tracks, padding zeros): light themes cannot fade text further and stay readable.
    public static let faint = RGB(0x70, 0x70, 0x70)

    /// Interface colours as text on the dark page → as text on the white page.
    static let textColors: [RGB: RGB] = [
        Palette.accent: RGB(0x00, 0x5f, 0xaf),
        Palette.muted: RGB(0x5c, 0x5c, 0x5c),
        Palette.error: RGB(0xc0, 0x00, 0x00),
        Palette.highlight: RGB(0x87, 0x5f, 0x00),
    ]

    /// Greys that stand for "no data" (padding, never-read cells), wherever they appear.
    static let surfaces: [RGB: RGB] = [
        HeatmapView.unreadColor: RGB(0xd0, 0xd0, 0xd0),
        ExportColors.padding: RGB(0xd9, 0xd9, 0xd9),
    ]

    /// Text on a never-read cell, which turns light grey.
    static let unreadText = RGB(0x40, 0x40, 0x40)

    /// Repaints a canvas drawn for the dark page onto the white page.
    static func apply(to canvas: inout Canvas) {
        canvas.restyle(x: 0, y: 0, width: canvas.width, height: canvas.height) { style in
            style = restyled(style)
        }
    }

    static func restyled(_ s: Style) -> Style {
        var out = s
        let background = s.background.map { surfaces[$0] ?? $0 } ?? page
        out.background = background
        if let fg = s.foreground, let surface = surfaces[fg] {
            out.foreground = surface
        } else if background != page, background != s.background ?? page, s.foreground == Palette.muted {
            // Never-read cells: grey text on a grey that became light.
            out.foreground = unreadText
        } else if s.background == nil || s.background == page {
            // Text on the page itself: darken interface colours; dim becomes the faint grey.
            let fg = s.foreground.map { textColors[$0] ?? $0 } ?? text
            out.foreground = s.dim ? faint : fg
            out.dim = false
        }
        return out
    }
}

extension Canvas {
    /// This canvas in a theme: unchanged for dark (the terminal's own colours), repainted for light.
    public func themed(_ theme: ExportTheme) -> Canvas {
        guard theme == .light else { return self }
        var copy = self
        LightTheme.apply(to: &copy)
        return copy
    }
}
