#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Conv2dForward` on feature maps that share planes, returning maps that share planes: each
/// distinct input plane is convolved once and each distinct output plane computed once.
///
/// Output channel o is Σ over its input channels c of w[o, c] ⊛ x_c. When channels c₁, c₂ hold
/// the same plane x, their kernels add up: w[o, c₁] ⊛ x + w[o, c₂] ⊛ x = (w[o, c₁] + w[o, c₂]) ⊛ x.
/// So the layer shrinks to one over the distinct input planes with summed kernels, and output
/// channels whose summed kernels and bias agree are one plane. The sums are kept only when
/// float32 holds them exactly (integer weights always, in the course notes' range), so the
/// result is the one the whole layer gives; otherwise the whole layer runs and only its output
/// planes are shared.
public enum SharedPlaneConvolution {
    /// Convolves `input` with `weights` [C_out, C_in/groups, kH, kW] and `bias` (nil for none).
    /// Throws the spec's `Conv2dError`, or `ComputationCancelled` when `isCancelled` says so.
    public static func run(
        input: FeatureMaps, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec,
        threads: Int = ProcessorCount.online, workspace: Conv2dWorkspace? = nil,
        isCancelled: () -> Bool = { false }
    ) throws -> FeatureMaps {
        precondition(weights.shape == spec.kernelShape)
        let s = weights.shape
        let kernels = FeatureMaps(Tensor4(shape: [1, s[0] * s[1], s[2], s[3]], storage: weights.storage))
        return try run(input: input, kernels: kernels, bias: bias, spec: spec, threads: threads, workspace: workspace,
                       isCancelled: isCancelled)
    }

    /// Convolves `input` with `kernels`: the weights [C_out, C_in/groups, kH, kW] as slices
    /// [1, C_out · C_in/groups, kH, kW], each distinct slice stored once (all ones: one slice).
    public static func run(
        input: FeatureMaps, kernels: FeatureMaps, bias: [Float]?, spec: Conv2dSpec,
        threads: Int = ProcessorCount.online, workspace: Conv2dWorkspace? = nil,
        isCancelled: () -> Bool = { false }
    ) throws -> FeatureMaps {
        if let error = spec.validate() { throw error }
        precondition(input.shape == spec.inputShape)
        precondition(kernels.shape == [1, spec.kernelShape[0] * spec.kernelShape[1], spec.kernelShape[2], spec.kernelShape[3]])
        let layer = EffectiveLayer(input: input, kernels: kernels, bias: bias, spec: spec)
        let output = try Conv2dForward.run(input: layer.input, weights: layer.weights, bias: layer.bias, spec: layer.spec,
                                           threads: threads, workspace: workspace, isCancelled: isCancelled)
        guard let planeOfOutput = layer.planeOfOutput else { return FeatureMaps(output) }
        var shape = output.shape
        shape[1] = spec.parameters.outChannels
        return FeatureMaps(shape: shape, planeOfChannel: planeOfOutput, storage: output.storage)
    }
}

/// The layer `SharedPlaneConvolution` actually convolves: the reduced one over distinct planes when
/// that is smaller and exact, else the whole layer.
struct EffectiveLayer {
    let input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec
    /// For each output channel of the layer, the effective layer's output channel holding its
    /// values; nil when the effective layer is the layer itself.
    let planeOfOutput: [Int]?

    init(input: FeatureMaps, kernels: FeatureMaps, bias: [Float]?, spec: Conv2dSpec) {
        if let reduced = ReducedLayer(input: input, kernels: kernels, bias: bias, spec: spec) {
            self.input = Tensor4(shape: [1, input.distinctPlaneCount, input.shape[2], input.shape[3]], storage: input.storage)
            (weights, self.bias, self.spec, planeOfOutput) = (reduced.weights, reduced.bias, reduced.spec, reduced.planeOfOutput)
        } else {
            self.input = input.tensor
            (weights, self.bias, self.spec, planeOfOutput) = (Tensor4(shape: spec.kernelShape, storage: kernels.tensor.storage), bias, spec, nil)
        }
    }

    /// The effective layer's output channel holding output channel o's values.
    func channel(holding o: Int) -> Int { planeOfOutput?[o] ?? o }

    /// True when `Conv2dForward` takes the general path for it (not the window sums).
    var takesGeneralPath: Bool { !Conv2dForward.takesWindowSumPath(weights: weights, bias: bias, spec: spec) }

    /// Multiply-adds of its general path: output elements × taps.
    var multiplyAdds: Int {
        let h = spec.heightAxis, w = spec.widthAxis
        let taps = spec.inChannelsPerGroup * h.kernel * w.kernel
        return spec.parameters.outChannels.multipliedReportingOverflow(by: h.outputSize * w.outputSize).partialValue
            .multipliedReportingOverflow(by: taps).partialValue
    }
}

