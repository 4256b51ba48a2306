/// The one word-wrapper every view uses: greedy packing into lines of at most `width`
/// characters; the first line starts with `lead`, the others with `indent`. A piece too long for
/// a line is split into words; a word too long for an indented line starts at the margin, and one
/// too long for the width goes on over the next lines, so the width limit always holds.
enum TextWrap {
    static func lines(_ pieces: [String], lead: String = "", indent: String = "", width: Int) -> [String] {
        let width = max(1, width)
        // Margins never take more than half the line, so every line has room for text.
        let indent = indent.count < width / 2 ? indent : ""
        let lead = lead.count < width / 2 ? lead : ""
        let margin = max(indent.count, lead.count)
        var lines: [String] = [], current = lead, fresh = true
        for piece in pieces.flatMap({ $0.count + margin > width ? words($0) : [$0] }) {
            if !fresh, current.count + 1 + piece.count <= width { current += " " + piece; continue }
            if !fresh { lines.append(current); current = indent }
            // A word the indent would break that fits the whole width starts at the margin instead.
            if !fresh, current.count + piece.count > width, piece.count <= width { current = "" }
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
        return lines
    }

    /// `text` wrapped at its spaces, at most `maxLines` lines; nothing for a width below 1.
    static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0 else { return [] }
        return Array(lines(words(text), width: width).prefix(maxLines))
    }

    /// `text` wrapped at its spaces in at most `maxLines` lines; when some is left out the last
    /// line gives way by whole words from its end and ends in `ellipsis` ("…").
    static func lines(_ text: String, width: Int, maxLines: Int, ellipsis: String) -> [String] {
        let all = lines(text, width: width)
        guard all.count > maxLines, maxLines > 0 else { return all }
        var last = words(all[maxLines - 1])
        while !last.isEmpty, last.joined(separator: " ").count + ellipsis.count > width { last.removeLast() }
        // Nor half a pair: "(1, 4) (2,…" ends at "(1, 4)…".
        while last.count > 1, let word = last.last, word.contains("("), !word.contains(")") { last.removeLast() }
        let tail = last.isEmpty ? String(all[maxLines - 1].prefix(max(0, width - ellipsis.count))) : last.joined(separator: " ")
        return Array(all.prefix(maxLines - 1)) + [tail + ellipsis]
    }

    /// `text` in at most `maxLines` lines, keeping its end: where it does not fit, whole words
    /// from its middle give way to `ellipsis` (PyTorch's messages end in the sizes that decide,
    /// `Expected size 16 but got size 17 …`). Its first words, up to a third of a line, stay
    /// before the ellipsis; after it, as many of the last words as the lines hold.
    static func linesKeepingEnd(_ text: String, width: Int, maxLines: Int, ellipsis: String) -> [String] {
        let all = lines(text, width: width)
        guard all.count > maxLines, maxLines > 0, width > 0 else { return all }
        let words = Self.words(text)
        var head: [String] = []
        for word in words {
            guard (head + [word]).joined(separator: " ").count <= width / 3 else { break }
            head.append(word)
        }
        // The longest tail that still fits (few words: the search is short).
        for count in stride(from: words.count - head.count - 1, through: 0, by: -1) {
            let candidate = (head + [ellipsis] + words.suffix(count)).joined(separator: " ")
            let wrapped = lines(candidate, width: width)
            if wrapped.count <= maxLines { return wrapped }
        }
        return Array(lines((head + [ellipsis]).joined(separator: " "), width: width).prefix(maxLines))
    }

    static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
}
