/// What a map section's header says, and how it falls into its row(s). The scale and the page
/// marker are never cut: words of the title go first (the subtitle as a whole, then the title's
/// words from the end, all but the first), then the notes that do not fit, then the first word.
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
    /// How many of the title's first words stay as long as the first ("kernel 2×3×3×3").
    public var leadingWords = 1

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

    /// True when the first word of `title`, the page marker and the scale share one row of `width`.
    static func fitsOneRow(width: Int, firstWord: String, marker: String?, scaleWidth: Int, separator: String) -> Bool {
        guard let marker else { return true }
        return firstWord.count + spacing + marker.count + separator.count + scaleWidth <= width
    }

    /// The header in `count` rows (1 or 2) of `width` columns. With two rows the title and the
    /// scale share the first, the page marker and the notes take the second.
    public func rows(width: Int, count: Int) -> [Row] {
        let words = title.split(separator: " ").map(String.init)
        // Title candidates, longest first: with the subtitle, then dropping words from the end.
        var titles: [String] = subtitle.isEmpty ? [] : [title + separator + subtitle]
        for n in stride(from: words.count, through: 0, by: -1) { titles.append(words.prefix(n).joined(separator: " ")) }
        func join(_ items: [String]) -> String { items.joined(separator: separator) }
        func fits(_ left: String, _ right: String) -> Bool {
            left.count + (left.isEmpty || right.isEmpty ? 0 : Self.spacing) + right.count <= width
        }
        // Fills one row: `fixed` items always, then by priority the title's first word, the notes
        // (first wording that fits), the rest of the title's words, the subtitle.
        func fill(fixed: [String], notes: [[String]], withTitle: Bool) -> Row {
            var kept: [String] = []
            func right(_ extra: [String] = []) -> String { join(kept + extra + fixed) }
            // The leading words, else the first alone, else nothing.
            let leads = [words.prefix(leadingWords).joined(separator: " "), words.first ?? ""]
            let first = withTitle ? leads.first { !$0.isEmpty && fits($0, right()) } ?? "" : ""
            for wordings in notes {
                if let note = wordings.first(where: { fits(first, right([$0])) }) { kept.append(note) }
            }
            let left = withTitle ? titles.first { fits($0, right()) } ?? "" : ""
            return Row(left: left, right: right())
        }
        let essentials = (marker.map { [$0] } ?? []) + [scale]
        guard count > 1 else { return [fill(fixed: essentials, notes: notes, withTitle: true)] }
        let first = fill(fixed: [scale], notes: [], withTitle: true)
        let second = fill(fixed: marker.map { [$0] } ?? [], notes: notes, withTitle: false)
        return [first, second]
    }
}
