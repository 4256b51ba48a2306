import ConvCore

/// The U-Net size findings (`UNetSizing`) in words, once: the model screen's hints prefix them
/// with the layer, `render --layers`' notes with "note (layer): ".
enum UNetWords {
    /// "output_padding=1 would give 9×9 like (1) for Cat (6)", or why none can; `n` names a layer.
    static func outputPadding(_ f: UNetSizing.OutputPaddingFinding, _ l: Language, _ g: Glyphs, n: (Int) -> String) -> String {
        let target = "\(f.target.h)\(g.times)\(f.target.w)"
        let check = g.unicode ? "✓" : "ok"
        guard let padding = f.padding else {
            let limit = "0\(g.dash)\(f.limit.h), 0\(g.dash)\(f.limit.w)"
            // The decisive sizes first: a short line keeps them, the allowed range gives way.
            return l.pick("no output_padding gives \(target) like (\(n(f.skip))); change the sizes before it "
                          + "(output_padding allowed: \(limit), below max(stride, dilation))",
                          "\(target), как у (\(n(f.skip))), не даёт ни один output_padding; измените размеры раньше "
                          + "(допустимый output_padding: \(limit), меньше max(stride, dilation))")
        }
        let shown = padding.h == padding.w ? "\(padding.h)" : "(\(padding.h), \(padding.w))"
        if f.isSet {
            return l.pick("output_padding=\(shown) gives \(target) like (\(n(f.skip))) \(check) for Cat (\(n(f.cat)))",
                          "output_padding=\(shown) даёт \(target), как у (\(n(f.skip))) \(check) для Cat (\(n(f.cat)))")
        }
        return l.pick("output_padding=\(shown) would give \(target) like (\(n(f.skip))) for Cat (\(n(f.cat)))",
                      "output_padding=\(shown) дал бы \(target), как у (\(n(f.skip))), для Cat (\(n(f.cat)))")
    }

    /// "heights 7 and 8 give 4 through Conv2d: going back up cannot tell which, so set sizes explicitly".
    static func folding(_ f: UNetSizing.FoldingFinding, layer: String, _ l: Language) -> String {
        let words = f.sizes.map(String.init)
        let list = words.dropLast().joined(separator: ", ") + l.pick(" and ", " и ") + words.last!
        let what = f.axis == nil ? l.pick("sizes", "размеры") : f.axis == .height ? l.pick("heights", "высоты")
            : l.pick("widths", "ширины")
        return l.pick("\(what) \(list) give \(f.output) through \(layer): going back up cannot tell which, "
                      + "so set sizes explicitly",
                      "\(what) \(list) дают \(f.output) после \(layer): при обратном пути не узнать, какой был, "
                      + "поэтому задавайте размеры явно")
    }
}
