/// A layer kind described in one place: its row in `LayerKind.all` builds it from a layer string,
/// and the stack's shape, field, forward and print ask it, so a new kind is that row and this
/// protocol's maths, with no switch to extend.
public protocol StackModule: Hashable, Sendable {
    /// The module's class name, as print(model) writes it.
    var name: String { get }
    /// What `print(model)` prints for the module.
    var pytorchRepr: String { get }
    /// The output shape for a [1, C, H, W] input, or the error PyTorch raises running the module.
    func outputShape(input shape: [Int]) throws(StackLayerError) -> [Int]
    /// For each output position along `axis`, the input positions its value reads.
    func sources(axis: PaddingSpec.Axis, input: Int, output: Int) -> [[Int]]
    /// The module's values for `input`, whose output shape the trace has found to be `shape`.
    func forward(_ input: Tensor4, output shape: [Int]) -> Tensor4
    /// Output cell (y, x) of one channel from that channel's input cells (`read(row, column)`),
    /// rounded to float32 as PyTorch's output is: a question on one cell computes only it.
    func cellValue(y: Int, x: Int, input: [Int], output: [Int], read: (Int, Int) -> Float) -> Float
    /// How the output size along `axis` follows from `input`, in numbers: `⌊5 × 2.0⌋ = 10`.
    func sizeRule(axis: PaddingSpec.Axis, input: Int, output: Int) -> String
}

/// A table kind's layer inside `StackLayer`: compared and hashed by the kind's own values.
public struct ModuleLayer: Hashable, Sendable {
    /// The layer.
    public let module: any StackModule

    /// Wraps `module`.
    public init(_ module: any StackModule) { self.module = module }

    public static func == (a: ModuleLayer, b: ModuleLayer) -> Bool { AnyHashable(a.module) == AnyHashable(b.module) }
    public func hash(into hasher: inout Hasher) { AnyHashable(module).hash(into: &hasher) }
}

extension StackLayer {
    /// The table kind's layer, nil for the kinds written as cases of their own.
    public var module: (any StackModule)? { if case let .module(m) = self { m.module } else { nil } }

    /// This layer's reach given its input's and the sizes it ran with: a table kind's sources
    /// depend on the sizes (a resampling's taps), every other kind's reach does not.
    func reach(after input: Reach, inputShape: [Int], outputShape: [Int]) -> Reach {
        guard let module else { return reach(after: input) }
        return input.map { r, a in
            let (i, o) = a == .height ? (inputShape[2], outputShape[2]) : (inputShape[3], outputShape[3])
            return r.through(sources: module.sources(axis: a, input: i, output: o), input: i)
        }
    }
}
