import ConvCore

/// What the inspector marks on the maps for the current focus.
struct Inspection {
    let state: AppState
    /// Worked out once per frame; each map then only looks its marks up.
    private let unread: (rows: [Int], columns: [Int])
    private let tapsByChannel: [Int: Set<[Int]>]
    private let fedOutputs: Set<[Int]>

    init(state: AppState) {
        self.state = state
        let p = state.parameters
        unread = state.showsPadding ? p.unreadInput : ([], [])
        if let c = state.pinnedOutputCell {
            tapsByChannel = Dictionary(grouping: p.receptiveField(outChannel: c.channel, y: c.y, x: c.x), by: \.channel)
                .mapValues { Set($0.map { [$0.y, $0.x] }) }
        } else {
            tapsByChannel = [:]
        }
        // The outputs an input cell feeds are the same in every output channel.
        fedOutputs = state.focus == .input
            ? Set(p.outputsReading(y: state.inputCursor.y, x: state.inputCursor.x).map { [$0.y, $0.x] }) : []
    }

    /// Taps of the pinned output cell (output focus or animation), or the input cursor.
    func inputMarks(_ channel: Int) -> CellMarks {
        var marks = CellMarks()
        marks.unreadRows = Set(unread.rows)
        marks.unreadColumns = Set(unread.columns)
        if state.focus == .input {
            if state.inputCursor.channel == channel { marks.cursor = [state.inputCursor.y, state.inputCursor.x] }
        } else {
            marks.highlighted = tapsByChannel[channel] ?? []
        }
        return marks
    }

    /// The pinned output cell, or every output cell the input cursor feeds.
    func outputMarks(_ channel: Int) -> CellMarks {
        var marks = CellMarks()
        if state.focus == .input {
            marks.highlighted = fedOutputs
        } else if let c = state.pinnedOutputCell, c.channel == channel {
            marks.cursor = [c.y, c.x]
        }
        return marks
    }

    /// "2 columns never read" when the padded view shows them.
    func unreadNote(_ lang: Language) -> String {
        guard state.showsPadding else { return "" }
        return ScreenText.unreadNote(lang, rows: unread.rows.count, columns: unread.columns.count)
    }
}
