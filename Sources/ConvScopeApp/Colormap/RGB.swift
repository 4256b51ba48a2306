/// An 8-bit sRGB colour, as stored in the colormap lookup tables.
public struct RGB: Equatable, Hashable, Sendable {
    public let r, g, b: UInt8

    /// A colour from its three 8-bit channels.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// The colour as "#rrggbb" in lowercase, the form SVG and HTML exports use.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for c in [r, g, b] {
            s.append(digits[Int(c >> 4)])
            s.append(digits[Int(c & 0xf)])
        }
        return s
    }

    /// Pure white: seaborn's light annotation text and cell edges.
    public static let white = RGB(255, 255, 255)
    /// seaborn's dark annotation text, grey ".15" (#262626).
    public static let seabornDarkText = RGB(38, 38, 38)
    /// Pure black.
    public static let black = RGB(0, 0, 0)
}
