/// The notebook's experiment for one parameter set: the input, the kernel, and the output or
/// PyTorch's refusal.
public struct ConvExperiment: Sendable {
    public let parameters: ConvParameters
    public let inputPattern: InputPattern
    public let kernelPattern: KernelPattern
    public let input: Tensor4
    public let weights: Tensor4
    /// The output tensor, or PyTorch's error for these parameters.
    public let output: Result<Tensor4, ConvError>

    /// Builds the input and kernel and runs the convolution; throws only on cancellation.
    public init(
        _ parameters: ConvParameters, input inputPattern: InputPattern = .ramp,
        kernel kernelPattern: KernelPattern = .ones, isCancelled: () -> Bool = { false }
    ) throws {
        self.parameters = parameters
        self.inputPattern = inputPattern
        self.kernelPattern = kernelPattern
        input = inputPattern.makeInput(parameters)
        weights = kernelPattern.makeWeights(parameters)
        do {
            output = .success(try Convolution.conv2d(
                input: input, weights: weights, parameters: parameters, isCancelled: isCancelled))
        } catch let error as ConvError {
            output = .failure(error)
        }
    }
}
