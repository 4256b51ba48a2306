import ConvCore
import Foundation

/// `convscope render --layers`: a stack's trace as a table like torchinfo's summary, under a
/// one-line shape trace, with totals and the U-Net size notes.
public enum StackTable {
    /// The whole text; `unicode` false writes x, -> and X for ×, → and ✗.
    /// `assumed[i]` lists what layer i's print hid (a note under its row).
    public static func text(_ trace: StackTrace, assumed: [[HiddenArgument]] = [], unicode: Bool = true,
                            language l: Language) -> String {
        let titles = StackWords.titles(l)
        var rows: [[String]] = [titles]
        var messages: [Int: String] = [:], assumedNotes: [Int: String] = [:]
        for (index, step) in trace.layers.enumerated() {
            var row = ["(\(trace.names[index]))", trace.repr(index)]
            if assumed.indices.contains(index), !assumed[index].isEmpty {
                assumedNotes[rows.count] = "    " + StackWords.assumed(l, assumed[index])
            }
            switch step.status {
            case .ran:
                row.append(shapeText(step.outputShape!))
                if let field = step.field {
                    row += [pairText(field.h.size, field.w.size), pairText(field.h.jump, field.w.jump),
                            pairText(field.h.start, field.w.start)]
                } else {
                    row += ["-", "-", "-"]
                }
                row += [NumberText.grouped(step.parameterCount, l), NumberText.grouped(step.multiplications, l)]
            case let .failed(error):
                row += [StackWords.broken(l), "", "", "", NumberText.grouped(step.parameterCount, l), ""]
                messages[rows.count] = "    ✗ \(error.pythonType): \(error.message)"
            case .notRun:
                row += [StackWords.notRun(l), "", "", "", NumberText.grouped(step.parameterCount, l), ""]
            }
            rows.append(row)
        }
        let under = messages.merging(assumedNotes) { $0 + "\n" + $1 }
        var lines = [trace.shapeLine, ""] + aligned(rows, numbersFrom: 3, under: under)
        lines.append("")
        lines.append(totals(trace, l))
        let notes = UNetNotes.notes(trace, language: l) + SeparableNotes.notes(trace, language: l)
        if !notes.isEmpty { lines += [""] + notes }
        let text = lines.joined(separator: "\n") + "\n"
        return unicode ? text : asciiText(text)
    }

    static func totals(_ trace: StackTrace, _ l: Language) -> String {
        let parameters = trace.totalParameters, multiplications = trace.totalMultiplications
        var line = StackWords.total(l, parameters: parameters, multiplications: multiplications)
        if let failure = trace.failure {
            line += StackWords.brokenAt(l, name: trace.names[failure.index], notRun: trace.layers.count - failure.index - 1)
        } else if let output = trace.outputShape {
            line += StackWords.output(l, shapeText(output))
        }
        return line + "\n" + StackWords.fieldLegend(l)
    }

    /// The rows in columns, words on the left and numbers (from column `numbersFrom`) on the
    /// right as in torchinfo, each followed by its lines in `under`.
    static func aligned(_ rows: [[String]], numbersFrom: Int, under: [Int: String]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column >= numbersFrom ? cell.leftPadded(to: widths[column], with: " ")
                    : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces)
            if let text = under[number] { lines.append(text) }
        }
        return lines
    }

    static func shapeText(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }

    static func pairText(_ h: Fraction, _ w: Fraction) -> String { h == w ? "\(h)" : "\(h)×\(w)" }

    /// The text with ASCII stand-ins for the few non-ASCII glyphs the stack texts use.
    static func asciiText(_ text: String) -> String {
        text.replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "→", with: "->")
            .replacingOccurrences(of: "✗", with: "X").replacingOccurrences(of: "·", with: "-")
            .replacingOccurrences(of: "…", with: "...")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
