/// One spatial axis of a convolution with its applied padding and padding mode: the single
/// place that knows which input index a kernel tap reads and what a padded position holds.
///
/// Coordinates are input coordinates: 0..<size is the input itself, negative indices are the
/// `before` padding (top/left), size… the `after` padding (bottom/right). Two questions:
/// - `index(output:tap:)`: tap k of output o reads position o·s − p_before + k·d.
/// - `source(of:)`: which input index the value of a (possibly padded) position comes from —
///   itself inside the input; nil for zeros (the value is 0); the mirror image without
///   repeating the edge for reflect (−1 → 1); the nearest edge for replicate (−1 → 0); the
///   wrapped index for circular (−1 → size − 1).
/// The convolution, the receptive field, the inspector's written-out sum and the padded view all
/// ask these two questions, so they cannot disagree about the padding.
public struct PaddedAxis: Equatable, Hashable, Sendable {
    public let size: Int, kernel: Int, stride: Int, dilation: Int
    public let padding: AxisPadding
    public let mode: PaddingMode

    /// One axis: input size, kernel size, stride, dilation, applied padding and mode.
    public init(size: Int, kernel: Int, stride: Int, dilation: Int, padding: AxisPadding, mode: PaddingMode) {
        self.size = size; self.kernel = kernel; self.stride = stride; self.dilation = dilation
        self.padding = padding; self.mode = mode
    }

    /// size + before + after.
    public var paddedSize: Int { size + padding.total }
    /// The dilated kernel's extent, d·(k−1)+1.
    public var effectiveKernel: Int { dilation * (kernel - 1) + 1 }
    /// True when the dilated kernel fits inside the padded input.
    public var kernelFits: Bool { effectiveKernel <= paddedSize }
    /// ⌊(padded − effective kernel) / stride⌋ + 1, or 0 when the kernel does not fit.
    public var outputSize: Int { kernelFits ? (paddedSize - effectiveKernel) / stride + 1 : 0 }
    /// Input coordinates covered by the padded axis: −before ..< size + after.
    public var paddedRange: Range<Int> { -padding.before..<(size + padding.after) }

    /// The input coordinate tap `k` of output `o` reads: o·s − p_before + k·d.
    @inline(__always)
    public func index(output o: Int, tap k: Int) -> Int {
        o * stride - padding.before + k * dilation
    }

    /// The input index whose value position `i` holds, or nil when it holds a padding zero.
    /// `i` must lie in `paddedRange` (PyTorch's checks keep reflect and circular to one fold).
    public func source(of i: Int) -> Int? {
        if i >= 0 && i < size { return i }
        switch mode {
        case .zeros:
            return nil
        case .replicate:
            return i < 0 ? 0 : size - 1
        case .circular:
            return ((i % size) + size) % size
        case .reflect:
            guard size > 1 else { return 0 }
            // Mirror about 0 and size − 1 without repeating the edge: period 2·(size − 1).
            let period = 2 * (size - 1)
            let folded = ((i % period) + period) % period
            return folded < size ? folded : period - folded
        }
    }

    /// For each output and tap, the input index it reads (or −1 for a padding zero), laid out
    /// `[k * outputSize + o]`: the convolution's inner loops read this table.
    public func sourceTable() -> [Int] {
        var table = [Int](repeating: -1, count: kernel * outputSize)
        for k in 0..<kernel {
            for o in 0..<outputSize { table[k * outputSize + o] = source(of: index(output: o, tap: k)) ?? -1 }
        }
        return table
    }
}
