import Dispatch
import Synchronization

/// Thrown when a caller's cancellation check says a computation is no longer wanted.
public struct ComputationCancelled: Error, Equatable, Sendable {
    /// The error value.
    public init() {}
}

/// `torch.nn.functional.conv2d` with zero padding and no bias, for batch size 1.
///
/// Every output value is summed exactly in Double and rounded once to float32. PyTorch sums in
/// float32 in an order of its own, so the two can differ only where a sum exceeds 2^24.
public enum Convolution {
    /// Convolves `input` (1, C_in, H, W) with `weights` (C_out, C_in, kH, kW).
    /// `isCancelled` is polled between planes so a stale computation can stop early.
    public static func conv2d(
        input: Tensor4, weights: Tensor4, parameters p: ConvParameters,
        isCancelled: () -> Bool = { false }
    ) throws -> Tensor4 {
        if let error = p.validate() { throw error }
        precondition(input.shape == p.inputShape && weights.shape == p.kernelShape)
        let plan = Plan(p)
        if weightsAreConstantPerSlice(weights) {
            return try boxSumPath(input: input, weights: weights, plan: plan, isCancelled: isCancelled)
        }
        return try directPath(input: input, weights: weights, plan: plan, isCancelled: isCancelled)
    }

    /// The sizes both paths need.
    struct Plan {
        let p: ConvParameters
        let h: PaddedAxis, w: PaddedAxis
        let outH: Int, outW: Int
        init(_ p: ConvParameters) {
            self.p = p
            h = p.paddedHeight; w = p.paddedWidth
            outH = h.outputSize; outW = w.outputSize
        }
    }

    /// True when each (o, c) kernel slice holds one repeated value (all-ones kernels, for one).
    static func weightsAreConstantPerSlice(_ weights: Tensor4) -> Bool {
        let sliceCount = weights.shape[2] * weights.shape[3]
        guard sliceCount > 0 else { return true }
        return stride(from: 0, to: weights.storage.count, by: sliceCount).allSatisfy { start in
            let first = weights.storage[start]
            return weights.storage[start..<start + sliceCount].allSatisfy { $0 == first }
        }
    }

    /// The textbook loop over output channels, input channels and kernel taps, for any weights.
    static func directPath(
        input: Tensor4, weights: Tensor4, plan: Plan, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let p = plan.p
        let (H, W, outH, outW) = (p.hIn, p.wIn, plan.outH, plan.outW)
        var output = Tensor4(shape: [1, p.outChannels, outH, outW])
        var acc = [Double](repeating: 0, count: outH * outW)
        for o in 0..<p.outChannels {
            if isCancelled() { throw ComputationCancelled() }
            for i in acc.indices { acc[i] = 0 }
            for c in 0..<p.inChannels {
                for ky in 0..<p.kernelSizeH {
                    for kx in 0..<p.kernelSizeW {
                        let wv = Double(weights[o, c, ky, kx])
                        if wv == 0 { continue }
                        for oy in 0..<outH {
                            let iy = plan.h.index(output: oy, tap: ky)
                            if iy < 0 || iy >= H { continue }
                            let rowBase = input.offset(0, c, iy, 0)
                            for ox in 0..<outW {
                                let ix = plan.w.index(output: ox, tap: kx)
                                if ix < 0 || ix >= W { continue }
                                acc[oy * outW + ox] += wv * Double(input.storage[rowBase + ix])
                            }
                        }
                    }
                }
            }
            let base = output.offset(0, o, 0, 0)
            for i in acc.indices { output.storage[base + i] = Float(acc[i]) }
        }
        return output
    }

    /// For kernels constant per (o, c) slice: each output is a weighted sum of per-channel window
    /// sums, computed with strided prefix sums. Identical input channels share one window-sum map.
    static func boxSumPath(
        input: Tensor4, weights: Tensor4, plan: Plan, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let p = plan.p
        let planeSize = p.hIn * p.wIn
        // Group identical input channels (the ramp repeats one plane C_in times).
        var groupOfChannel = [Int](repeating: 0, count: p.inChannels)
        var representative: [Int] = []
        for c in 0..<p.inChannels {
            let start = c * planeSize
            let match = representative.firstIndex { r in
                input.storage[(r * planeSize)..<(r * planeSize + planeSize)]
                    .elementsEqual(input.storage[start..<start + planeSize])
            }
            if let match { groupOfChannel[c] = match } else {
                groupOfChannel[c] = representative.count
                representative.append(c)
            }
        }
        var windowSums: [WindowSums] = []
        for c in representative {
            windowSums.append(try WindowSums(input: input, channel: c, plan: plan, isCancelled: isCancelled))
        }
        let sliceCount = p.kernelSizeH * p.kernelSizeW
        let count = plan.outH * plan.outW
        // Every element is written below: no zero-fill first.
        let storage = try [Float](unsafeUninitializedCapacity: p.outChannels * count) { out, initialized in
            var previous: (coefficients: [Double], base: Int)?
            for o in 0..<p.outChannels {
                if isCancelled() { throw ComputationCancelled() }
                var coefficients = [Double](repeating: 0, count: windowSums.count)
                for c in 0..<p.inChannels {
                    coefficients[groupOfChannel[c]] += Double(weights.storage[(o * p.inChannels + c) * sliceCount])
                }
                let base = o * count
                if let previous, previous.coefficients == coefficients {
                    (out.baseAddress! + base).initialize(from: out.baseAddress! + previous.base, count: count)
                } else {
                    combine(windowSums, coefficients, into: out.baseAddress! + base, count: count)
                    previous = (coefficients, base)
                }
                initialized = base + count
            }
        }
        for map in windowSums { SpareWindowSums.giveBack(map.prefixed) }
        return Tensor4(shape: [1, p.outChannels, plan.outH, plan.outW], storage: storage)
    }

