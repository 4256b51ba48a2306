import Foundation

/// WCAG 2 contrast between colours: what the light theme's text and cell outlines are held to.
public enum Contrast {
    /// Relative luminance of an sRGB colour (WCAG 2.x definition).
    public static func luminance(_ c: RGB) -> Double {
        func linear(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
    }

    /// (lighter + 0.05) / (darker + 0.05): 1 for equal colours, 21 for black on white.
    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// `a` drawn with `alpha` opacity over `b`, as a viewer composites dim text.
    public static func blend(_ a: RGB, over b: RGB, alpha: Double) -> RGB {
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) * alpha + Double(y) * (1 - alpha)).rounded()) }
        return RGB(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b))
    }
}
