import Foundation
import ConvCore

/// The layer list: one line per layer (index, module, output shape, r, j, start), the selected
/// one highlighted, the one that broke marked ✗ in the error colour, the ones after it greyed.
struct LayerListView {
    let stack: StackState
    let frame: Rect
    let firstListed: Int
    let environment: RenderEnvironment

    var text: StackText { StackText(lang: environment.language, g: environment.glyphs, model: stack.model) }

    /// Each layer's cells: module, shape (or ✗ / not run), r, j, start.
    func cells(_ index: Int) -> (module: String, shape: String, r: String, j: String, start: String) {
        let step = stack.trace.layers[index], g = environment.glyphs
        let module = stack.trace.repr(index)
        switch step.status {
        case .ran:
            let shape = text.shape(step.outputShape!)
            guard let f = step.field else { return (module, shape, "-", "-", "-") }
            return (module, shape, StackTable.pairText(f.h.size, f.w.size), StackTable.pairText(f.h.jump, f.w.jump),
                    StackTable.pairText(f.h.start, f.w.start))
        case .failed:
            return (module, (g.unicode ? "✗ " : "X ") + text.broken, "", "", "")
        case .notRun:
            return (module, (g.unicode ? "· " : "- ") + text.notRun, "", "", "")
        }
    }

    func paint(into canvas: inout Canvas) {
        let count = stack.model.layers.count, widths = stack.listWidths, g = environment.glyphs
        let titles = text.listTitles
        // print(model)'s names can be long (layer2.0.downsample.0): at most a quarter of the list.
        let indexWidth = min(max(String(count - 1).count + 3, widths.label), max(6, frame.width / 4))
        let shapeWidth = max(text.listTitles.output.count, widths.shape,
                             stack.trace.failure == nil ? 0 : ((g.unicode ? "✗ " : "X ") + text.broken).count,
                             widths.hasNotRun ? ((g.unicode ? "· " : "- ") + text.notRun).count : 0)
        let rWidth = max(1, widths.r), jWidth = max(1, widths.j)
        let startWidth = max(text.start.count, widths.start)
        // Columns from the right are dropped until the module has room for its name.
        let fieldColumns = [rWidth, jWidth, startWidth]
        var kept = 3
        func moduleWidth(_ kept: Int) -> Int {
            frame.width - 1 - indexWidth - 1 - 2 - shapeWidth - fieldColumns.prefix(kept).reduce(0) { $0 + $1 + 1 }
        }
        // The r, j and start columns (the panel's facts repeat the selected layer's) give way
        // before a module is cut inside its first argument.
        while kept > 0 && moduleWidth(kept) < max(18, widths.briefest) { kept -= 1 }
        // No wider than the longest module, so the shapes stay near the names on wide screens.
        let longest = max(titles.module.count, widths.module)
        let modWidth = max(4, min(longest, moduleWidth(kept)))
        func line(_ pointer: String, _ index: String, _ module: String, _ shape: String, _ fields: [String]) -> String {
            var text = pointer + index.leftPadded(to: indexWidth, with: " ") + " "
                + module.padded(to: modWidth) + "  " + shape.padded(to: shapeWidth)
            for (value, width) in zip(fields.prefix(kept), fieldColumns) { text += " " + value.leftPadded(to: width, with: " ") }
            return text
        }
        canvas.put(line(" ", "#", titles.module, titles.output, ["r", "j", text.start]), x: frame.x, y: frame.y,
                   style: Style(foreground: Palette.muted, bold: true), maxWidth: frame.width)
        let failure = stack.trace.failure?.index
        for row in 0..<(frame.height - 1) {
            let index = firstListed + row
            guard index < count else { break }
            let c = cells(index)
            let selected = index == stack.selected
            let label = Self.keepingTheEnd("(\(stack.model.name(index)))", width: indexWidth, glyphs: environment.glyphs)
            let pointer = selected ? String(environment.glyphs.pointer) : " "
            let module = Self.shortened(c.module, to: modWidth, glyphs: environment.glyphs)
            var style = Style()
            if let failure, index > failure { style = Style(foreground: Palette.muted, dim: true) }
            if index == failure { style = Style(foreground: Palette.error, bold: true) }
            if selected { style.bold = true; if index != failure { style.foreground = Palette.accent } }
            let y = frame.y + 1 + row
            canvas.put(line(pointer, label, module, c.shape, [c.r, c.j, c.start]), x: frame.x, y: y, style: style,
                       maxWidth: frame.width)
            if selected && !environment.colorDepth.hasColor {
                canvas.restyle(x: frame.x, y: y, width: frame.width, height: 1) { $0.reverse = true }
            }
        }
    }

