/// Wraps one Python statement for the code panels so that the wrapped code still runs: lines break
/// only between tokens — at a space, or after a comma or an opening bracket — never inside a
/// name, a dotted name (`math.comb`), a number or a string. Inside brackets Python continues the
/// statement by itself; outside them a break takes a backslash.
enum PythonWrap {
    /// A stretch of the statement that is never broken, and what may follow it.
    struct Piece {
        var text: String
        /// A space separates it from the next piece (dropped where the line breaks).
        var spaceAfter: Bool
        /// Open brackets after it: a break here needs no backslash when above zero.
        var depth: Int
    }

    /// `statement` in lines of at most `width` characters where its pieces allow it, the block
    /// indent kept and continuation lines indented four more; a piece longer than a line stays
    /// whole on its own line (the panel's border cuts it, the code is still right). A line ends
    /// at the shallowest bracket depth it can (a tuple stays whole), the latest such place among
    /// those that fill at least half the line.
    static func lines(_ statement: String, width: Int) -> [String] {
        let indent = String(statement.prefix { $0 == " " })
        let pieces = Self.pieces(String(statement.dropFirst(indent.count)))
        guard !pieces.isEmpty else { return [statement] }
        func line(_ lead: String, _ range: ClosedRange<Int>) -> String {
            range.dropFirst().reduce(lead + pieces[range.lowerBound].text) { $0 + (pieces[$1 - 1].spaceAfter ? " " : "") + pieces[$1].text }
        }
        var lines: [String] = [], first = 0, lead = indent
        while first < pieces.count {
            // The pieces that fit; one that may end the line outside brackets keeps room for " \\".
            var lengths = [lead.count + pieces[first].text.count], next = first + 1
            while next < pieces.count {
                let length = lengths.last! + (pieces[next - 1].spaceAfter ? 1 : 0) + pieces[next].text.count
                guard length <= (pieces[next].depth == 0 && next < pieces.count - 1 ? width - 2 : width) else { break }
                lengths.append(length)
                next += 1
            }
            if next == pieces.count { lines.append(line(lead, first...(next - 1))); break }
            let filled = (first..<next).filter { lengths[$0 - first] >= width / 2 }
            let candidates = filled.isEmpty ? Array(first..<next) : filled
            let shallowest = candidates.map { pieces[$0].depth }.min()!
            let cut = candidates.last { pieces[$0].depth == shallowest }!
            lines.append(line(lead, first...cut) + (pieces[cut].depth == 0 ? " \\" : ""))
            first = cut + 1
            lead = indent + "    "
        }
        return lines
    }

    /// The statement cut where a line may break: before a space (which goes), after a comma and
    /// after an opening bracket; strings and comments are never cut.
    static func pieces(_ code: String) -> [Piece] {
        var pieces: [Piece] = [], text = "", depth = 0, quote: Character?
        func cut(space: Bool) {
            if !text.isEmpty { pieces.append(Piece(text: text, spaceAfter: space, depth: depth)) } else if space, !pieces.isEmpty {
                pieces[pieces.count - 1].spaceAfter = true
            }
            text = ""
        }
        var characters = Array(code)[...]
        while let c = characters.popFirst() {
            if let q = quote {
                text.append(c)
                if c == "\\", let escaped = characters.popFirst() { text.append(escaped) } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c; text.append(c)
            case "#":
                // A comment runs to the end of the line: one piece.
                text += String(c) + String(characters); characters = [][...]
            case " ":
                cut(space: true)
            case "(", "[", "{":
                depth += 1; text.append(c); cut(space: false)
            case ")", "]", "}":
                depth = max(0, depth - 1); text.append(c)
            case ",":
                text.append(c); cut(space: false)
            default:
                text.append(c)
            }
        }
        cut(space: false)
        return pieces
    }
}
