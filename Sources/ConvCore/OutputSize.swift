/// One spatial axis of a convolution, with the output-size formula's intermediate values.
public struct AxisGeometry: Equatable, Sendable {
    public let size: Int, kernel: Int, padding: Int, stride: Int, dilation: Int
    /// How much more the bottom/right side pads than `padding` ('same' with an odd total: 1).
    public var extraAfter = 0

    /// One axis of a convolution.
    public init(size: Int, kernel: Int, padding: Int, stride: Int, dilation: Int) {
        self.size = size; self.kernel = kernel; self.padding = padding
        self.stride = stride; self.dilation = dilation
    }

    /// size + 2·padding (+ the extra after-side padding of an uneven 'same').
    public var paddedSize: Int { size + 2 * padding + extraAfter }
    /// The dilated kernel's extent, d·(k−1)+1.
    public var effectiveKernel: Int { dilation * (kernel - 1) + 1 }
    /// The formula's numerator, size + 2p − d(k−1) − 1 (negative when the kernel does not fit).
    public var numerator: Int { paddedSize - effectiveKernel }
    /// True when the dilated kernel fits inside the padded input.
    public var kernelFits: Bool { effectiveKernel <= paddedSize }
    /// ⌊numerator / stride⌋ + 1, PyTorch's output size (only meaningful when the kernel fits).
    public var outputSize: Int { kernelFits ? numerator / stride + 1 : 0 }
    /// What the floor drops: numerator mod stride.
    public var droppedByFloor: Int { kernelFits ? numerator % stride : 0 }
}
