/// A layer for the screen to compute: its geometry and how its input and kernels are filled.
public struct ConvLayer: Hashable, Sendable {
    public var parameters: ConvParameters
    public var inputPattern: InputPattern
    public var kernelPattern: KernelPattern

    /// The course notes' layer by default: the ramp input and all-ones kernels.
    public init(_ parameters: ConvParameters, input: InputPattern = .ramp, kernel: KernelPattern = .ones) {
        self.parameters = parameters
        inputPattern = input
        kernelPattern = kernel
    }
}

/// The notebook's experiment for one parameter set: the input, the kernel, and the output or
/// PyTorch's refusal. Input and output keep each distinct map once (`FeatureMaps`).
public struct ConvExperiment: Sendable {
    public let layer: ConvLayer
    public let input: FeatureMaps
    public let weights: Tensor4
    /// The output maps, or PyTorch's error for these parameters.
    public let output: Result<FeatureMaps, ConvError>

    /// Builds the input and kernel and runs the convolution; throws only on cancellation.
    /// `workspace` keeps the general path's buffers between calls.
    public init(_ layer: ConvLayer, workspace: Conv2dWorkspace? = nil, isCancelled: () -> Bool = { false }) throws {
        self.layer = layer
        let p = layer.parameters
        input = layer.inputPattern.makeMaps(p)
        weights = layer.kernelPattern.makeWeights(p)
        if let error = p.validate() {
            output = .failure(error)
            return
        }
        do {
            output = .success(try SharedPlaneConvolution.run(
                input: input, weights: weights, bias: nil, spec: Conv2dSpec(p), workspace: workspace,
                isCancelled: isCancelled))
        } catch Conv2dError.kernelLargerThanPaddedInput(let error) {
            output = .failure(error)
        }
    }

    /// The experiment of `parameters` with the given input and kernel patterns.
    public init(
        _ parameters: ConvParameters, input inputPattern: InputPattern = .ramp,
        kernel kernelPattern: KernelPattern = .ones, isCancelled: () -> Bool = { false }
    ) throws {
        try self.init(ConvLayer(parameters, input: inputPattern, kernel: kernelPattern), isCancelled: isCancelled)
    }

    public var parameters: ConvParameters { layer.parameters }
    public var inputPattern: InputPattern { layer.inputPattern }
    public var kernelPattern: KernelPattern { layer.kernelPattern }
}
