import ConvCore

/// One piece of a formula row: its text and whether its axis has an output (else drawn as an error).
public struct FormulaPiece: Equatable, Sendable {
    public let text: String
    public let fits: Bool
}

/// Where the output-size formula goes: its rows and the first row's y. The layout decides it
/// from the parameters and the width; the formula bar only draws it.
public struct FormulaPlacement: Equatable, Sendable {
    public let rows: [[FormulaPiece]]
    public let y: Int
}

/// How the formulas are arranged in a width.
enum FormulaRows {
    /// The formula rows that fit `width`: both axes on one row, spaced or compact; one formula for
    /// both when the axes are the same; else one row per axis.
    static func arrange(_ p: Conv2dSettings, glyphs g: Glyphs, language l: Language, width: Int) -> [[FormulaPiece]] {
        let room = width - 2
        let h = p.heightAxis, w = p.widthAxis
        for compact in [false, true] {
            let ht = FormulaText.axis("H_out", h, g, l, compact: compact), wt = FormulaText.axis("W_out", w, g, l, compact: compact)
            let gap = compact ? "   " : "    "
            if ht.count + gap.count + wt.count <= room {
                return [[FormulaPiece(text: ht, fits: h.kernelFits), FormulaPiece(text: gap, fits: true),
                         FormulaPiece(text: wt, fits: w.kernelFits)]]
            }
        }
        if h == w && h.kernelFits {
            for compact in [false, true] {
                let both = FormulaText.both(h, g, compact: compact)
                if both.count <= room { return [[FormulaPiece(text: both, fits: true)]] }
            }
        }
        let compact = FormulaText.axis("H_out", h, g, l, compact: false).count > room
        return [[FormulaPiece(text: FormulaText.axis("H_out", h, g, l, compact: compact), fits: h.kernelFits)],
                [FormulaPiece(text: FormulaText.axis("W_out", w, g, l, compact: compact), fits: w.kernelFits)]]
    }

    /// The space between the ConvTranspose2d's two formulas on one row.
    private static let transposedGap = "   "

    /// The ConvTranspose2d's H_out and W_out (`FamilyScreenText.outputFormula`, which its screen
    /// paints): side by side when both fit `width`, else one row each (wrapped where a row is
    /// longer), so the layout keeps room for them; nil when PyTorch refuses the layer (its screen
    /// then shows the refusal, not formulas).
    static func transposed(_ p: Conv2dSettings, width: Int) -> [[FormulaPiece]]? {
        guard p.transposedRefusal == nil else { return nil }
        let layer = p.transposedLayer, input = p.transposedInputSize
        let output = SpatialPair(layer.outputSize(input: input.h, axis: .height), layer.outputSize(input: input.w, axis: .width))
        let rows = [PaddingSpec.Axis.height, .width].map {
            FormulaPiece(text: FamilyScreenText.outputFormula(layer, input: input, output: output, $0), fits: true)
        }
        let gap = FormulaPiece(text: transposedGap, fits: true)
        let joined = rows[0].text.count + gap.text.count + rows[1].text.count
        return joined <= width - 2 ? [[rows[0], gap, rows[1]]] : wrapped(rows.map(\.text), width: width)
    }

    /// The Conv1d's L_out with its numbers (`SequenceWords.lengthFormula`), wrapped at its spaces
    /// where it is longer than `width`, so the layout keeps a row for each piece; nil when PyTorch
    /// refuses the layer (its screen then shows the refusal, not the formula).
    static func sequence(_ p: Conv2dSettings, causal: Bool, width: Int) -> [[FormulaPiece]]? {
        guard case .success(let shape) = CourseSequence.outputShape(p, causal: causal) else { return nil }
        let a = CourseSequence.axis(p, layer: CourseSequence.layer(p, causal: causal), causal: causal)
        return wrapped([SequenceWords.lengthFormula(length: a.size, before: a.padding.before, after: a.padding.after,
                                                    dilation: a.dilation, kernel: a.kernel, stride: a.stride, output: shape[2])],
                       width: width)
    }

    /// Each formula on a row of its own: spaced, else compact (its spaces dropped, as the Conv2d's
    /// compact formulas are), else spaced and broken at its spaces over as many rows as it takes.
    private static func wrapped(_ formulas: [String], width: Int) -> [[FormulaPiece]] {
        let room = width - 2
        return formulas.flatMap { formula in
            let compact = formula.replacingOccurrences(of: " ", with: "")
            if formula.count <= room { return [formula] }
            return compact.count <= room ? [compact] : TextWrap.lines(formula, width: room)
        }.map { [FormulaPiece(text: $0, fits: true)] }
    }

    /// One row for both axes when two do not fit under the parameter panel: each formula that
    /// fits in full, else just its result (the formula panel, f, has all of it).
    static func squeezed(_ p: Conv2dSettings, glyphs g: Glyphs, language l: Language, width: Int) -> [FormulaPiece] {
        var pieces: [FormulaPiece] = []
        var used = 0
        for (name, a) in [("H_out", p.heightAxis), ("W_out", p.widthAxis)] {
            let gap = pieces.isEmpty ? "" : "  "
            let full = FormulaText.axis(name, a, g, l, compact: true)
            let chosen = used + gap.count + full.count + 5 <= width - 2 ? full : FormulaText.result(name, a, l)
            if !gap.isEmpty { pieces.append(FormulaPiece(text: gap, fits: true)) }
            pieces.append(FormulaPiece(text: chosen, fits: a.kernelFits))
            used += gap.count + chosen.count
        }
        return pieces
    }

    /// The rows as drawn: in a short window the first of two rows would land on the parameter
    /// panel's border, so everything goes on the row below it instead.
    static func placement(_ rows: [[FormulaPiece]], y: Int, panelBottom: Int, _ p: Conv2dSettings, glyphs g: Glyphs,
                          language l: Language, width: Int) -> FormulaPlacement {
        guard rows.count == 2 && y < panelBottom else { return FormulaPlacement(rows: rows, y: y) }
        return FormulaPlacement(rows: [squeezed(p, glyphs: g, language: l, width: width)], y: y + 1)
    }
}
