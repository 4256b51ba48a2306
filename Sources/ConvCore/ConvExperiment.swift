/// One layer on screen, computed: the input, the kernel, and the output or PyTorch's refusal.
public struct ConvExperiment: Sendable {
    public let parameters: Conv2dSettings
    public let input: Tensor4
    public let weights: Tensor4
    /// The output tensor, or PyTorch's error for this layer.
    public let output: Result<Tensor4, Conv2dError>

    /// Builds the input and kernel and runs `nn.Conv2d`'s forward pass; throws only on cancellation.
    public init(_ settings: Conv2dSettings, isCancelled: () -> Bool = { false }) throws {
        parameters = settings
        input = settings.makeInput()
        weights = settings.makeWeights()
        do {
            output = .success(try Conv2dForward.run(
                input: input, weights: weights, spec: settings.spec, isCancelled: isCancelled))
        } catch let error as Conv2dError {
            output = .failure(error)
        }
    }

    /// The notebook's experiment (ramp, all ones) for twelve slider values.
    public init(_ geometry: ConvParameters, isCancelled: () -> Bool = { false }) throws {
        try self.init(Conv2dSettings(geometry), isCancelled: isCancelled)
    }
}
