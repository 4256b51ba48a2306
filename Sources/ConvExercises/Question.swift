import ConvCore

/// The kinds of question, by the word a file's `ask` uses.
public enum QuestionKind: String, CaseIterable, Sendable {
    case shape, size, value, padding, stride, kernel
    case outputPadding = "output_padding"
    case receptiveField = "rf"
    case parameters = "params"
    case multiplications = "mults"
    case denseParameters = "dense_params"
    case denseMultiplications = "dense_mults"
    case valid

    /// How a student types the answer, for the message about an answer that cannot be read.
    public var answerFormat: String {
        switch self {
        case .shape: "a shape such as 1x8x16x16, 1×8×16×16 or [1, 8, 16, 16]"
        case .size: "H×W such as 16x16, or one number when both are equal"
        case .value: "a number such as 36 or 4.5"
        case .padding: "a padding such as 1, (1, 2) or same"
        case .stride, .kernel, .outputPadding, .receptiveField: "a number, or H×W such as 2x1"
        case .parameters, .multiplications, .denseParameters, .denseMultiplications: "a whole number such as 224"
        case .valid: "yes, or no followed by the reason"
        }
    }

    /// The hint shown after a wrong answer when the exercise has none of its own.
    public var defaultHint: String {
        switch self {
        case .shape, .size:
            "Each axis: H_out = ⌊(H_in + 2·padding − dilation·(kernel−1) − 1) / stride⌋ + 1; channels = out_channels."
        case .value: "Add up the inputs under the kernel window (all-ones weights): padding adds zeros."
        case .padding: "Solve the size formula for the padding: 'same' needs 2·p = dilation·(kernel−1) at stride 1."
        case .stride, .kernel: "Try values in the size formula until it gives the target."
        case .outputPadding: "Compute (H_in − 1)·stride − 2·padding + dilation·(kernel−1) + 1; output_padding adds the rest."
        case .receptiveField: "r grows by (kernel−1)·dilation·j at each layer; j multiplies by the stride."
        case .parameters: "Weights C_out·(C_in/groups)·kH·kW, plus C_out biases."
        case .multiplications: "One multiplication per weight per output position: (C_in/groups)·kH·kW·C_out·H_out·W_out."
        case .denseParameters, .denseMultiplications:
            "A dense layer connects every input value to every output value: C_in·H_in·W_in · K (plus K biases)."
        case .valid: "Does the kernel fit the padded input, do the channels match, are the arguments allowed?"
        }
    }

    /// The words the file's `ask` accepts, for messages.
    public static var allowedWords: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// What an exercise asks, with the details its kind needs.
public enum Question: Equatable, Sendable {
    /// The output shape [1, C, H, W] of layer `layer`.
    case shape(layer: Int)
    /// H_out × W_out of layer `layer`.
    case size(layer: Int)
    /// output[0, channel, y, x] of layer `layer`.
    case value(layer: Int, channel: Int, y: Int, x: Int)
    /// The padding of the (single) Conv2d that gives `target`: its input size ('same') or half of it.
    case padding(goal: SizeGoal)
    /// The stride of the (single) layer that gives `target`.
    case stride(target: SpatialPair)
    /// The kernel size of the (single) layer that gives `target`.
    case kernel(target: SpatialPair)
    /// The output_padding of ConvTranspose2d `layer` that meets `target`, or the skip of the Cat after it.
    case outputPadding(layer: Int, target: SpatialPair?)
    /// The receptive field of one cell of layer `layer`.
    case receptiveField(layer: Int)
    /// Learnable parameters of layer `layer`, or of the whole model when nil.
    case parameters(layer: Int?)
    /// Weight multiplications of layer `layer`, or of the whole model when nil.
    case multiplications(layer: Int?)
    /// Parameters of the course notes' dense layer with as many outputs as the (single) conv layer.
    case denseParameters
    /// Multiplications of that dense layer.
    case denseMultiplications
    /// Whether PyTorch accepts the layers on this input.
    case valid

    /// The kind, as `ask` spells it.
    public var kind: QuestionKind {
        switch self {
        case .shape: .shape
        case .size: .size
        case .value: .value
        case .padding: .padding
        case .stride: .stride
        case .kernel: .kernel
        case .outputPadding: .outputPadding
        case .receptiveField: .receptiveField
        case .parameters: .parameters
        case .multiplications: .multiplications
        case .denseParameters: .denseParameters
        case .denseMultiplications: .denseMultiplications
        case .valid: .valid
        }
    }
}

/// What a padding question aims at.
public enum SizeGoal: String, CaseIterable, Sendable {
    /// Output size = input size.
    case same
    /// Output size = input size / 2.
    case half
}
