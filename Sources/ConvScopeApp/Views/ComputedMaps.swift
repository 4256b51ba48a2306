import ConvCore

/// A finished experiment with the per-map colour scales the heatmaps need, computed once.
public struct ComputedMaps: Sendable {
    public let experiment: ConvExperiment
    /// vmax of each input map: the ramp's length, as the notebook's `vmax = h_in` meant.
    public let inputScaleMax: Float
    /// vmax of each output map: that map's own maximum (seaborn's default with vmax=None).
    public let outputScaleMax: [Float]
    public private(set) var widths: ValueWidths

    /// Summarises an experiment for drawing.
    public init(_ experiment: ConvExperiment) {
        self.experiment = experiment
        let p = experiment.parameters
        inputScaleMax = experiment.inputPattern.colorScaleMax(p)
        let inputMax = experiment.input.storage.max() ?? 0
        let inputMin = experiment.input.storage.min() ?? 0
        let inputWidth = max(NumberText.cell(inputMax).count, NumberText.cell(inputMin).count)
        if case .success(let output) = experiment.output {
            outputScaleMax = (0..<output.shape[1]).map { output.planeMax(0, $0) }
            let hi = output.storage.max() ?? 0, lo = output.storage.min() ?? 0
            widths = ValueWidths(input: inputWidth, output: max(NumberText.cell(hi).count, NumberText.cell(lo).count))
        } else {
            outputScaleMax = []
            widths = ValueWidths(input: inputWidth, output: 1)
        }
        widths.inputScale = Self.scaleText(.input, maps: self, parameters: p, glyphs: .unicodeSet).count
        widths.outputScale = Self.scaleText(.output, maps: self, parameters: p, glyphs: .unicodeSet).count
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
