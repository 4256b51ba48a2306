import CConvKernels

extension Conv2dSettings {
    /// The output channels a preview of `region` computes: those of the general path's channel
    /// blocks holding the channels it shows (`PackedLayout.places(of:)`), one run of channels.
    public func previewOutputChannels(for region: OutputRegion) -> Range<Int> {
        let layout = PackedLayout(spec)
        let shown = region.channels.clamped(to: 0..<spec.parameters.outChannels)
        let channels = layout.blocks(holding: shown).map { layout.channels(of: $0) }
        guard let first = channels.first, let last = channels.last else { return 0..<0 }
        return first.lowerBound..<last.upperBound
    }

    /// The kernels a preview of `region` reads, made in part: of random kernels, only the slices
    /// of the output channels it computes (`previewOutputChannels`) are drawn, the rest 0 and
    /// never written (64→64 k32 shows 3 channels of a block of 8: an eighth of 4·10⁶ values).
    /// Drawn values are the whole tensor's, each slice its own plane with its range known, as
    /// the whole random kernels' slices are. Nil for other kernels or inputs (a shared input
    /// plane sums kernels across channels): `makeKernelMaps` then.
    public func makePreviewKernelMaps(for region: OutputRegion) -> FeatureMaps? {
        guard case .preset(.random(let start)) = kernel, case .generated(.random) = input, spec.validate() == nil
        else { return nil }
        let s = kernelShape, computed = previewOutputChannels(for: region)
        guard computed.count < s[0] else { return nil }
        let sliceSize = s[2] * s[3], perOutput = s[1] * sliceSize, count = s[0] * perOutput
        let first = computed.lowerBound * perOutput, end = computed.upperBound * perOutput
        var ranges = [(min: Float, max: Float)](repeating: (0, 0), count: s[0] * s[1])
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            convscope_zero_floats(base, Int64(first))
            IndexedRandom.fill(base + first, start: start, first: first, count: end - first, in: KernelPreset.randomValues)
            convscope_zero_floats(base + end, Int64(count - end))
            for slice in (first / max(1, sliceSize))..<(end / max(1, sliceSize)) where sliceSize > 0 {
                var lo: Float = 0, hi: Float = 0
                convscope_min_max(base + slice * sliceSize, Int64(sliceSize), &lo, &hi)
                ranges[slice] = (lo, hi)
            }
            initialized = count
        }
        var maps = FeatureMaps(everyChannelOf: Tensor4(shape: [1, s[0] * s[1], s[2], s[3]], storage: values))
        maps.knownPlaneRanges = KnownPlaneRanges(ranges: ranges)
        return maps
    }
}
