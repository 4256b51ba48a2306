import ConvCore

/// The words of the vector slides and the conv_arithmetic pack, in English and Russian.
enum SlideWords {
    static func input(_ l: Language) -> String { l.pick("input", "вход") }
    static func output(_ l: Language) -> String { l.pick("output", "выход") }
    static func kernel(_ l: Language) -> String { l.pick("kernel", "ядро") }
    static func outputRefused(_ l: Language) -> String { l.pick("output refused by PyTorch", "выход: PyTorch отказывает") }
    static func channel(_ c: Int, _ l: Language) -> String { l.pick("channel \(c)", "канал \(c)") }
    static func scale(_ s: MapScale, _ g: Glyphs) -> String { "scale " + s.text(g) }
    /// "channels 0–7 of 64" when a section shows only its first maps.
    static func channelsShown(_ shown: Int, of total: Int, _ g: Glyphs, _ l: Language) -> String {
        shown == 1 ? l.pick("channel 0 of \(total)", "канал 0 из \(total)")
            : l.pick("channels 0\(g.dash)\(shown - 1) of \(total)", "каналы 0\(g.dash)\(shown - 1) из \(total)")
    }
    /// The kernel section's note: which output channel's weights are drawn.
    static func weightsOf(output o: Int, _ l: Language) -> String {
        l.pick("weights of output channel \(o)", "веса выходного канала \(o)")
    }
    static func weightMap(output o: Int, input c: Int) -> String { "weight[\(o), \(c)]" }
    /// The animation's line: which output cell the kernel is computing, and its value.
    static func step(_ c: Int, _ y: Int, _ x: Int, value: String) -> String { "output[\(c), \(y), \(x)] = \(value)" }
    /// The dashed ring's legend.
    static func paddingLegend(_ mode: PaddingMode, _ l: Language) -> String {
        mode == .zeros ? l.pick("dashed cells: zero padding", "пунктирные клетки: нулевое расширение")
            : l.pick("dashed cells: \(mode.rawValue) padding", "пунктирные клетки: расширение \(mode.rawValue)")
    }
    // The HTML page's controls.
    static func step(_ l: Language) -> String { l.pick("step", "шаг") }
    static func pause(_ l: Language) -> String { l.pick("pause", "пауза") }
    static func play(_ l: Language) -> String { l.pick("play", "пуск") }
    static func frame(_ l: Language) -> String { l.pick("frame", "кадр") }
    static func of(_ l: Language) -> String { l.pick("of", "из") }
}
