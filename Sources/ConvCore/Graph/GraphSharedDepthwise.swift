/// A depthwise Conv2d (`groups` = in_channels, ConvNeXt's 7×7) with the course notebook's all-ones
/// weights and zero bias, on maps kept as distinct planes: each distinct input plane convolved once.
///
/// Why its values equal the whole layer's bit for bit: a grouped layer never takes the window-sum
/// path (that is for one group only), so the whole layer takes the direct path, which sums each
/// output channel in float32 over its own group's taps, one kernel call per block of a group's
/// output channels, the same calls whatever the number of groups. The layer over the distinct
/// planes keeps one group per plane and the same channels per group, so each of its channels is
/// summed by the same calls in the same order. It must not be turned into one group (the reduced
/// layer `SharedPlaneConvolution` builds: slices of ones and zeros), which takes the window-sum
/// path, Double sums rounded once: a different float32 for most non-integer maps. Where the whole
/// layer would take the FFT path (each channel transformed paired with its neighbour, so its
/// float64 rounding depends on the neighbour) this gives nil and the whole tensors are convolved.
enum GraphSharedDepthwise {
    static func run(_ l: Conv2dLayer, _ x: FeatureMaps, shape: [Int]) -> FeatureMaps? {
        let channels = x.shape[1]
        guard l.groups > 1, l.groups == l.inChannels, l.inChannels == channels, l.outChannels % l.groups == 0,
              shape.count == 4, shape[1] == l.outChannels else { return nil }
        let whole = l.spec(inputHeight: x.shape[2], inputWidth: x.shape[3])
        guard whole.validate() == nil, !takesFFT(whole) else { return nil }
        let planes = x.distinctPlaneCount, perGroup = l.outChannels / l.groups
        var layer = l
        layer.inChannels = planes
        layer.outChannels = planes * perGroup
        layer.groups = planes
        let spec = layer.spec(inputHeight: x.shape[2], inputWidth: x.shape[3])
        let weights = Tensor4(shape: spec.kernelShape, repeating: 1)
        guard let out = try? GeneralConvolution.run(input: x.distinctPlanes, weights: weights, bias: nil, spec: spec,
                                                    threads: ProcessorCount.online, workspace: Conv2dWorkspace(),
                                                    isCancelled: { false }),
              out.shape == [1, planes * perGroup, shape[2], shape[3]] else { return nil }
        // Output channel o belongs to group o / perGroup, whose input channel holds one plane.
        let planeOfChannel = (0..<l.outChannels).map { x.planeOfChannel[$0 / perGroup] * perGroup + $0 % perGroup }
        return FeatureMaps(shape: shape, planeOfChannel: planeOfChannel, storage: out.storage)
    }

    /// True when `Conv2dForward` sends the whole layer to the FFT path (as it decides it: allowed,
    /// a plan cheaper than the direct path; the rounding rule is not asked, so this may say true
    /// for a layer the FFT then refuses, which only costs the whole-tensor forward).
    static func takesFFT(_ spec: Conv2dSpec) -> Bool {
        GeneralPathChoice.fftAllowed.load(ordering: .relaxed) && FFTPlan.best(for: spec) != nil
    }
}
