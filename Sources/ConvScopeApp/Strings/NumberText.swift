import ConvCore
/// The one number formatter of the screen and the exports (no Foundation): heatmap cells,
/// the cost panel's ratios and the stack table's grouped counts.
public enum NumberText {
    /// A heatmap cell or inspector value: integers without decimals, else one decimal (seaborn's
    /// annotation); from 10^15 on, and for inf and nan, Python's short spelling (`1e+19`).
    public static func cell(_ v: Float) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return pythonSpelling(v) }
        if v == v.rounded() { return String(Int64(v)) }
        return decimals(Double(v), places: 1)
    }

    /// How Python prints a float too large for digits (`1e+19`, `inf`, `-inf`, `nan`); huge sums of
    /// a file's values reach this, and no conversion to an integer may trap on them.
    static func pythonSpelling<F: BinaryFloatingPoint & LosslessStringConvertible>(_ v: F) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return "\(v)"
    }

    /// A ratio: whole values as plain digits, others with two decimals; not a number is "n/a".
    public static func ratio(_ v: Double, _ lang: Language) -> String {
        guard v.isFinite else { return lang.pick("n/a", "н/д") }
        // Past 1e13 the hundredths would not fit an Int; the decimals mean nothing there anyway.
        if v == v.rounded() || abs(v) >= 1e13 { return abs(v) < 9e18 ? String(Int(v.rounded())) : pythonSpelling(v) }
        return decimals(v, places: 2)
    }

    /// 1,234,567 as torchinfo writes its totals; in Russian 1 234 567 (no-break spaces), since
    /// a Russian reader takes a comma for the decimal point.
    /// A count that saturated (past Int) reads "over 9,223,372,036,854,775,807", never as exact.
    public static func grouped(_ n: Int, _ lang: Language) -> String {
        let digits = String(n.magnitude)
        let separator: Character = lang == .ru ? "\u{00A0}" : ","
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(c)
        }
        return (n == .max ? lang.pick("over ", "более ") : "") + (n < 0 ? "-" : "") + out
    }

    /// `v` rounded to `places` decimals (half away from zero), always writing them all.
    static func decimals(_ v: Double, places: Int) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return pythonSpelling(v) }
        var unit = 1.0
        for _ in 0..<places { unit *= 10 }
        let scaled = (v * unit).rounded()
        let whole = Int64(scaled / unit), fraction = Int64(abs(scaled).truncatingRemainder(dividingBy: unit))
        let digits = String(fraction)
        return (v < 0 && whole == 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: places - digits.count) + digits
    }
}
