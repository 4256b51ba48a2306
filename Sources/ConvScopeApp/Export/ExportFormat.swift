import ConvCore
/// A file format the screen can be exported to; every one is made from the same Canvas.
public enum ExportFormat: String, CaseIterable, Sendable {
    case text, ansi, svg, html

    /// The file name extension.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .ansi: "ans"
        case .svg: "svg"
        case .html: "html"
        }
    }

    /// The canvas in this format.
    public func export(_ canvas: Canvas, theme: ExportTheme = .dark, title: String = "convscope",
                       language: Language) -> String {
        switch self {
        case .text: TextExporter.export(canvas)
        case .ansi: ANSIExporter.export(canvas)
        case .svg: SVGExporter.export(canvas, theme: theme, title: title)
        case .html: HTMLExporter.export(canvas, theme: theme, title: title, language: language)
        }
    }
}
