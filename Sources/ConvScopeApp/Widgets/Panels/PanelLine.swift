/// One line of a text panel and the style it is drawn in.
public struct PanelLine: Equatable, Sendable {
    public var text: String
    public var style: Style

    /// A line of text in a style (plain unless given).
    public init(text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// The panels' few styles, kept in one place so the three panels look alike.
enum PanelStyle {
    static let heading = Style(bold: true)
    static let warning = Style(foreground: Palette.error)
    static let note = Style(foreground: Palette.muted)
    /// A ratio said in plain words.
    static let plainWords = Style(foreground: Palette.accent)
}

extension PanelLine {
    /// `pieces` packed into panel lines by `TextWrap`, all in one style.
    static func wrap(_ pieces: [String], lead: String = "", indent: String = "    ", width: Int,
                     style: Style = .plain) -> [PanelLine] {
        TextWrap.lines(pieces, lead: lead, indent: indent, width: width).map { PanelLine(text: $0, style: style) }
    }

    /// `text` split into words and packed as above.
    static func wrap(text: String, lead: String = "", indent: String = "  ", width: Int,
                     style: Style = .plain) -> [PanelLine] {
        wrap(TextWrap.words(text), lead: lead, indent: indent, width: width, style: style)
    }
}
