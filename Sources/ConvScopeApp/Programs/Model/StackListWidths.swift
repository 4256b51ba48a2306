import ConvCore

/// The widest cell of each layer-list column over the whole model, found once per trace (when
/// the model changes) rather than at every frame: a key that only moves the selection then paints
/// the visible rows alone, whatever the model's length.
public struct StackListWidths: Equatable, Sendable {
    /// Characters of the widest module repr, output shape (of the layers that ran), r, j and start.
    public let module: Int, shape: Int, r: Int, j: Int, start: Int
    /// Characters of the widest `(name)` label, and of the widest module at its briefest
    /// (`ConvTranspose2d(16, …)`), which the list keeps whole before its field columns.
    public let label: Int, briefest: Int
    /// Whether some layer did not run (its row says so in the shape column).
    public let hasNotRun: Bool

    init(_ trace: StackTrace) {
        var module = 0, shape = 0, r = 0, j = 0, start = 0, hasNotRun = false, label = 0, briefest = 0
        // Each distinct module is written and shortened once: shortening is 15 text replacements,
        // and doing both for every one of 5,000 layers cost 230 ms a change where a model repeats a
        // few modules. A Cat's repr names its skip, so it is written each time (it is short).
        var known: [StackLayer: (repr: Int, briefest: Int)] = [:]
        for (index, step) in trace.layers.enumerated() {
            var widths = known[step.layer]
            if widths == nil {
                let repr = trace.repr(index)
                widths = (repr.count, LayerListView.briefest(repr, glyphs: .unicodeSet).count)
                if case .cat = step.layer {} else { known[step.layer] = widths }
            }
            module = max(module, widths!.repr)
            label = max(label, trace.names[index].count + 2)
            briefest = max(briefest, widths!.briefest)
            guard step.status == .ran else { hasNotRun = hasNotRun || step.status == .notRun; continue }
            // "×" and "x" are one character each, so the glyphs do not change the widths.
            // Counted, not written out: this runs over every layer at every change of the model.
            let dims = step.outputShape ?? []
            shape = max(shape, dims.reduce(max(0, dims.count - 1)) { $0 + Self.digits($1) })
            guard let f = step.field else { r = max(r, 1); j = max(j, 1); start = max(start, 1); continue }
            r = max(r, Self.pairWidth(f.h.size, f.w.size))
            j = max(j, Self.pairWidth(f.h.jump, f.w.jump))
            start = max(start, Self.pairWidth(f.h.start, f.w.start))
        }
        (self.module, self.shape, self.r, self.j, self.start, self.hasNotRun) = (module, shape, r, j, start, hasNotRun)
        (self.label, self.briefest) = (label, briefest)
    }

    /// Characters of `n` written in decimal.
    static func digits(_ n: Int) -> Int {
        var count = n < 0 ? 2 : 1, rest = n.magnitude
        while rest >= 10 { rest /= 10; count += 1 }
        return count
    }

    /// Characters of `StackTable.pairText(h, w)`: "7", "-3/2" or "7×5".
    static func pairWidth(_ h: Fraction, _ w: Fraction) -> Int {
        func width(_ f: Fraction) -> Int { digits(f.numerator) + (f.isInteger ? 0 : 1 + digits(f.denominator)) }
        return h == w ? width(h) : width(h) + 1 + width(w)
    }
}
