/// A stack of 1-D or 3-D layers run on one input with the course notebook's weights (all ones,
/// zero bias), stopping at the first layer PyTorch refuses. With `causal`, each Conv1d first
/// pads its input on the left by d·(k − 1) (F.pad, as WaveNet/TCN) and pads nothing itself.
public struct FamilyStackRun: Sendable {
    /// Each layer's output, up to and including the first error.
    public let outputs: [Result<TensorN, FamilyError>]

    /// Runs `layers` on `input`.
    public init(input: TensorN, layers: [FamilyLayer], causal: Bool) {
        var results: [Result<TensorN, FamilyError>] = []
        var current = input
        for layer in layers {
            do throws(FamilyError) {
                current = try Self.step(layer, current, causal: causal)
                results.append(.success(current))
            } catch {
                results.append(.failure(error))
                break
            }
        }
        outputs = results
    }

    static func step(_ layer: FamilyLayer, _ input: TensorN, causal: Bool) throws(FamilyError) -> TensorN {
        let weight = layer.weightShape.map { TensorN(shape: $0, repeating: 1) }
        guard causal, case let .conv(conv) = layer, conv.dims == 1 else {
            return try FamilyForward.run(layer, input: input, weight: weight, bias: nil)
        }
        guard conv.padding == .explicit([0]) || conv.padding == .valid else {
            throw FamilyError(pythonType: "convscope", message: "causal padding is added on the left before \(conv.name); "
                              + "write the layer with padding=0")
        }
        return try FamilyForward.run(layer, input: leftPadded(input, by: conv.dilation[0] * (conv.kernelSize[0] - 1)),
                                     weight: weight, bias: nil)
    }

    /// `F.pad(x, (amount, 0))` of a [1, C, L] sequence.
    static func leftPadded(_ input: TensorN, by amount: Int) -> TensorN {
        let length = input.shape[2]
        var storage: [Float] = []
        for c in 0..<input.channels { storage += [Float](repeating: 0, count: amount) + input.plane(c) }
        return TensorN(shape: [1, input.channels, length + amount], storage: storage)
    }

    /// For a 1-D stack: the positions of the input and of every layer's output that output `t`
    /// of the last layer depends on, traced back tap by tap (row 0 the input). With `causal`,
    /// no position is ever later than `t`.
    public static func positionsRead(layers: [FamilyLayer], by t: Int, causal: Bool) -> [Set<Int>] {
        var rows: [Set<Int>] = [[t]]
        for layer in layers.reversed() {
            let read = rows[0].flatMap { taps(of: layer, output: $0, causal: causal) }.filter { $0 >= 0 }
            rows.insert(Set(read), at: 0)
        }
        return rows
    }

    /// The input positions output `o` of a 1-D layer reads (padding positions included, negative).
    static func taps(of layer: FamilyLayer, output o: Int, causal: Bool) -> [Int] {
        switch layer {
        case let .conv(conv):
            let before = causal ? conv.dilation[0] * (conv.kernelSize[0] - 1) : conv.appliedPadding(0).before
            return (0..<conv.kernelSize[0]).map { o * conv.stride[0] - before + $0 * conv.dilation[0] }
        case let .pool(pool):
            return (0..<pool.kernels[0]).map { o * pool.strides[0] - pool.paddings[0] + $0 * pool.dilations[0] }
        case let .convTranspose(t):
            // Input i writes output i·s − p + k·d: the inputs that land on o.
            return (0..<t.kernelSize[0]).compactMap { k in
                let shifted = o + t.padding[0] - k * t.dilation[0]
                return shifted >= 0 && shifted % t.stride[0] == 0 ? shifted / t.stride[0] : nil
            }
        }
    }
}
