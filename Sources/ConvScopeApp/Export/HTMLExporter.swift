import ConvCore
/// Exports a Canvas as one self-contained HTML page showing the same SVG as SVGExporter.
/// The markup is also well-formed XML (XHTML-style), so it can be checked with an XML parser.
public enum HTMLExporter {
    /// The page's margin around the picture, in CSS pixels.
    public static let padding = 16

    /// An HTML5 page with inline CSS and the canvas as an inline SVG; `language` is the page's lang.
    /// The picture fills the window (less the margin), keeping its aspect, centred.
    public static func export(_ canvas: Canvas, theme: ExportTheme = .dark, title: String = "convscope",
                              language: Language) -> String {
        head(title: title, language: language, style: """
            html, body { height: 100%; }
            body { margin: 0; padding: \(padding)px; box-sizing: border-box; background: \(theme.background.hex); }
            svg { display: block; width: 100%; height: 100%; }
            """) + SVGExporter.element(canvas, theme: theme, title: title) + "</body>\n</html>\n"
    }

    /// The page up to and with `<body>`: doctype, lang, charset, viewport, title and `style`.
    static func head(title: String, language: Language, style: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(SVGExporter.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }
}
