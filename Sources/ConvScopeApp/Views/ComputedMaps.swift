import ConvCore

/// A finished experiment with the per-map colour scales the heatmaps need, computed once.
public struct ComputedMaps: Sendable {
    public let experiment: ConvExperiment
    /// vmax of each input map: the ramp's length, as the notebook's `vmax = h_in` meant.
    public let inputScaleMax: Float
    /// vmax of each output map: that map's own maximum (seaborn's default with vmax=None).
    public let outputScaleMax: [Float]
    public let widths: ValueWidths

    /// Summarises an experiment for drawing.
    public init(_ experiment: ConvExperiment) {
        self.experiment = experiment
        let p = experiment.parameters
        inputScaleMax = experiment.inputPattern.colorScaleMax(p)
        let inputMax = experiment.input.storage.max() ?? 0
        let inputMin = experiment.input.storage.min() ?? 0
        let inputWidth = max(formatValue(inputMax).count, formatValue(inputMin).count)
        if case .success(let output) = experiment.output {
            outputScaleMax = (0..<output.shape[1]).map { output.planeMax(0, $0) }
            let hi = output.storage.max() ?? 0, lo = output.storage.min() ?? 0
            widths = ValueWidths(input: inputWidth, output: max(formatValue(hi).count, formatValue(lo).count))
        } else {
            outputScaleMax = []
            widths = ValueWidths(input: inputWidth, output: 1)
        }
    }

    public var parameters: ConvParameters { experiment.parameters }
}
