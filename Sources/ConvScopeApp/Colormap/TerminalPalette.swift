/// Maps exact colours onto what 256-, 16- and 8-colour terminals can show.
public enum TerminalPalette {
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]
    // xterm's defaults for 0–15 (blue is 0,0,238 and bright blue 92,92,255, not pure).
    private static let ansi16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The xterm-256 index in 16…255 nearest to `c` (squared RGB distance, ties to the lower index).
    public static func nearestXterm256(_ c: RGB) -> Int {
        let r = Int(c.r), g = Int(c.g), b = Int(c.b)
        // Squared distance splits per channel, so the nearest cube colour is the nearest level
        // in each channel; rounding ties down keeps the lower index.
        let ri = cubeLevel(r), gi = cubeLevel(g), bi = cubeLevel(b)
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let cubeDist = square(r - cubeLevels[ri]) + square(g - cubeLevels[gi]) + square(b - cubeLevels[bi])
        // Distance to grey v is 3(v − mean)² + const, so take the ramp step nearest the mean;
        // that step is round((sum − 24)/30), and rounding exact halves down is (sum − 24 + 14)/30.
        let k = min(max((r + g + b - 10) / 30, 0), 23)
        let v = 8 + 10 * k
        let greyDist = square(r - v) + square(g - v) + square(b - v)
        // The cube indices are all below the greys, so the cube wins a tie.
        return greyDist < cubeDist ? 232 + k : cubeIndex
    }

    /// The colour xterm shows for palette `index` (0…255; out-of-range indices are clamped).
    public static func xterm256RGB(_ index: Int) -> RGB {
        let i = min(max(index, 0), 255)
        switch i {
        case 0..<16:
            return ansi16[i]
        case 16..<232:
            let n = i - 16
            return RGB(UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[n / 6 % 6]), UInt8(cubeLevels[n % 6]))
        default:
            let v = UInt8(8 + 10 * (i - 232))
            return RGB(v, v, v)
        }
    }

    /// The ANSI colour 0…15 nearest to `c` under xterm's default values, ties to the lower index.
    public static func nearestANSI16(_ c: RGB) -> Int { nearest(c, among: 16) }

    /// The ANSI colour 0…7 nearest to `c` under xterm's default values, ties to the lower index.
    public static func nearestANSI8(_ c: RGB) -> Int { nearest(c, among: 8) }

    /// The ANSI colour for text `foreground` on `background` (indices into the first `count`):
    /// the foreground itself, or black or white, whichever stands out more, when both would show
    /// as the same colour (gray's middle on 8 colours: the number would vanish).
    public static func readableText(_ foreground: Int, on background: Int, among count: Int) -> Int {
        guard foreground == background else { return foreground }
        let white = count >= 16 ? 15 : 7
        let bg = ansi16[min(max(background, 0), 15)]
        return distance(bg, ansi16[0]) >= distance(bg, ansi16[white]) ? 0 : white
    }

    private static func nearest(_ c: RGB, among count: Int) -> Int {
        var best = 0, bestDist = Int.max
        for i in 0..<count {
            let d = distance(c, ansi16[i])
            if d < bestDist { best = i; bestDist = d }
        }
        return best
    }

    // Nearest of 0,95,135,…,255; the first gap is 95 wide, the rest 40, and ties go down.
    private static func cubeLevel(_ v: Int) -> Int {
        v < 48 ? 0 : min(1 + (v - 76) / 40, 5)
    }

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        square(Int(a.r) - Int(b.r)) + square(Int(a.g) - Int(b.g)) + square(Int(a.b) - Int(b.b))
    }

    private static func square(_ x: Int) -> Int { x * x }
}

/// Shade glyphs for drawing a cell's LUT index without colour.
public enum ShadeRamp {
    private static let unicodeGlyphs: [Character] = [" ", "░", "▒", "▓", "█"]
    private static let asciiGlyphs: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The glyph for LUT index `i` (0…255, clamped), splitting the range into equal bands.
    public static func glyph(forIndex i: Int, unicode: Bool) -> Character {
        let glyphs = unicode ? unicodeGlyphs : asciiGlyphs
        return glyphs[min(max(i, 0), 255) * glyphs.count / 256]
    }
}
