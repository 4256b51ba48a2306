import ConvCore

/// The widest value of each section, used to size number cells, and the width of each
/// section's scale text ("scale 0–162"), which the header keeps whole.
public struct ValueWidths: Equatable, Sendable {
    public var input: Int, output: Int
    public var inputScale: Int, outputScale: Int
    /// The weights' widest value and scale text; nil until measured (`measuringKernel`).
    public var kernel: Int?, kernelScale = 0
    public init(input: Int, output: Int, inputScale: Int = 0, outputScale: Int = 0) {
        self.input = input; self.output = output
        self.inputScale = inputScale; self.outputScale = outputScale
    }

    /// These widths with the kernel's measured from its slices [1, pairs, kH, kW].
    public func measuringKernel(_ kernels: FeatureMaps) -> ValueWidths {
        withKernelScale(KernelSectionView.measuredScale(kernels))
    }

    /// These widths with a kernel whose weights span `scale`.
    func withKernelScale(_ scale: MapScale) -> ValueWidths {
        var w = self
        w.kernel = max(NumberText.cell(scale.vmin).count, NumberText.cell(scale.vmax).count)
        w.kernelScale = KernelSectionText.scale(scale, .en, .unicodeSet).count
        return w
    }

    /// Widths from bounds alone (before the output is computed): the ramp's top value and
    /// that value times the number of taps, which bounds any output of an all-ones kernel.
    public static func estimate(_ p: Conv2dSettings) -> ValueWidths {
        let top = max(0, p.wIn - 1)
        let bound = top * p.inChannels * p.kernelSizeH * p.kernelSizeW
        let scale = "scale 0-".count
        return ValueWidths(input: String(top).count, output: String(bound).count,
                           inputScale: scale + NumberText.cell(p.inputScaleMax ?? 1).count,
                           outputScale: scale + String(bound).count)
    }
}
