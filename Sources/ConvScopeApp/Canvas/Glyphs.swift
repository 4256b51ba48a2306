import ConvCore
/// How many colours the output can show; decides how heatmaps are painted.
public enum ColorDepth: String, Sendable, CaseIterable, Codable {
    /// No colour at all (NO_COLOR, --no-color, or a terminal without colours): shade glyphs.
    case none
    /// 8 or 16 ANSI colours: a coarse ramp.
    case ansi16
    /// The xterm 256-colour palette: nearest entry.
    case palette256
    /// Exact RGB (exporters, or terminals that can redefine colours).
    case trueColor

    /// True when cells may carry colours.
    public var hasColor: Bool { self != .none }
}

/// The characters a view draws with: Unicode where the locale allows, ASCII otherwise.
public struct Glyphs: Sendable, Equatable {
    public let unicode: Bool
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    public let sliderFill, sliderKnob, sliderTrack, pointer, upperHalf, link: Character
    public let ellipsis, times, dot, minus, dash, floorOpen, floorClose, sigma: String
    /// The multiplication sign inside formulas: · in Unicode, * in ASCII (where dot is a separator).
    public var product: String { unicode ? "·" : "*" }
    public let arrowUp, arrowDown, arrowLeft, arrowRight: String

    /// Box drawing, half blocks and typographic signs.
    public static let unicodeSet = Glyphs(
        unicode: true, horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
        bottomRight: "╯", sliderFill: "━", sliderKnob: "●", sliderTrack: "─", pointer: "▸", upperHalf: "▀",
        link: "⇄", ellipsis: "…", times: "×", dot: "·", minus: "−", dash: "–", floorOpen: "⌊", floorClose: "⌋",
        sigma: "Σ", arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→")

    /// Plain 7-bit ASCII for terminals without UTF-8.
    public static let asciiSet = Glyphs(
        unicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", sliderFill: "=", sliderKnob: "o", sliderTrack: "-", pointer: ">", upperHalf: "#",
        link: "=", ellipsis: "...", times: "x", dot: "|", minus: "-", dash: "-", floorOpen: "floor(",
        floorClose: ")", sigma: "sum", arrowUp: "Up", arrowDown: "Dn", arrowLeft: "Lt", arrowRight: "Rt")

    /// The set for a UTF-8 (true) or ASCII (false) output.
    public static func forUnicode(_ unicode: Bool) -> Glyphs { unicode ? unicodeSet : asciiSet }
}

/// What the output device can show: fixed for a session, passed to every view.
public struct RenderEnvironment: Sendable, Equatable {
    public var colorDepth: ColorDepth
    public var glyphs: Glyphs
    public var colormap: ColormapName
    /// The language of every sentence drawn (the screen, help, exports).
    public var language: Language

    /// An environment; exporters use `.trueColor` with Unicode.
    public init(colorDepth: ColorDepth = .trueColor, unicode: Bool = true, colormap: ColormapName = .rocket,
                language: Language) {
        self.colorDepth = colorDepth
        glyphs = .forUnicode(unicode)
        self.colormap = colormap
        self.language = language
    }
}
