/// The key table, drawn from `KeyMap` over the screen.
enum HelpOverlay {
    /// Where the help box goes in a window and how its (wrapped) lines fall into pages.
    struct Pages {
        let frame: Rect
        let keyWidth: Int
        let lines: [(keys: String, text: String)]
        let perPage: Int
        var count: Int { (lines.count + perPage - 1) / perPage }
    }

    /// The help laid out for a window: long texts wrap under themselves, and the lines that do
    /// not fit go to further pages.
    static func pages(_ size: TerminalSize, environment env: RenderEnvironment,
                      rows given: [(keys: String, help: String)]? = nil) -> Pages {
        let rows = given ?? KeyMap.helpRows(env.glyphs, env.language)
        let keyWidth = min(22, rows.map(\.keys.count).max() ?? 0)
        let textWidth = rows.map(\.help.count).max() ?? 0
        let w = min(size.columns - 2, keyWidth + textWidth + 5)
        var lines: [(keys: String, text: String)] = []
        for row in rows {
            for (i, part) in TextWrap.lines(row.help, width: max(10, w - keyWidth - 5)).enumerated() {  // a space before the border
                lines.append((i == 0 ? row.keys : "", part))
            }
        }
        let h = min(size.rows - 2, lines.count + 4)
        let frame = Rect(x: (size.columns - w) / 2, y: (size.rows - h) / 2, width: w, height: h)
        return Pages(frame: frame, keyWidth: keyWidth, lines: lines, perPage: max(1, h - 4))
    }

    /// How many pages the help takes in a window of this size.
    static func pageCount(_ size: TerminalSize, environment env: RenderEnvironment) -> Int { pages(size, environment: env).count }

    static func paint(into canvas: inout Canvas, environment env: RenderEnvironment, page: Int = 0,
                      rows: [(keys: String, help: String)]? = nil) {
        let g = env.glyphs
        let layout = pages(TerminalSize(columns: canvas.width, rows: canvas.height), environment: env, rows: rows)
        let f = layout.frame, perPage = layout.perPage, keyWidth = layout.keyWidth
        let page = min(page, layout.count - 1)
        // Whole rows are cleared, so nothing of the screen shows beside a box narrower than the window.
        canvas.fill(x: 0, y: f.y, width: canvas.width, height: f.height)
        let title = HintText.helpTitle(env.language, page: page, of: layout.count)
        Box.paint(into: &canvas, frame: f, title: title, glyphs: g, style: Style(foreground: Palette.accent))
        for (i, line) in layout.lines.dropFirst(page * perPage).prefix(perPage).enumerated() {
            canvas.put(line.keys, x: f.x + 2, y: f.y + 1 + i, style: .plain.bolded, maxWidth: keyWidth)
            canvas.put(line.text, x: f.x + 3 + keyWidth, y: f.y + 1 + i, maxWidth: f.width - keyWidth - 4)
        }
        // The longest footer that fits; every one says the same: paging keys page, the rest close.
        let footers = HintText.helpFooters(env.language, g, paged: layout.count > 1)
        let footer = footers.first { $0.count <= f.width - 3 } ?? footers.last!
        canvas.put(footer, x: f.x + 2, y: f.maxY - 2, style: Style(foreground: Palette.muted), maxWidth: f.width - 3)
    }
}
