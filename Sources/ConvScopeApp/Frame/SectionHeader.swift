/// What a map section's header says, and how it falls into its row(s). The scale, the page marker
/// and the title's leading words (the section's word and its shape, the course notebook's title)
/// are never cut: the subtitle goes first, then the notes that do not fit, then the title's other
/// words from the end. Where the shape and the scale cannot share a row, they take one each.
public struct SectionHeader: Equatable, Sendable {
    /// "input 1×3×8×8": its first word stays longest.
    public var title: String
    /// "ramp x[c,y,x] = x": dropped first.
    public var subtitle: String
    /// "scale 0–8": always whole.
    public var scale: String
    /// "ch 0–1 of 3 [ ]" when the section is paged: always whole.
    public var marker: String?
    /// Extra notes, most important first; each lists its wordings, longest first
    /// (e.g. "1 cell = 16×16 (mean)", then "16×16 mean"). Kept where room allows.
    public var notes: [[String]]
    /// " · " in Unicode, " | " in ASCII.
    public var separator: String
    /// How many of the title's first words always stay ("input 1×3×8×8").
    public var leadingWords = 2

    /// A header; `separator` goes between the items on the right.
    public init(title: String, subtitle: String = "", scale: String, marker: String? = nil,
                notes: [[String]] = [], separator: String) {
        self.title = title; self.subtitle = subtitle; self.scale = scale
        self.marker = marker; self.notes = notes; self.separator = separator
    }

    /// One header row: the title on the left, the scale and notes flush right.
    public struct Row: Equatable, Sendable {
        public var left: String
        public var right: String
    }

    /// Columns between the title and the right-hand items.
    static let spacing = 2

    /// How many header rows (1–3) a section of `width` needs so that the title's leading words
    /// (`lead`, "input 1×3×8×8"), the page marker and the scale each stay whole, and the row
    /// (0-based) that holds the scale: one row for all; else the title and the scale, the marker
    /// below; else the title alone, the marker and the scale below; else one row each.
    static func arrangement(width: Int, lead: String, marker: String?, scaleWidth: Int,
                            separator: String) -> (rows: Int, scaleRow: Int) {
        let markerWidth = marker.map { $0.count + separator.count } ?? 0
        if lead.count + spacing + markerWidth + scaleWidth <= width { return (1, 0) }
        if lead.count + spacing + scaleWidth <= width { return (2, 0) }
        return markerWidth + scaleWidth <= width ? (2, 1) : (3, 1)
    }

    /// The header in `count` rows (1 to 3, from `arrangement`) of `width` columns.
    public func rows(width: Int, count: Int) -> [Row] {
        let words = title.split(separator: " ").map(String.init)
        // Title candidates, longest first: with the subtitle, then dropping words from the end.
        var titles: [String] = subtitle.isEmpty ? [] : [title + separator + subtitle]
        for n in stride(from: words.count, through: 0, by: -1) { titles.append(words.prefix(n).joined(separator: " ")) }
        let lead = words.prefix(leadingWords).joined(separator: " ")
        func join(_ items: [String]) -> String { items.joined(separator: separator) }
        func fits(_ left: String, _ right: String) -> Bool {
            left.count + (left.isEmpty || right.isEmpty ? 0 : Self.spacing) + right.count <= width
        }
        // Fills one row: `fixed` items always, then by priority the title's leading words, the
        // notes (first wording that fits), the rest of the title's words, the subtitle. Also
        // says which notes it kept.
        func fill(fixed: [String], notes: [[String]], withTitle: Bool) -> (row: Row, kept: Set<Int>) {
            var kept: [String] = [], keptIndices: Set<Int> = []
            func right(_ extra: [String] = []) -> String { join(kept + extra + fixed) }
            // The leading words, else the first alone, else nothing.
            let leads = [lead, words.first ?? ""]
            let first = withTitle ? leads.first { !$0.isEmpty && fits($0, right()) } ?? "" : ""
            for (i, wordings) in notes.enumerated() {
                if let note = wordings.first(where: { fits(first, right([$0])) }) { kept.append(note); keptIndices.insert(i) }
            }
            let left = withTitle ? titles.first { fits($0, right()) } ?? "" : ""
            return (Row(left: left, right: right()), keptIndices)
        }
        let essentials = (marker.map { [$0] } ?? []) + [scale]
        guard count > 1 else { return [fill(fixed: essentials, notes: notes, withTitle: true).row] }
        guard count > 2 || !fits(lead, scale) else {
            return [fill(fixed: [scale], notes: [], withTitle: true).row,
                    fill(fixed: marker.map { [$0] } ?? [], notes: notes, withTitle: false).row]
        }
        // The title has a row of its own: notes that fit beside it go there, the rest below.
        let title = fill(fixed: [], notes: notes, withTitle: true)
        let rest = notes.indices.filter { !title.kept.contains($0) }.map { notes[$0] }
        if count > 2 {
            return [title.row, Row(left: "", right: scale), fill(fixed: marker.map { [$0] } ?? [], notes: rest, withTitle: false).row]
        }
        return [title.row, fill(fixed: essentials, notes: rest, withTitle: false).row]
    }
}
