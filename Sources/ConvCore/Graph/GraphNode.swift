/// One node of a model: a layer, a module call, a function or a join.
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
    /// Its 1-based line in the pasted traced print; 0 for a node of a chain.
    public let line: Int
}

/// An integer argument: a literal, or a node that computed one from a shape.
public enum GraphInt: Equatable, Sendable {
    case literal(Int)
    case node(String)
}

/// One entry of a Python index: `i`, `slice(a, b, c)`, `None`, `...`.
public enum GraphIndex: Equatable, Sendable {
    case at(GraphInt)
    case range(start: GraphInt?, stop: GraphInt?, step: GraphInt?)
    case newAxis
    case ellipsis
}

/// nn.Upsample / F.interpolate: to `size`, or by `scale` (per spatial axis), nearest or bilinear.
public struct GraphResize: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable { case nearest, bilinear }
    public let size: [Int]?
    public let scale: [Double]?
    public let mode: Mode
    public let alignCorners: Bool
}

/// What a node computes, for its shape, parameters, multiplications and receptive field.
public enum GraphOperation: Equatable, Sendable {
    /// A layer convscope draws in a stack (Conv2d, pools, BatchNorm2d, activations…).
    case layer(StackLayer)
    /// A 1-D or 3-D layer (Conv1d, ConvTranspose1d, Conv3d, their pools) on a sequence or volume.
    case family(FamilyLayer)
    /// nn.Linear over the last dimension.
    case linear(inFeatures: Int, outFeatures: Int, bias: Bool)
    /// torch.flatten / nn.Flatten from `start` to `end` (negative counts from the end).
    case flatten(start: Int, end: Int)
    /// nn.AdaptiveAvgPool2d / AdaptiveMaxPool2d to (height, width); nil keeps that size.
    case adaptivePool(max: Bool, height: Int?, width: Int?)
    /// A function applied cell by cell (ReLU6, SiLU, Hardswish, Dropout in eval…): the shape and field stay.
    case elementwise(GraphFunction)
    /// `x * 0.5`, `1 - x`: a tensor and a number (`numberFirst` when the number is the left operand).
    case scalar(String, Double, numberFirst: Bool)
    /// `x.size()` / `x.shape` (every size), `x.size(d)` (one).
    case size(dim: Int?)
    /// `size[i]`, `chunk[i]`: one item of a node's sizes or tensors (a range of sizes keeps a list).
    case item(GraphIndex)
    /// `a - b`, `a // 2` on integers a shape gave.
    case integer(String, GraphInt, GraphInt)
    /// `x.view(…)`, `x.reshape(…)`, `-1` inferred.
    case view([GraphInt])
    /// `torch.transpose(x, a, b)`, `x.transpose(a, b)`.
    case transpose(Int, Int)
    /// `x.permute(…)`.
    case permute([Int])
    /// `x.chunk(n, dim)`: a tuple of tensors, read by `item`.
    case chunk(Int, dim: Int)
    /// `x[(slice(…), …)]`: basic indexing (slices, integers, None, Ellipsis).
    case index([GraphIndex])
    /// nn.Upsample / F.interpolate.
    case resize(GraphResize)
    /// A parameter read from the module tree (get_attr), of the shape its module's print gives;
    /// nil when the print does not say (ConvNeXt's layer_scale): then a broadcast number.
    case parameter(shape: [Int]?)
    /// nn.LayerNorm / F.layer_norm over the last dimensions `normalized`, with `eps`.
    case layerNorm(normalized: [Int], eps: Double, affine: Bool)
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
        case let .family(layer): layer.parameterCount
        case let .linear(i, o, bias): Int.saturatingSum(Int.saturatingProduct(i, o), bias ? o : 0)
        case let .layerNorm(shape, _, affine): affine ? Int.saturatingProduct(2, Int.saturatingProduct(of: shape)) : 0
        case let .parameter(shape?): Int.saturatingProduct(of: shape)
        default: 0
        }
    }
}
