/// One command-line flag of a layer, made from its parameter table: a row's own flag
/// (`--kernel-size-h`), or the shorthand setting both halves of an h/w pair (`--kernel-size 3x5`).
/// `--padding` is both: the `padding` row's choice ('same', 'valid') or the pair's amounts.
public struct ParameterFlag: Sendable {
    /// The flag without its dashes, e.g. `kernel-size`.
    public let name: String
    /// The row it sets by name, if any.
    public let row: ParameterID?
    /// The h/w pair it sets from `N` or `HxW`, if it is a shorthand.
    public let pair: (h: ParameterID, w: ParameterID)?

    /// The flag, e.g. `--kernel-size`.
    public var flag: String { "--" + name }

    /// Every flag of `layer`, in the help's order: the twelve sliders, the shorthands, the rest.
    public static func all(of layer: LayerSpec = .conv2d) -> [ParameterFlag] {
        let rows = layer.parameters
        let shorthands = rows.compactMap { spec -> ParameterFlag? in
            guard let flag = spec.shorthandFlag, let partner = spec.partner, spec.id.rawValue < partner.rawValue else { return nil }
            let name = String(flag.dropFirst(2))
            return ParameterFlag(name: name, row: rows.first { $0.flagName == name }?.id, pair: (spec.id, partner))
        }
        let taken = Set(shorthands.map(\.name))
        let own = rows.filter { !taken.contains($0.flagName) }.map { ParameterFlag(name: $0.flagName, row: $0.id, pair: nil) }
        let sliders = own.filter { $0.row!.isGeometry }
        return sliders + shorthands + own.filter { !$0.row!.isGeometry }
    }

    /// The rows it can set.
    public var rows: [ParameterID] { (pair.map { [$0.h, $0.w] } ?? []) + (row.map { [$0] } ?? []) }

    /// The flag's help, from the table.
    public var help: String {
        guard let pair else { return row!.spec.help }
        let range = pair.h.range
        let title = pair.h.spec.pytorchArgument!.split(separator: "_").joined(separator: " ")
        var text = title.prefix(1).uppercased() + title.dropFirst()
            + " for both axes: N or HxW, each \(range.lowerBound)...\(range.upperBound) (e.g. 3 or 3x5)"
        if let row { text += "; or \(row.spec.allowedText) (the \(row.name) row)" }
        return text + "."
    }

    /// What the flag accepts, as messages end.
    public var allowedText: String {
        guard let pair else { return row!.spec.allowedText }
        let range = pair.h.range
        return "N or HxW with each number in \(range.lowerBound)...\(range.upperBound)"
            + (row.map { ", or " + $0.spec.allowedText } ?? "")
    }

    /// Reads a shorthand's `N` or `HxW` (a word that names the row's choice is the row's).
    public func readPair(_ word: String) throws(ParameterWordError) -> (h: Int, w: Int) {
        // `3x5`, `3X5` or `3×5`, as the screen size is written.
        let parts = word.lowercased().split(omittingEmptySubsequences: false) { $0 == "x" || $0 == "×" }
        let numbers = parts.compactMap { Int($0) }
        guard (1...2).contains(parts.count), numbers.count == parts.count else {
            throw ParameterWordError("\(flag) '\(word)' is not a size: allowed \(allowedText) (e.g. 3 or 3x5).")
        }
        let range = pair!.h.range
        for n in numbers where !range.contains(n) {
            throw ParameterWordError("\(flag) '\(word)' is out of range: allowed \(allowedText).")
        }
        return (numbers[0], numbers.count == 2 ? numbers[1] : numbers[0])
    }
}