/// The layer over distinct input planes with summed kernels, one output per distinct
/// (summed kernel, bias); nil when that is not smaller than the layer or not exact in float32.
struct ReducedLayer {
    let spec: Conv2dSpec
    let weights: Tensor4
    let bias: [Float]?
    /// For each output channel of the layer, the reduced layer's output holding its values.
    let planeOfOutput: [Int]

    init?(input: FeatureMaps, kernels: FeatureMaps, bias: [Float]?, spec: Conv2dSpec) {
        let p = spec.parameters
        let planes = input.distinctPlaneCount
        let taps = p.kernelSizeH * p.kernelSizeW
        let perGroup = spec.inChannelsPerGroup
        // Every input plane and every kernel slice distinct: no two channels share a sum and no
        // two outputs share a row, so nothing shrinks (and random 64→64 k32 skips 40 ms of sums).
        guard planes > 0, planes < p.inChannels || kernels.distinctPlaneCount < kernels.shape[1] else { return nil }
        var rows: [[Float]] = []
        var rowBias: [Float] = []
        var rowsOfHash: [Int: [Int]] = [:]
        var planeOfOutput = [Int](repeating: 0, count: p.outChannels)
        var sums = [Double](repeating: 0, count: planes * taps)
        for o in 0..<p.outChannels {
            guard let row = Self.summedKernel(o, input: input, kernels: kernels, spec: spec, sums: &sums) else { return nil }
            var hasher = Hasher()
            row.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(bias?[o].bitPattern)
            let hash = hasher.finalize()
            let same = rowsOfHash[hash]?.first { r in
                (bias == nil || rowBias[r].bitPattern == bias![o].bitPattern) && rows[r].withUnsafeBytes { a in row.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
            }
            if let same { planeOfOutput[o] = same; continue }
            planeOfOutput[o] = rows.count
            rowsOfHash[hash, default: []].append(rows.count)
            rows.append(row)
            rowBias.append(bias?[o] ?? 0)
        }
        // Worth it only when it does fewer multiply-adds than the layer (and differs from it).
        guard rows.count * planes <= p.outChannels * perGroup,
              rows.count < p.outChannels || planes < p.inChannels else { return nil }
        var reduced = p
        reduced.inChannels = planes
        reduced.outChannels = rows.count
        self.spec = Conv2dSpec(reduced, padding: spec.padding, paddingMode: spec.paddingMode, groups: 1,
                               bias: nil)
        weights = Tensor4(shape: [rows.count, planes, p.kernelSizeH, p.kernelSizeW], storage: rows.flatMap { $0 })
        self.bias = bias == nil ? nil : rowBias
        self.planeOfOutput = planeOfOutput
    }

    /// Output channel o's kernels summed over the channels sharing each input plane, [planes, kH, kW];
    /// nil when a sum is not exact in float32. `sums` is scratch of planes · kH · kW values.
    /// Equal slices on one plane are added as count · slice (exact wherever the sum is).
    static func summedKernel(_ o: Int, input: FeatureMaps, kernels: FeatureMaps, spec: Conv2dSpec,
                             sums: inout [Double]) -> [Float]? {
        let taps = spec.parameters.kernelSizeH * spec.parameters.kernelSizeW
        let perGroup = spec.inChannelsPerGroup
        var uses: [Int: (plane: Int, slice: Int, count: Int)] = [:]
        for (j, c) in spec.inputChannels(ofOutput: o).enumerated() {
            let plane = input.planeOfChannel[c], slice = kernels.planeOfChannel[o * perGroup + j]
            uses[plane * kernels.distinctPlaneCount + slice, default: (plane, slice, 0)].count += 1
        }
        return sums.withUnsafeMutableBufferPointer { sums -> [Float]? in
            sums.update(repeating: 0)
            kernels.storage.withUnsafeBufferPointer { w in
                for use in uses.values.sorted(by: { ($0.plane, $0.slice) < ($1.plane, $1.slice) }) {
                    let target = sums.baseAddress! + use.plane * taps
                    let source = w.baseAddress! + use.slice * taps
                    let count = Double(use.count)
                    for t in 0..<taps { target[t] += count * Double(source[t]) }
                }
            }
            var exact = true
            let row = [Float](unsafeUninitializedCapacity: sums.count) { out, initialized in
                for i in 0..<sums.count {
                    out[i] = Float(sums[i])
                    exact = exact && Double(out[i]) == sums[i]
                }
                initialized = sums.count
            }
            // An inexact sum would change the result: keep the whole layer.
            return exact ? row : nil
        }
    }
}
