/// The colormaps the app can draw with; `rocket` is what the notebook's `sns.heatmap` uses.
public enum ColormapName: String, CaseIterable, Sendable, Codable {
    case rocket, mako, viridis, magma, inferno, gray, greys, cividis
    /// Diverging blue–white–red for signed values centred on 0 (kernels, edge filters); drawn for
    /// signed maps, not one of the `choices`.
    case vlag

    /// The palettes `--cmap`, the settings file and the C key offer, in the key's cycle order:
    /// the notebook's rocket, then matplotlib's perceptually uniform maps (cividis reads the same
    /// with colour-vision deficiency), then plain gray for projectors and print.
    public static let choices: [ColormapName] = [.rocket, .viridis, .cividis, .magma, .gray]

    /// The next palette in the C key's cycle (a palette outside it goes back to rocket).
    public var next: ColormapName {
        guard let i = Self.choices.firstIndex(of: self) else { return .rocket }
        return Self.choices[(i + 1) % Self.choices.count]
    }
}

/// A 256-entry lookup table plus seaborn's rule for the annotation text colour on each entry.
public struct Colormap: Sendable {
    /// Which colormap this is.
    public let name: ColormapName
    /// The 256 lookup-table entries, as rounded 8-bit colours.
    public let entries: [RGB]
    // Entries whose annotation seaborn draws in dark ".15" rather than white.
    private let darkText: ClosedRange<Int>

    /// The built-in table for `n`.
    public static func named(_ n: ColormapName) -> Colormap {
        // The dark-text ranges are data from data/colormaps/README.md: seaborn decides on the
        // float tables, and re-deriving from the 8-bit entries flips viridis 182 and Greys 110.
        switch n {
        case .rocket: Colormap(name: n, entries: ColormapTables.rocket, darkText: 198...255)
        case .mako: Colormap(name: n, entries: ColormapTables.mako, darkText: 188...255)
        case .viridis: Colormap(name: n, entries: ColormapTables.viridis, darkText: 182...255)
        case .magma: Colormap(name: n, entries: ColormapTables.magma, darkText: 195...255)
        case .inferno: Colormap(name: n, entries: ColormapTables.inferno, darkText: 194...255)
        case .gray: Colormap(name: n, entries: ColormapTables.gray, darkText: 172...255)
        case .greys: Colormap(name: n, entries: ColormapTables.greys, darkText: 0...110)
        case .cividis: Colormap(name: n, entries: ColormapTables.cividis, darkText: 190...255)
        case .vlag: Colormap(name: n, entries: ColormapTables.vlag, darkText: 63...187)
        }
    }

    /// The lookup-table entry matplotlib picks for `value` under `Normalize(vmin, vmax)`.
    public func index(for value: Float, vmin: Float, vmax: Float) -> Int {
        // Float32 throughout, as matplotlib normalises float32 data; a flat map is all entry 0.
        guard vmin != vmax else { return 0 }
        let x = (value - vmin) / (vmax - vmin) * 256
        guard !x.isNaN, x >= 0 else { return 0 }
        // t == 1 lands on 256 and matplotlib folds it into the last entry, like t > 1 (no "over").
        guard x < 256 else { return 255 }
        return Int(x)
    }

    /// Entry `index`, clamped to 0…255 so out-of-range callers still get an edge colour.
    public func color(at index: Int) -> RGB {
        entries[Self.clamp(index)]
    }

    /// seaborn's annotation colour on entry `index`: `.seabornDarkText` or `.white`.
    public func textColor(at index: Int) -> RGB {
        textIsDark(at: index) ? .seabornDarkText : .white
    }

    /// Whether seaborn writes dark ".15" text on entry `index` (relative luminance > 0.408).
    public func textIsDark(at index: Int) -> Bool {
        darkText.contains(Self.clamp(index))
    }

    private static func clamp(_ i: Int) -> Int { min(max(i, 0), 255) }
}
