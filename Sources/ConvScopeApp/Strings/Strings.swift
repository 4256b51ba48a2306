import ConvCore

/// One language's table of the screen's sentences. A second language is a second value of this
/// type; PyTorch's own messages stay verbatim English in every language.
public struct Strings: Sendable {
    public let plural: PluralRule
    /// A notice in words; `g` gives the separator dot and dashes.
    public let notice: @Sendable (Notice, Glyphs) -> String
    /// The zoom levels' names in the status line.
    public let zoomName: @Sendable (Zoom) -> String

    /// The language the screen speaks (English until a second table exists).
    public static let current = english

    public static let english = Strings(
        plural: .english,
        notice: { notice, g in
            switch notice {
            case .restored: "restored last session \(g.dot) --fresh for defaults"
            case .outOfRange(let name, let value, let range):
                "\(name) \(value) is out of range: allowed \(range.lowerBound)…\(range.upperBound)"
            case .theme(let theme, true): "\(theme.rawValue) theme"
            case .theme(let theme, false): "\(theme.rawValue) theme: shown in exports; this terminal has no colours"
            case .linked(true): "h/w pairs linked: changing one changes both"
            case .linked(false): "h/w pairs unlinked"
            case .zoom(let zoom, let automatic):
                automatic ? "zoom auto (\(englishZoomName(zoom)))" : "zoom \(englishZoomName(zoom))"
            case .reset: "reset to the notebook's defaults"
            case .nothingToClose: "nothing to close \(g.dot) q quits"
            case .nothingToAnimate: "nothing to animate: PyTorch refuses these parameters"
            case .paddedView(true): "padded view: zero padding and never-read cells shown"
            case .paddedView(false): "padded view off"
            case .fileReport(let text): text
            case let .fixedByFile(name, file): Conv2dText.fixedByFile(name, file: file, .en)
            case let .depthwise(groups, outChannels): Conv2dText.depthwise(groups: groups, outChannels: outChannels, .en)
            case .notebookInput: Conv2dText.notebookNote(.en)
            case .mouse(let on): SettingsText.mouseNotice(on, .en)
            case .colormap(let name, let shown): SettingsText.colormapNotice(name, shownInTerminal: shown, .en)
            }
        },
        zoomName: englishZoomName)

    private static func englishZoomName(_ zoom: Zoom) -> String {
        switch zoom {
        case .whole: "whole map"
        case .numbers: "numbers"
        case .large: "large"
        }
    }
}
