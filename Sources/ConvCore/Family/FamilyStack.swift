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

    /// Each layer's input and output shape (no value computed), up to and including the first error.
    public static func shapes(input shape: [Int], layers: [FamilyLayer], causal: Bool)
        -> [(input: [Int], output: Result<[Int], FamilyError>)]
    {
        var results: [(input: [Int], output: Result<[Int], FamilyError>)] = []
        var current = shape
        for layer in layers {
            do throws(FamilyError) {
                var seen = current
                if causal, case let .conv(conv) = layer, conv.dims == 1 {
                    try causalCheck(conv)
                    seen[2] += conv.dilation[0] * (conv.kernelSize[0] - 1)
                }
                let output = try layer.outputShape(input: seen)
                results.append((current, .success(output)))
                current = output
            } catch {
                results.append((current, .failure(error)))
                break
            }
        }
        return results
    }

    /// The work computing a layer's values takes: multiplications, or window reads for a pool.
    public static func work(_ layer: FamilyLayer, input: [Int], output: [Int]) -> Int {
        if case let .pool(pool) = layer { return .saturatingProduct(of: output + pool.kernels) }
        return layer.multiplications(input: input, output: output)
    }

    static func causalCheck(_ conv: ConvNdLayer) throws(FamilyError) {
        guard conv.padding == .explicit([0]) || conv.padding == .valid else {
            throw FamilyError(pythonType: "convscope", message: "causal padding is added on the left before \(conv.name); "
                              + "write the layer with padding=0")
        }
    }

    static func step(_ layer: FamilyLayer, _ input: TensorN, causal: Bool) throws(FamilyError) -> TensorN {
        // PyTorch's verdict first: a refused layer's weights are never built (they may be huge).
        var seen = input.shape
        if causal, case let .conv(conv) = layer, conv.dims == 1 { seen[2] += conv.dilation[0] * (conv.kernelSize[0] - 1) }
        _ = try layer.outputShape(input: seen)
        let weight = layer.weightShape.map { TensorN(shape: $0, repeating: 1) }
        guard causal, case let .conv(conv) = layer, conv.dims == 1 else {
            return try FamilyForward.run(layer, input: input, weight: weight, bias: nil)
        }
        try causalCheck(conv)
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

    /// The positions of the input and of every layer's output that `cell` (spatial indices) of
    /// the last layer's output depends on, traced back tap by tap (row 0 the input, the last row
    /// the cell itself); padding taps map to the cell their value comes from, zeros are dropped.
    /// With `causal`, no position of a sequence is ever later than the cell.
    public static func positionsRead(layers: [FamilyLayer], inputShape: [Int], outputs: [TensorN], cell: [Int],
                                     causal: Bool) -> [Set<[Int]>] {
        var rows: [Set<[Int]>] = [[cell]]
        for index in layers.indices.reversed() {
            let spatial = index == 0 ? Array(inputShape.dropFirst(2)) : outputs[index - 1].spatialShape
            var read: Set<[Int]> = []
            for position in rows[0] {
                let perAxis = position.indices.map { axisReads(layers[index], axis: $0, output: position[$0],
                                                               inputSize: spatial[$0], causal: causal) }
                for combination in Odometer.all(perAxis.map(\.count)) {
                    read.insert(combination.indices.map { perAxis[$0][combination[$0]] })
                }
            }
            rows.insert(read, at: 0)
        }
        return rows
    }

    /// The input indices output `o` of a layer reads along axis `a` (padding taps mapped to their
    /// source cell, zero padding dropped).
    static func axisReads(_ layer: FamilyLayer, axis a: Int, output o: Int, inputSize: Int, causal: Bool) -> [Int] {
        switch layer {
        case let .conv(conv):
            if causal {
                let before = conv.dilation[a] * (conv.kernelSize[a] - 1)
                return (0..<conv.kernelSize[a]).map { o * conv.stride[a] - before + $0 * conv.dilation[a] }.filter { $0 >= 0 }
            }
            let axis = conv.axes(spatial: [Int](repeating: inputSize, count: conv.dims))[a]
            return (0..<axis.kernel).compactMap { axis.source(of: axis.index(output: o, tap: $0)) }
        case let .pool(pool):
            return (0..<pool.kernels[a]).map { o * pool.strides[a] - pool.paddings[a] + $0 * pool.dilations[a] }
                .filter { $0 >= 0 && $0 < inputSize }
        case let .convTranspose(t):
            // Input i writes output i·s − p + k·d: the inputs that land on o.
            return (0..<t.kernelSize[a]).compactMap { k in
                let shifted = o + t.padding[a] - k * t.dilation[a]
                return shifted >= 0 && shifted % t.stride[a] == 0 && shifted / t.stride[a] < inputSize ? shifted / t.stride[a] : nil
            }
        }
    }
}