    /// Σ_g coefficients[g] · windowSums[g] rounded once to float32, one map at a time so each
    /// inner loop streams through memory.
    static func combine(_ windowSums: [WindowSums], _ coefficients: [Double], into out: UnsafeMutablePointer<Float>, count: Int) {
        let used = coefficients.indices.filter { coefficients[$0] != 0 }
        if used.count == 1 {
            // One map (the ramp's one plane): 0 + k·s is k·s, so no running sums are needed.
            let k = coefficients[used[0]], map = windowSums[used[0]]
            // Output rows split among the cores: each row is written by one of them.
            WindowSums.inParallel(map.outputRows, parts: WindowSums.parts(forValues: count)) { rows in
                map.forEachRow(in: rows) { row, last, before in
                    let target = out + row
                    if let before {
                        for ox in 0..<last.count { target[ox] = Float(k * (last[ox] - before[ox])) }
                    } else {
                        for ox in 0..<last.count { target[ox] = Float(k * last[ox]) }
                    }
                }
            }
            return
        }
        var sum = [Double](repeating: 0, count: count)
        sum.withUnsafeMutableBufferPointer { sum in
            for (g, map) in windowSums.enumerated() where coefficients[g] != 0 {
                let k = coefficients[g]
                map.forEachRow { row, last, before in
                    let target = sum.baseAddress! + row
                    if let before {
                        for ox in 0..<last.count { target[ox] += k * (last[ox] - before[ox]) }
                    } else {
                        for ox in 0..<last.count { target[ox] += k * last[ox] }
                    }
                }
            }
            for i in 0..<count { out[i] = Float(sum[i]) }
        }
    }

    /// Input rows (and output columns) between two looks at `isCancelled`: a stale 1024² map
    /// stops within a fraction of a millisecond.
    static let rowsPerCancelCheck = 64
}

/// Σ over the dilated window of one input channel at every output position, kept as row sums
/// prefixed down the columns: each output row is the difference of two stored rows, read where
/// it is combined, so no window-sum map is ever written out (8 MB less at 1024²).
struct WindowSums {
    /// (padded height) × outW row sums, prefix-summed down each column with the dilation's stride
    /// (the array may be longer: a reused buffer).
    fileprivate let prefixed: [Double]
    private let plan: Convolution.Plan

    init(input: Tensor4, channel c: Int, plan: Convolution.Plan, isCancelled: () -> Bool) throws {
        self.plan = plan
        let p = plan.p
        let paddedW = plan.w.paddedSize, paddedH = plan.h.paddedSize
        let outW = plan.outW
        let every = Convolution.rowsPerCancelCheck
        // Row pass: for each input row, sums over kernel columns at each output column. Only the
        // padding's rows are zero-filled; the input's rows are written whole below.
        var rowSums = SpareWindowSums.take(count: paddedH * outW)
        rowSums.withUnsafeMutableBufferPointer { sums in
            let inputRows = p.paddingH * outW..<(p.paddingH + p.hIn) * outW
            sums.baseAddress!.update(repeating: 0, count: inputRows.lowerBound)
            (sums.baseAddress! + inputRows.upperBound).update(repeating: 0, count: paddedH * outW - inputRows.upperBound)
        }
        let (dw, pw, span) = (p.dilationW, p.paddingW, (p.kernelSizeW - 1) * p.dilationW)
        let parts = Self.parts(forValues: p.hIn * p.wIn)
        let stop = StopFlag()
        input.storage.withUnsafeBufferPointer { values in
            rowSums.withUnsafeMutableBufferPointer { sums in
                // Input rows split among the cores, each with its own prefix row.
                Self.inParallel(p.hIn, parts: parts) { rows in
                    var prefix = [Double](repeating: 0, count: paddedW)
                    prefix.withUnsafeMutableBufferPointer { prefix in
                        // Prefix sums with the dilation's stride; the padding reads zeros, so the left
                        // padding's prefixes stay 0 and the right padding's repeat the one dw before.
                        let prefix = prefix.baseAddress!
                        for y in rows {
                            if (y - rows.lowerBound) % every == 0, stop.isSet || isCancelled() { stop.set(); return }
                            let row = values.baseAddress! + input.offset(0, c, y, 0)
                            let head = min(p.wIn, max(0, dw - pw))  // input columns with no prefix dw before
                            for x in 0..<head { prefix[x + pw] = Double(row[x]) }
                            for x in head..<p.wIn { prefix[x + pw] = Double(row[x]) + prefix[x + pw - dw] }
                            for i in max(pw + p.wIn, 0)..<paddedW { prefix[i] = i >= dw ? prefix[i - dw] : 0 }
                            let out = sums.baseAddress! + (y + p.paddingH) * outW
                            for ox in 0..<outW {
                                let first = ox * p.strideW
                                out[ox] = first >= dw ? prefix[first + span] - prefix[first - dw] : prefix[first + span]
                            }
                        }
                    }
                }
                guard !stop.isSet else { return }
                // Column pass, row by row (memory in order), the columns split among the cores:
                // prefix sums down each column with the dilation's stride, in place.
                Self.inParallel(outW, parts: parts) { columns in
                    for i in p.dilationH..<max(p.dilationH, paddedH) {
                        if i % every == 0, stop.isSet || isCancelled() { stop.set(); return }
                        let row = sums.baseAddress! + i * outW, above = sums.baseAddress! + (i - p.dilationH) * outW
                        for ox in columns { row[ox] += above[ox] }
                    }
                }
            }
        }
        if stop.isSet { throw ComputationCancelled() }
        prefixed = rowSums
    }

