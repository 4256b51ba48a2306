/// A causal 1-D convolution as WaveNet and TCN build it: `F.pad(x, (d·(k − 1), 0))` on the left,
/// then an unpadded Conv1d with dilation d, so output t reads inputs t − d·(k − 1) … t and never later.
public struct CausalConv1d: Equatable, Sendable {
    public let channels: Int, kernelSize: Int, dilation: Int

    /// A causal layer of `channels` → `channels`.
    public init(channels: Int, kernelSize: Int, dilation: Int) {
        self.channels = channels; self.kernelSize = kernelSize; self.dilation = dilation
    }

    /// The left padding, d·(k − 1).
    public var leftPadding: Int { dilation * (kernelSize - 1) }

    /// The input positions output `t` reads (padding positions, below 0, read zeros).
    public func taps(of t: Int) -> [Int] { (0..<kernelSize).map { t - leftPadding + $0 * dilation } }

    /// The layer's output for a [1, C, L] input and a [C, C, k] weight: the same length L.
    public func run(input: TensorN, weight: TensorN) -> TensorN {
        let length = input.shape[2]
        let axis = PaddedAxis(size: length, kernel: kernelSize, stride: 1, dilation: dilation,
                              padding: AxisPadding(before: leftPadding, after: 0), mode: .zeros)
        return FamilyForward.convolve(input: input, weight: weight, bias: nil, axes: [axis], groups: 1,
                                      output: [1, channels, length])
    }
}

/// A stack of causal layers: what each output can see.
public struct CausalStack: Equatable, Sendable {
    public let layers: [CausalConv1d]

    /// The stack of `layers`, first applied first.
    public init(_ layers: [CausalConv1d]) { self.layers = layers }

    /// WaveNet's stack: kernel 2, dilations 1, 2, 4, … (2^(depth−1)).
    public static func wavenet(channels: Int, depth: Int, kernelSize: Int = 2) -> CausalStack {
        CausalStack((0..<depth).map { CausalConv1d(channels: channels, kernelSize: kernelSize, dilation: 1 << $0) })
    }

    /// Receptive field after each layer: r = 1 + Σ d·(k − 1), doubling with WaveNet's dilations.
    public var receptiveFields: [Int] {
        var r = 1
        return layers.map { r += $0.dilation * ($0.kernelSize - 1); return r }
    }

    /// The input positions (≥ 0) that output `t` of the last layer depends on, traced back tap by tap:
    /// the WaveNet figure's lit cells, at most `t` and never beyond.
    public func inputsRead(by t: Int) -> Set<Int> {
        var positions: Set<Int> = [t]
        for layer in layers.reversed() {
            positions = Set(positions.flatMap { layer.taps(of: $0) }.filter { $0 >= 0 })
        }
        return positions
    }

    /// The tap positions of every layer on the way back from output t: row l holds layer l's
    /// input positions read (row 0 the input, the last row the output cell itself).
    public func tree(from t: Int) -> [Set<Int>] {
        var rows: [Set<Int>] = [[t]]
        for layer in layers.reversed() {
            rows.insert(Set(rows[0].flatMap { layer.taps(of: $0) }.filter { $0 >= 0 }), at: 0)
        }
        return rows
    }

    /// Runs the stack; `weights[l]` is layer l's [C, C, k] weight.
    public func run(input: TensorN, weights: [TensorN]) -> [TensorN] {
        var current = input
        return zip(layers, weights).map { layer, weight in
            current = layer.run(input: current, weight: weight)
            return current
        }
    }
}
