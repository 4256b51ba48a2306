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
    /// The weights [C_out, C_in, kH, kW] as slices [1, C_out · C_in, kH, kW], each distinct slice
    /// stored once (all ones: one slice, not 64·64·32·32 values).
    public let kernels: FeatureMaps
    /// The output maps, or PyTorch's error for these parameters.
    public let output: Result<FeatureMaps, ConvError>

    /// Builds the input and kernel and runs the convolution; throws only on cancellation.
    /// `workspace` keeps the general path's buffers between calls.
    public init(_ layer: ConvLayer, workspace: Conv2dWorkspace? = nil, isCancelled: () -> Bool = { false }) throws {
        self.layer = layer
        let p = layer.parameters
        input = layer.inputPattern.makeMaps(p)
        kernels = layer.kernelPattern.makeKernels(p)
        if let error = p.validate() {
            output = .failure(error)
            return
        }
        do {
            output = .success(try SharedPlaneConvolution.run(
                input: input, kernels: kernels, bias: nil, spec: Conv2dSpec(p), workspace: workspace,
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
    /// Weight (o, c, ky, kx).
    public func weight(_ o: Int, _ c: Int, _ ky: Int, _ kx: Int) -> Float {
        kernels[0, o * parameters.inChannels + c, ky, kx]
    }
    /// The weight tensor with every slice written out (tests; the screen reads `weight`).
    public var weights: Tensor4 { Tensor4(shape: parameters.kernelShape, storage: kernels.tensor.storage) }
    public var inputPattern: InputPattern { layer.inputPattern }
    public var kernelPattern: KernelPattern { layer.kernelPattern }
}
