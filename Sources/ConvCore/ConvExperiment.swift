/// One layer on screen, computed: the input, the kernel, and the output or PyTorch's refusal.
/// Input, kernels and output keep each distinct map once (`FeatureMaps`).
public struct ConvExperiment: Sendable {
    public let parameters: Conv2dSettings
    public let input: FeatureMaps
    /// The weights [C_out, C_in/groups, kH, kW] as slices [1, C_out · C_in/groups, kH, kW], each
    /// distinct slice stored once (all ones: one slice, not 64·64·32·32 values).
    public let kernels: FeatureMaps
    /// The output maps, or PyTorch's error for this layer.
    public let output: Result<FeatureMaps, Conv2dError>

    /// Nil for a whole output; for a preview, the region its output holds (zeros elsewhere).
    public let coverage: OutputRegion?
    /// For a sampled first frame of a whole map, the side of the squares each drawn from one
    /// cell's value (`SampledGrid`); nil for exact values and block means.
    public private(set) var sampledPitch: Int? = nil

    /// Builds the input and kernel and runs `nn.Conv2d`'s forward pass; throws only on cancellation.
    /// `workspace` keeps the general path's buffers between calls.
    public init(_ settings: Conv2dSettings, workspace: Conv2dWorkspace? = nil,
                isCancelled: () -> Bool = { false }) throws {
        try self.init(settings, input: settings.makeInputMaps(), kernels: settings.makeKernelMaps(),
                      workspace: workspace, isCancelled: isCancelled)
    }

    /// The same with the layer's input and kernels already built (`makeInputMaps`, `makeKernelMaps`).
    public init(_ settings: Conv2dSettings, input: FeatureMaps, kernels: FeatureMaps,
                workspace: Conv2dWorkspace? = nil, isCancelled: () -> Bool = { false }) throws {
        parameters = settings
        self.input = input
        self.kernels = kernels
        coverage = nil
        let spec = settings.spec
        if let error = spec.validate() {
            output = .failure(error)
            return
        }
        do {
            output = .success(try SharedPlaneConvolution.run(
                input: input, kernels: kernels, bias: spec.biasVector, spec: spec, workspace: workspace,
                isCancelled: isCancelled))
        } catch let error as Conv2dError {
            output = .failure(error)
        }
    }

    /// A preview of a layer PyTorch accepts: its input and kernels, and of its output only `region`
    /// (`OutputPreview`). Throws `ComputationCancelled` when cancelled, `Conv2dError` for a refused layer.
    public init(previewOf settings: Conv2dSettings, region: OutputRegion, input: FeatureMaps, kernels: FeatureMaps,
                isCancelled: () -> Bool = { false }) throws {
        parameters = settings
        self.input = input
        self.kernels = kernels
        coverage = region
        let spec = settings.spec
        output = .success(try OutputPreview.run(input: input, kernels: kernels, bias: spec.biasVector, spec: spec,
                                                region: region, isCancelled: isCancelled))
    }

    /// A sampled first frame of a whole-map `region` (`OutputPreview.run(sampledOn:)` over `grid`).
    public init(sampledPreviewOf settings: Conv2dSettings, region: OutputRegion, grid: SampledGrid, input: FeatureMaps,
                kernels: FeatureMaps, isCancelled: () -> Bool = { false }) throws {
        parameters = settings
        self.input = input
        self.kernels = kernels
        coverage = region
        sampledPitch = grid.pitch
        let spec = settings.spec
        output = .success(try OutputPreview.run(input: input, kernels: kernels, bias: spec.biasVector, spec: spec,
                                                region: region, sampledOn: grid, isCancelled: isCancelled))
    }

    /// The notebook's experiment (ramp, all ones) for twelve slider values.
    public init(_ geometry: ConvParameters, isCancelled: () -> Bool = { false }) throws {
        try self.init(Conv2dSettings(geometry), isCancelled: isCancelled)
    }

    /// The layer this experiment computed.
    public var layer: Conv2dSettings { parameters }
    /// Weight (o, c, ky, kx), c counted within output o's group.
    public func weight(_ o: Int, _ c: Int, _ ky: Int, _ kx: Int) -> Float {
        kernels[0, o * parameters.kernelShape[1] + c, ky, kx]
    }
    /// The weight tensor with every slice written out (tests, export; the screen reads `weight`).
    public var weights: Tensor4 { Tensor4(shape: parameters.kernelShape, storage: kernels.tensor.storage) }
}
