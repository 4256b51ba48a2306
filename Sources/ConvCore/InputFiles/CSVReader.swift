/// Reads comma-separated numbers: one row per line, a blank line between channels.
enum CSVReader {
    /// The input (1, C, H, W); stops as soon as the text grows past the size limits.
    static func read(_ bytes: [UInt8]) throws(InputFileError.Problem) -> Tensor4 {
        guard let text = TextFileDecoding.text(bytes) else { throw .notText }
        var channels: [[[Float]]] = []
        var rows: [[Float]] = []
        func finishChannel() throws(InputFileError.Problem) {
            guard !rows.isEmpty else { return }
            if let first = channels.first, first.count != rows.count {
                throw .raggedChannel(channel: channels.count, rows: rows.count, expected: first.count)
            }
            channels.append(rows)
            rows = []
            try InputFile.checkSize(channels: channels.count, height: 1, width: 1)
        }
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let cells = line.trimmingSpaces()
            if cells.isEmpty { try finishChannel(); continue }
            var row: [Float] = []
            for (column, cell) in cells.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                let word = cell.trimmingSpaces()
                guard let value = decimal(word) else {
                    throw .notANumber(line: lineIndex + 1, column: column + 1, text: String(word))
                }
                guard value.isFinite, Float(value).isFinite else { throw .notFinite }
                row.append(Float(value))
            }
            let expected = rows.first?.count ?? channels.first?.first?.count ?? row.count
            if row.count != expected { throw .raggedRow(line: lineIndex + 1, cells: row.count, expected: expected) }
            rows.append(row)
            try InputFile.checkSize(channels: channels.count + 1, height: rows.count, width: row.count)
        }
        try finishChannel()
        guard let first = channels.first else { throw .empty }
        let (h, w) = (first.count, first[0].count)
        return Tensor4(shape: [1, channels.count, h, w], storage: channels.flatMap { $0.flatMap { $0 } })
    }

    /// A number written in decimal (`-1.5e3`), or the words inf and nan (refused later as not
    /// finite). Double's own parser would also take hexadecimal (`0x10` as 16) and stop at a NUL.
    static func decimal(_ word: Substring) -> Double? {
        let lower = word.lowercased().trimmingPrefix { $0 == "+" || $0 == "-" }
        if ["inf", "infinity", "nan"].contains(String(lower)) { return Double(word) }
        guard word.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }) else { return nil }
        return Double(word)
    }
}
