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
}

extension PanelLine {
    /// The product sign: `·` as in the seed; ASCII's `dot` is a separator bar, so `*` there.
    static func mul(_ g: Glyphs) -> String { g.unicode ? g.dot : "*" }

    /// `pieces` joined by spaces and packed greedily into lines of at most `width` characters;
    /// the first line starts with `lead`, the others with `indent`. A piece too long for a line
    /// is split into words and a word too long is cut, so the width limit always holds.
    static func wrap(_ pieces: [String], lead: String = "", indent: String = "    ", width: Int,
                     style: Style = .plain) -> [PanelLine] {
        let width = max(1, width)
        // Margins never take more than half the line, so every line has room for text.
        let indent = indent.count < width / 2 ? indent : ""
        let lead = lead.count < width / 2 ? lead : ""
        let margin = max(indent.count, lead.count)
        var lines: [String] = [], current = lead, fresh = true
        for piece in pieces.flatMap({ $0.count + margin > width ? words($0) : [$0] }) {
            if !fresh, current.count + 1 + piece.count <= width { current += " " + piece; continue }
            if !fresh { lines.append(current); current = indent }
            var rest = Substring(piece)
            while current.count + rest.count > width {
                let room = width - current.count
                lines.append(current + rest.prefix(room))
                rest = rest.dropFirst(room)
                current = indent
            }
            current += rest
            fresh = false
        }
        if !fresh { lines.append(current) }
        return lines.map { PanelLine(text: $0, style: style) }
    }

    /// Prose wrapped at spaces.
    static func wrap(text: String, lead: String = "", indent: String = "  ", width: Int,
                     style: Style = .plain) -> [PanelLine] {
        wrap(words(text), lead: lead, indent: indent, width: width, style: style)
    }

    static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
}
