import ConvCore

/// A finished experiment with the per-map colour scales the heatmaps need, computed once.
public struct ComputedMaps: Sendable {
    public let experiment: ConvExperiment
    /// vmax of each input map: the ramp's length, as the notebook's `vmax = h_in` meant.
    public let inputScaleMax: Float
    /// vmax of each output map: that map's own maximum (seaborn's default with vmax=None).
    public let outputScaleMax: [Float]
    public private(set) var widths: ValueWidths

    /// Summarises an experiment for drawing. Scales and widths come from one pass over each
    /// distinct map (channels sharing a map share its scan).
    public init(_ experiment: ConvExperiment) {
        self.experiment = experiment
        let p = experiment.parameters
        inputScaleMax = experiment.inputPattern.colorScaleMax(p)
        let inputWidth = Self.valueWidth(experiment.input.planeRanges())
        if case .success(let output) = experiment.output {
            let ranges = output.planeRanges()
            outputScaleMax = output.planeOfChannel.map { ranges[$0].max }
            widths = ValueWidths(input: inputWidth, output: Self.valueWidth(ranges))
        } else {
            outputScaleMax = []
            widths = ValueWidths(input: inputWidth, output: 1)
        }
        widths.inputScale = Self.scaleText(.input, maps: self, parameters: p, glyphs: .unicodeSet).count
        widths.outputScale = Self.scaleText(.output, maps: self, parameters: p, glyphs: .unicodeSet).count
    }

    /// Characters of the widest value among maps with these ranges (the smallest and the largest).
    static func valueWidth(_ ranges: [(min: Float, max: Float)]) -> Int {
        let lo = ranges.map(\.min).min() ?? 0, hi = ranges.map(\.max).max() ?? 0
        return max(NumberText.cell(hi).count, NumberText.cell(lo).count)
    }

    public var parameters: ConvParameters { experiment.parameters }

    /// What a section's header says about its colour scale: "scale 0–8", "scale 0–max of each
    /// map" when the output maps differ, nothing for an output still being computed.
    public static func scaleText(_ section: MapSection, maps: ComputedMaps?, parameters p: ConvParameters,
                                 glyphs g: Glyphs, language l: Language = .en) -> String {
        switch section {
        case .input:
            let scaleMax = maps?.inputScaleMax ?? InputPattern.ramp.colorScaleMax(p)
            return ScreenText.scale(l, g, NumberText.cell(scaleMax))
        case .output:
            let scales = maps?.outputScaleMax ?? []
            guard let first = scales.first else { return "" }
            return ScreenText.scale(l, g, scales.allSatisfy({ $0 == first }) ? NumberText.cell(first) : ScreenText.eachMapsMax(l))
        }
    }
}
