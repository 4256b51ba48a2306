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

    /// The module and briefest widths of each layer's repr, kept for the next trace.
    let modules: [ModuleWidths]

    struct ModuleWidths: Equatable, Sendable {
        let repr: Int, briefest: Int
    }

    /// The widths of `trace`'s list; a layer that `previous` (the widths of the trace before an
    /// edit) listed with the same layer at the same place keeps its module's widths, so a key
    /// that changes one layer writes and shortens no other layer's repr.
    init(_ trace: StackTrace, previous: (widths: StackListWidths, trace: StackTrace)? = nil) {
        var module = 0, shape = 0, r = 0, j = 0, start = 0, hasNotRun = false, label = 0, briefest = 0
        // Each distinct module is written and shortened once: shortening is 15 text replacements,
        // and doing both for every one of 5,000 layers cost 230 ms a change where a model repeats a
        // few modules. A Cat's repr names its skip, so it is written each time (it is short).
        var known: [StackLayer: ModuleWidths] = [:]
        var modules: [ModuleWidths] = []
        modules.reserveCapacity(trace.layers.count)
        let before = previous.map { ($0.widths.modules, $0.trace.stack) }
        let steps = trace.layers, names = trace.names, stack = trace.stack
        // The names of a retrace that kept them are the same array: their widest is kept too.
        let keptLabel = previous.flatMap { $0.trace.names == names ? $0.widths.label : nil }
        for (index, step) in steps.enumerated() {
            var widths: ModuleWidths?
            let layer = stack[index]
            if let (kept, layers) = before, index < kept.count, index < layers.count, !layer.isCat, layers[index] == layer {
                widths = kept[index]
            } else {
                widths = known[layer]
            }
            if widths == nil {
                let repr = trace.repr(index)
                widths = ModuleWidths(repr: repr.count, briefest: LayerListView.briefest(repr, glyphs: .unicodeSet).count)
                if !layer.isCat { known[layer] = widths }
            }
            modules.append(widths!)
            module = max(module, widths!.repr)
            if keptLabel == nil { label = max(label, names[index].count + 2) }
            briefest = max(briefest, widths!.briefest)
            // Only a layer that ran has an output shape; one not run has no input shape either.
            guard let dims = step.outputShape else { hasNotRun = hasNotRun || step.inputShape == nil; continue }
            // "×" and "x" are one character each, so the glyphs do not change the widths.
            // Counted, not written out: this runs over every layer at every change of the model.
            shape = max(shape, dims.reduce(max(0, dims.count - 1)) { $0 + Self.digits($1) })
            guard let f = step.field else { r = max(r, 1); j = max(j, 1); start = max(start, 1); continue }
            r = max(r, Self.pairWidth(f.h.size, f.w.size))
            j = max(j, Self.pairWidth(f.h.jump, f.w.jump))
            start = max(start, Self.pairWidth(f.h.start, f.w.start))
        }
        (self.module, self.shape, self.r, self.j, self.start, self.hasNotRun) = (module, shape, r, j, start, hasNotRun)
        (self.label, self.briefest, self.modules) = (keptLabel ?? label, briefest, modules)
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
