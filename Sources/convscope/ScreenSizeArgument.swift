import ArgumentParser
import ConvScopeApp

/// `--size COLSxROWS`, validated to sizes a terminal could have.
struct ScreenSizeArgument: ExpressibleByArgument {
    let columns: Int, rows: Int
    static let limit = 1000
    /// The smallest screen convscope draws, as messages write it.
    static let minimumText = "\(ScreenLayout.minimum.columns)×\(ScreenLayout.minimum.rows)"

    init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }

    init?(argument: String) {
        let parts = dimensionParts(argument)
        guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]),
              (1...Self.limit).contains(c), (1...Self.limit).contains(r) else { return nil }
        columns = c; rows = r
    }

    /// `render --help` shows the default as the user would type it.
    var defaultValueDescription: String { "\(columns)x\(rows)" }

    /// Throws when the size is below the smallest screen, instead of painting a cut-off picture.
    func validateAgainstMinimum() throws {
        let minimum = ScreenLayout.minimum
        guard columns < minimum.columns || rows < minimum.rows else { return }
        throw ValidationError("--size \(columns)x\(rows) is smaller than the smallest screen: "
                              + "allowed \(Self.minimumText) up to \(Self.limit)×\(Self.limit), e.g. 120x40.")
    }
}

/// The numbers of `N`, `HxW` or `H×W` (the screen writes sizes with ×), split at the x.
func dimensionParts(_ text: String) -> [Substring] {
    text.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x", omittingEmptySubsequences: false)
}
