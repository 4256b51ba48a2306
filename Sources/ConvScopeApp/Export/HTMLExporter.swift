import ConvCore
/// Exports a Canvas as one self-contained HTML page showing the same SVG as SVGExporter.
/// The markup is also well-formed XML (XHTML-style), so it can be checked with an XML parser.
public enum HTMLExporter {
    /// An HTML5 page with inline CSS and the canvas as an inline SVG; `language` is the page's lang.
    public static func export(_ canvas: Canvas, theme: ExportTheme = .dark, title: String = "convscope",
                              language: Language) -> String {
        let t = SVGExporter.escape(title)
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(t)</title>
            <style>
            body { margin: 0; padding: 16px; background: \(theme.background.hex); }
            svg { display: block; max-width: 100%; height: auto; }
            </style>
            </head>
            <body>

            """ + SVGExporter.element(canvas, theme: theme, title: title) + "</body>\n</html>\n"
    }
}
