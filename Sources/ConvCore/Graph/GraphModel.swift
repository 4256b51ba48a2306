/// A model read from `print(torch.fx.symbolic_trace(model))`: the nodes of its forward in the
/// order they run, each reading the nodes it names (additions and concatenations included).
public struct GraphModel: Equatable, Sendable {
    /// The forward's argument: the model's input (`x`).
    public var inputName: String
    /// Every node, in execution order.
    public var nodes: [GraphNode]
    /// The node the forward returns.
    public var outputName: String

    /// The channels the first layer reading the input expects (the model's input channels by default).
    public var firstChannels: Int? {
        for node in nodes where node.inputs.contains(inputName) {
            if case let .layer(layer) = node.operation, let channels = Model.expectedChannels([layer]) { return channels }
        }
        return nil
    }
}

/// One node of the forward: a module call, a function or a join.
public struct GraphNode: Equatable, Sendable {
    /// fx's name in the forward code (`layer1_0_conv1`, `add_1`).
    public let name: String
    /// The module's qualified name (`layer1.0.conv1`), or the function (`add`, `cat`, `flatten`).
    public let target: String
    /// The module's class (`Conv2d`) or the function.
    public let op: String
    /// The module's repr for a module call.
    public let module: String?
    /// The nodes it reads, in argument order (the model's input by its argument name).
    public let inputs: [String]
    /// What it computes.
    public let operation: GraphOperation
    /// Its 1-based line in the pasted text.
    public let line: Int
}

/// What a node computes, for its shape, parameters, multiplications and receptive field.
public enum GraphOperation: Equatable, Sendable {
    /// A layer convscope draws in a stack (Conv2d, pools, BatchNorm2d, activations…).
    case layer(StackLayer)
    /// nn.Linear over the last dimension.
    case linear(inFeatures: Int, outFeatures: Int, bias: Bool)
    /// torch.flatten / nn.Flatten from `start` to `end` (negative counts from the end).
    case flatten(start: Int, end: Int)
    /// nn.AdaptiveAvgPool2d / AdaptiveMaxPool2d to (height, width); nil keeps that size.
    case adaptivePool(max: Bool, height: Int?, width: Int?)
    /// A function applied cell by cell (ReLU6, SiLU, Hardswish, Dropout in eval…): the shape and field stay.
    case elementwise
    /// `+ - * /` between two tensors, broadcast as PyTorch does.
    case broadcast(String)
    /// torch.cat along `dim`.
    case cat(dim: Int)
    /// Tensor.mean over `dims`.
    case mean(dims: [Int], keepdim: Bool)

    /// Learnable parameters, as torchinfo counts them.
    public var parameterCount: Int {
        switch self {
        case let .layer(layer): layer.parameterCount
        case let .linear(i, o, bias): Int.saturatingSum(Int.saturatingProduct(i, o), bias ? o : 0)
        default: 0
        }
    }
}
