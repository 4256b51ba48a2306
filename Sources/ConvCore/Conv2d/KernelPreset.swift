/// The kernels convscope offers, for any kH×kW (even, non-square, 1×1) and any channel layout.
///
/// How a preset spans the (out, in) pairs of weight [C_out, C_in/g, kH, kW]:
/// - `ones` and `random` fill every pair, as the notebook's all-ones kernel does;
/// - the image filters (identity, box, sobel, laplace, gauss) sit on the diagonal: output channel
///   o applies the filter to the input channel j = o mod (C_in/g) of its group and weights 0 to
///   the others, so each output map shows one channel filtered (identity reproduces the input)
///   rather than a sum of channels that grows with C_in. docs/DECISIONS.md gives the reason.
public enum KernelPreset: Equatable, Hashable, Sendable, Codable {
    /// All ones: the notebook's `torch.ones_like(conv_layer.weight)`.
    case ones
    /// 1 at the anchor ((kH−1)/2, (kW−1)/2), 0 elsewhere: with padding='same' and an odd kernel
    /// (or dilation 1) the output equals the input.
    case identity
    /// 1/(kH·kW) everywhere: the mean over the window.
    case box
    /// A horizontal derivative: binomial smoothing down the rows times a central difference
    /// along the columns, [−1, 0, 1]·[1, 2, 1]ᵀ at 3×3 (positive where values grow to the right).
    case sobelX
    /// The vertical derivative: `sobelX` transposed (positive where values grow downwards).
    case sobelY
    /// The 5-point Laplacian at the anchor: −(number of neighbours) there, 1 on each of the up
    /// to four neighbours inside the kernel; the weights sum to 0.
    case laplace
    /// Binomial weights, row C(kH−1, i) times column C(kW−1, j) over 2^(kH+kW−2): a Gaussian
    /// blur that sums to 1 and stays dyadic, so results stay exact.
    case gauss
    /// Integers −3…3 from `SplitMixRandom(start:)`, drawn over the whole weight tensor in order.
    case random(start: UInt64)

    /// The range random kernels draw from.
    public static let randomValues = -3...3

    /// Every preset, with the default start for random.
    public static let all: [KernelPreset] =
        [.ones, .identity, .box, .sobelX, .sobelY, .laplace, .gauss, .random(start: Conv2dLimits.defaultStart)]

    /// The command-line word, e.g. `sobel-x` or `random:7`.
    public var argument: String {
        switch self {
        case .ones: "ones"
        case .identity: "identity"
        case .box: "box"
        case .sobelX: "sobel-x"
        case .sobelY: "sobel-y"
        case .laplace: "laplace"
        case .gauss: "gauss"
        case let .random(start): "random:\(start)"
        }
    }

    /// Parses a command-line word (`random` alone uses the default start); nil when it is not one.
    public init?(argument: String) {
        if let start = parseStart(argument, name: "random") { self = .random(start: start); return }
        guard let match = Self.all.first(where: { $0.argument == argument }) else { return nil }
        self = match
    }

    /// The weight tensor [C_out, C_in/g, kH, kW] for `spec`.
    public func makeWeights(_ spec: Conv2dSpec) -> Tensor4 { makeWeights(shape: spec.kernelShape) }

    /// The weight tensor of `shape` [C_out, C_in/g, kH, kW] (a stack's Conv2d has no spec).
    public func makeWeights(shape: [Int]) -> Tensor4 {
        if case let .random(start) = self {
            return Tensor4(shape: shape, storage: IndexedRandom.floats(shape.reduce(1, *), start: start, in: Self.randomValues))
        }
        let filter = self.filter(kernelH: shape[2], kernelW: shape[3])
        if self == .ones { return Self.spread(filter, shape: shape) { _, _ in true } }
        return Self.spreadOnDiagonal(filter, shape: shape)
    }

    /// `filter` on the pairs (o, j = o mod C_in/g), zeros elsewhere: the image filters' layout.
    static func spreadOnDiagonal(_ filter: [Float], shape: [Int]) -> Tensor4 {
        spread(filter, shape: shape) { o, j in j == o % shape[1] }
    }

    /// The kH×kW filter, row-major (for `ones`, the plane every pair gets).
    public func filter(kernelH kh: Int, kernelW kw: Int) -> [Float] {
        let (ay, ax) = ((kh - 1) / 2, (kw - 1) / 2)
        return (0..<kh).flatMap { y in
            (0..<kw).map { x -> Float in
                switch self {
                case .ones: return 1
                case .identity: return y == ay && x == ax ? 1 : 0
                case .box: return 1 / Float(kh * kw)
                case .sobelX: return Float(binomialRow(kh - 1)[y] * differenceRow(kw)[x])
                case .sobelY: return Float(differenceRow(kh)[y] * binomialRow(kw - 1)[x])
                case .gauss: return Float(binomialRow(kh - 1)[y] * binomialRow(kw - 1)[x]) / Float(1 << (kh + kw - 2))
                case .laplace:
                    let neighbours = [(ay - 1, ax), (ay + 1, ax), (ay, ax - 1), (ay, ax + 1)]
                        .filter { $0.0 >= 0 && $0.0 < kh && $0.1 >= 0 && $0.1 < kw }
                    if y == ay && x == ax { return -Float(neighbours.count) }
                    return neighbours.contains { $0 == (y, x) } ? 1 : 0
                case .random: return 0
                }
            }
        }
    }

    /// Places `filter` on the (o, j) pairs `onPair` picks, zeros elsewhere.
    private static func spread(_ filter: [Float], shape: [Int], onPair: (Int, Int) -> Bool) -> Tensor4 {
        var t = Tensor4(shape: shape)
        let plane = shape[2] * shape[3]
        for o in 0..<shape[0] {
            for j in 0..<shape[1] where onPair(o, j) {
                let base = (o * shape[1] + j) * plane
                t.storage.replaceSubrange(base..<base + plane, with: filter)
            }
        }
        return t
    }
}

/// Row n of Pascal's triangle: C(n, 0) … C(n, n).
func binomialRow(_ n: Int) -> [Int] {
    (0..<n).reduce([1]) { row, _ in zip(row + [0], [0] + row).map { $0 + $1 } }
}

/// A central difference of length n: binomial row n−2 convolved with [−1, 1] ([−1, 0, 1] at 3,
/// [−1, −2, 0, 2, 1] at 5, [−1, 1] at 2); all zeros at length 1, which has no neighbour.
func differenceRow(_ n: Int) -> [Int] {
    guard n >= 2 else { return [0] }
    let smooth = binomialRow(n - 2)
    return (0..<n).map { i in (i > 0 ? smooth[i - 1] : 0) - (i < n - 1 ? smooth[i] : 0) }
}