    /// How many cores a pass over a plane of `values` values is split among: one below 256 K
    /// values (a thread's start costs more than it saves), at most 4.
    static func parts(forValues values: Int) -> Int {
        values < 1 << 18 ? 1 : min(4, ProcessorCount.online)
    }

    /// How many pieces of about 128 K values a pass over `values` values is cut into, for the
    /// threads to take one at a time: one below 256 K values. A thread held up on a busy core then
    /// keeps back one small piece, not a whole share.
    static func pieces(forValues values: Int) -> Int {
        values < 1 << 18 ? 1 : (values + (1 << 17) - 1) >> 17
    }

    /// Runs `body` on `parts` contiguous pieces of 0..<count, the threads taking them one at a time.
    static func inParallel(_ count: Int, parts: Int, _ body: (Range<Int>) -> Void) {
        inParallel(count, parts: parts) { _, range in body(range) }
    }

    /// Runs `body(part, range)` on `parts` contiguous pieces of 0..<count, the threads taking them
    /// one at a time; `part` numbers the piece (0..<parts), for a result kept per piece.
    static func inParallel(_ count: Int, parts: Int, _ body: (_ part: Int, Range<Int>) -> Void) {
        guard parts > 1, count > 1 else { body(0, 0..<count); return }
        withoutActuallyEscaping(body) { body in
            let job = PieceJob(body: body)
            Workers.perform(iterations: parts) { part in
                job.body(part, count * part / parts..<count * (part + 1) / parts)
            }
        }
    }

    /// Output rows (the plan's outH).
    var outputRows: Int { plan.outH }

    /// Calls `body` for each output row with its offset (oy · outW) and the two prefixed rows
    /// whose difference is its window sums (`before` nil where the window starts at the top).
    func forEachRow(in rows: Range<Int>? = nil,
                    _ body: (_ offset: Int, _ last: UnsafeBufferPointer<Double>, _ before: UnsafePointer<Double>?) -> Void) {
        let p = plan.p, outW = plan.outW
        prefixed.withUnsafeBufferPointer { sums in
            for oy in rows ?? 0..<plan.outH {
                let first = oy * p.strideH
                let last = UnsafeBufferPointer(start: sums.baseAddress! + (first + (p.kernelSizeH - 1) * p.dilationH) * outW,
                                               count: outW)
                let before = first - p.dilationH
                body(oy * outW, last, before >= 0 ? UnsafePointer(sums.baseAddress! + before * outW) : nil)
            }
        }
    }
}

/// One window-sum buffer kept between computations: a TUI recomputing a 1024² layer on every key
/// reuses its 8 MB instead of faulting fresh pages in (the first touch costs as much as the sums).
/// Taking it moves it out, so computations running side by side never share one.
enum SpareWindowSums {
    private static let slot = Mutex<[Double]>([])

    /// A buffer of at least `count` values, their contents undefined.
    static func take(count: Int) -> [Double] {
        let spare = slot.withLock { kept in
            defer { kept = [] }
            return kept
        }
        if spare.count >= count { return spare }
        return [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Keeps `buffer` for the next `take` when it is larger than the one kept.
    static func giveBack(_ buffer: [Double]) {
        slot.withLock { kept in if buffer.count > kept.count { kept = buffer } }
    }
}

/// A pass's body as the threads of `WindowSums.inParallel` see it. Unchecked Sendable: each
/// thread writes its own rows or columns, and `isCancelled` may be called from any thread.
private struct PieceJob: @unchecked Sendable {
    let body: (_ part: Int, Range<Int>) -> Void
}

/// Set by the first thread that sees the computation cancelled, so the others stop too.
private final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}
