import ArgumentParser

/// `--size COLSxROWS`, validated to sizes a terminal could have.
struct ScreenSizeArgument: ExpressibleByArgument {
    let columns: Int, rows: Int
    static let limit = 1000

    init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]),
              (1...Self.limit).contains(c), (1...Self.limit).contains(r) else { return nil }
        columns = c; rows = r
    }

    static var defaultValueDescription: String { "120x40" }
}
