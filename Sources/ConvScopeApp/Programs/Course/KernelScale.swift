import ConvCore

/// The colour scale of the layer's weights, measured by `update` once per kernel and shape and
/// kept in the state: every frame laid out while the maps compute reads it instead of building
/// the weights again (64×64×32×32 random ones take 30–45 ms to build).
struct KeptKernelScale: Equatable, Sendable {
    /// The weights measured: their kernel, shape and scale.
    struct Measurement: Sendable {
        let kernel: LayerKernel, shape: [Int], scale: MapScale
    }
    var measured: Measurement?

    /// The kept scale when it is the scale of `p`'s weights.
    func scale(of p: Conv2dSettings) -> MapScale? {
        guard let measured, measured.kernel == p.kernel, measured.shape == p.kernelShape else { return nil }
        return measured.scale
    }

    /// A measurement of the parameters, not part of what the state is: two states with the same
    /// parameters are the same whether or not one has measured its weights yet.
    static func == (_: KeptKernelScale, _: KeptKernelScale) -> Bool { true }
}

extension AppState {
    /// The scale of this state's weights: the one `update` kept, else measured now (a state no
    /// `update` has touched, as `render` draws it once).
    var kernelScale: MapScale {
        keptKernelScale.scale(of: parameters) ?? KernelSectionView.measuredScale(parameters.makeKernelMaps())
    }

    /// After a change: measures the weights when their section is wanted and their scale is not
    /// kept yet (a kernel that is never drawn is never built).
    mutating func keepKernelScale() {
        guard wantsKernelSection, parameters.validate() == nil, keptKernelScale.scale(of: parameters) == nil else { return }
        keptKernelScale.measured = .init(kernel: parameters.kernel, shape: parameters.kernelShape, scale: kernelScale)
    }
}
