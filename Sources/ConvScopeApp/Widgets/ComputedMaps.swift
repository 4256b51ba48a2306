import ConvCore

/// The colour scale of a map: `0…vmax` with the notebook's colormap, or `−r…r` centred on 0
/// with the diverging one when the values are signed (seaborn's `center=0`).
public struct MapScale: Equatable, Sendable {
    public let vmin: Float, vmax: Float

    /// A scale from the data's range: signed data gets the symmetric range around 0.
    public init(minimum: Float, maximum: Float) {
        if minimum < 0 {
            let r = max(maximum, -minimum)
            (vmin, vmax) = (-r, r)
        } else {
            (vmin, vmax) = (0, maximum)
        }
    }

    /// True when the scale is centred on 0.
    public var isSigned: Bool { vmin < 0 }

    /// "0–8" or "−4…4".
    func text(_ g: Glyphs) -> String {
        isSigned ? "\(g.minus)\(NumberText.cell(vmax))\(g.ellipsis)\(NumberText.cell(vmax))" : "0\(g.dash)\(NumberText.cell(vmax))"
    }
}

/// A finished experiment with the per-map colour scales the heatmaps need, computed once.
public struct ComputedMaps: Sendable {
    public let experiment: ConvExperiment
    /// The input maps' scale: the ramp's length, as the notebook's `vmax = h_in` meant, or the
    /// values' range for other inputs.
    public let inputScale: MapScale
    /// Each output map's scale: that map's own maximum (seaborn's default with vmax=None), or
    /// one range centred on 0 for every map when any output is negative.
    public let outputScales: [MapScale]
    /// The kernel's scale: 0…max, or centred on 0 for signed weights.
    public let kernelScale: MapScale
    public private(set) var widths: ValueWidths

    /// Summarises an experiment for drawing. Scales and widths come from one pass over each
    /// distinct map (channels sharing a map share its scan).
    public init(_ experiment: ConvExperiment) {
        self.experiment = experiment
        let p = experiment.parameters
        let inputRanges = experiment.input.planeRanges()
        let inputMin = inputRanges.map(\.min).min() ?? 0, inputMax = inputRanges.map(\.max).max() ?? 0
        inputScale = MapScale(minimum: inputMin, maximum: p.inputScaleMax ?? inputMax)
        let kernelRanges = experiment.kernels.planeRanges()
        kernelScale = MapScale(minimum: kernelRanges.map(\.min).min() ?? 0, maximum: kernelRanges.map(\.max).max() ?? 0)
        let inputWidth = Self.valueWidth(inputRanges)
        if case .success(let output) = experiment.output {
            let ranges = output.planeRanges()
            let hi = ranges.map(\.max).max() ?? 0, lo = ranges.map(\.min).min() ?? 0
            outputScales = lo < 0
                ? Array(repeating: MapScale(minimum: lo, maximum: hi), count: output.shape[1])
                : output.planeOfChannel.map { MapScale(minimum: 0, maximum: ranges[$0].max) }
            widths = ValueWidths(input: inputWidth, output: Self.valueWidth(ranges))
        } else {
            outputScales = []
            widths = ValueWidths(input: inputWidth, output: 1)
        }
        // The maps do not know the language they will be shown in: room for the longest wording.
        func widest(_ section: MapSection) -> Int {
            Language.allCases.map { Self.scaleText(section, maps: self, parameters: p, glyphs: .unicodeSet, language: $0).count }.max() ?? 0
        }
        widths.inputScale = widest(.input)
        widths.outputScale = widest(.output)
        // The weights are already built and measured: a frame drawn with these maps never builds them again.
        widths = widths.withKernelScale(kernelScale)
    }

    /// Characters of the widest value among maps with these ranges (the smallest and the largest).
    static func valueWidth(_ ranges: [(min: Float, max: Float)]) -> Int {
        let lo = ranges.map(\.min).min() ?? 0, hi = ranges.map(\.max).max() ?? 0
        return max(NumberText.cell(hi).count, NumberText.cell(lo).count)
    }

    public var parameters: Conv2dSettings { experiment.parameters }
    /// Nil for finished maps; for a preview, the region of the output it holds.
    public var coverage: OutputRegion? { experiment.coverage }

    /// What a section's header says about its colour scale: "scale 0–8", "scale −4…4", "scale
    /// 0–max of each map" when the output maps differ, nothing for an output still being computed.
    public static func scaleText(_ section: MapSection, maps: ComputedMaps?, parameters p: Conv2dSettings,
                                 glyphs g: Glyphs, language l: Language) -> String {
        switch section {
        case .input:
            let scale = maps?.inputScale ?? MapScale(minimum: 0, maximum: p.inputScaleMax ?? 1)
            return ScreenText.scaleWord(l) + " " + scale.text(g)
        case .kernel:
            return maps.map { KernelSectionText.scale($0.kernelScale, l, g) } ?? ""
        case .output:
            let scales = maps?.outputScales ?? []
            guard let first = scales.first else { return "" }
            return scales.allSatisfy({ $0 == first })
                ? ScreenText.scaleWord(l) + " " + first.text(g) : ScreenText.scale(l, g, ScreenText.eachMapsMax(l))
        }
    }
}