    /// A name in `width` columns: whole, or its end after an ellipsis (the leaf tells layers apart).
    static func keepingTheEnd(_ label: String, width: Int, glyphs g: Glyphs) -> String {
        guard label.count > width else { return label }
        // `(layer2.0.downsample.0)` → `(…sample.0)`: the parentheses stay, so it still reads as a name.
        let inner = label.dropFirst().dropLast()
        return "(" + g.ellipsis + String(inner.suffix(max(1, width - 2 - g.ellipsis.count))) + ")"
    }

    /// A module's repr in `width` columns: whole; then PyTorch's keywords shortened (k=, s=, p=,
    /// d=), square tuples written once and default arguments dropped; then as many of its first
    /// arguments as fit, whole, the rest an ellipsis (down to the name with its first argument);
    /// then cut with an ellipsis.
    static func shortened(_ repr: String, to width: Int, glyphs g: Glyphs) -> String {
        if repr.count <= width { return repr }
        let compact = compacted(repr)
        if compact.count <= width { return compact }
        if let open = compact.firstIndex(of: "("), compact.hasSuffix(")") {
            let name = compact[..<open], arguments = topLevelArguments(String(compact[compact.index(after: open)...].dropLast()))
            for kept in stride(from: arguments.count - 1, through: 1, by: -1) {
                let brief = "\(name)(" + arguments.prefix(kept).joined(separator: ", ") + ", \(g.ellipsis))"
                if brief.count <= width { return brief }
            }
        }
        return String(compact.prefix(max(0, width - g.ellipsis.count))) + g.ellipsis
    }

    /// A call's arguments split at the commas outside parentheses (`8, 4, k=(3, 5), s=2`).
    static func topLevelArguments(_ text: String) -> [String] {
        var arguments: [String] = [], current = "", depth = 0
        for c in text {
            if c == ",", depth == 0 { arguments.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            current.append(c)
        }
        return current.isEmpty ? arguments : arguments + [current.trimmingCharacters(in: .whitespaces)]
    }

    /// The shortest form `shortened` gives before cutting: the name with its first argument.
    static func briefest(_ repr: String, glyphs g: Glyphs) -> String {
        let compact = compacted(repr)
        guard let open = compact.firstIndex(of: "("), compact.hasSuffix(")"),
              let first = topLevelArguments(String(compact[compact.index(after: open)...].dropLast())).first
        else { return compact }
        let brief = "\(compact[..<open])(\(first), \(g.ellipsis))"
        return brief.count < compact.count ? brief : compact
    }

    static func compacted(_ repr: String) -> String {
        var text = repr
        for (long, short) in [("output_padding=", "op="), ("kernel_size=", "k="), ("stride=", "s="), ("padding=", "p="),
                              ("dilation=", "d=")] {
            text = text.replacingOccurrences(of: long, with: short)
        }
        // "(3, 3)" → "3".
        // A padding PyTorch prints as a word is kept as it prints it (padding=same).
        for word in ["same", "valid"] { text = text.replacingOccurrences(of: "p=\(word)", with: "padding=\(word)") }
        text = squareTuplesOnce(text)
        for dropped in [", s=1", ", p=0", ", d=1", ", ceil_mode=False", ", inplace=False", ", inplace=True",
                        ", eps=1e-05", ", momentum=0.1", ", affine=True", ", track_running_stats=True"] {
            text = text.replacingOccurrences(of: dropped, with: "")
        }
        return text
    }
}

extension LayerListView {
    /// "(3, 3)" written "3"; other text as it is. A scan by hand: the Regex `replacing` with
    /// captures asked for 256 GiB on `Conv2d(4096, 4096, 64, …)` reprs (Swift 6's regex engine).
    static func squareTuplesOnce(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            out += rest[..<open]
            let afterOpen = rest[rest.index(after: open)...]
            let first = afterOpen.prefix { $0.isASCII && $0.isNumber }
            let tail = afterOpen.dropFirst(first.count)
            if !first.isEmpty, tail.hasPrefix(", ") {
                let second = tail.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
                let close = tail.dropFirst(2 + second.count)
                if !second.isEmpty, close.first == ")" {
                    out += first == second ? String(first) : "(\(first), \(second))"
                    rest = close.dropFirst()
                    continue
                }
            }
            out += "("
            rest = afterOpen
        }
        return out + rest
    }
}

extension String {
    /// The string with spaces added on the right up to `width` characters.
    func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
