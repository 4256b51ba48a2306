/// How many terminal columns a character takes, as far as the canvas's one-column grid cares:
/// text a user types or names (a prompt, an answer, a file name) may hold wide East Asian
/// characters, emoji or control characters, which would shift every cell after them on the
/// terminal and in the exports. The canvas writes those as `?`.
extension Character {
    /// True when the character takes exactly one terminal column.
    var isSingleColumn: Bool {
        if let ascii = asciiValue { return ascii >= 0x20 && ascii != 0x7F }
        guard let first = unicodeScalars.first else { return false }
        let v = first.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return false }   // C0 and C1 controls
        if (0x200B...0x200F).contains(v) || v == 0x2060 || v == 0xFEFF { return false }   // zero-width
        if first.properties.generalCategory == .control || first.properties.generalCategory == .format { return false }
        // East Asian Wide and Fullwidth blocks, and the emoji planes terminals draw two columns wide.
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        if wide.contains(where: { $0.contains(v) }) { return false }
        // An emoji presentation selector makes even a narrow symbol two columns wide.
        return !unicodeScalars.contains { $0.value == 0xFE0F }
    }
}
