/// The ranges a layer string may use: wide enough for the U-Net paper (1024 channels), small
/// enough that no shape or cost overflows.
public enum StackLimits {
    /// in_channels, out_channels, num_features, groups.
    public static let channels: ClosedRange<Int> = 1...4096
    /// kernel_size.
    public static let kernel: ClosedRange<Int> = 1...64
    /// stride.
    public static let stride: ClosedRange<Int> = 1...64
    /// padding and output_padding.
    public static let padding: ClosedRange<Int> = 0...64
    /// The input's height and width (h_in, w_in): the single-layer panel's range.
    public static let inputSize: ClosedRange<Int> = 1...1024
    /// dilation.
    public static let dilation: ClosedRange<Int> = 1...64
    /// The most channels and cells on a side a map along a stack may have. Transposed layers
    /// multiply the sides (stride 64 three times makes 1024 into 17·10⁹) and Cat adds channels:
    /// past these the shapes, fields and counts would leave Int, so the layer is refused instead.
    public static let mapSide = 1 << 24, mapChannels = 1 << 24

    /// `shape`, or `.mapTooLarge` when a side or the channels pass the limits.
    static func checkMap(_ shape: [Int]) throws(StackLayerError) -> [Int] {
        if shape[1] > mapChannels || shape[2] > mapSide || shape[3] > mapSide { throw .mapTooLarge(shape: shape) }
        return shape
    }

    /// The most weights (parameters) a stack's values are computed with: each layer's weight
    /// tensor is built before it runs, and one Conv2d(4096, 4096, 64) alone holds 68.7 billion
    /// (275 GB). 64 million float weights are 256 MB, twice the U-Net paper's 31 million.
    public static let weightsComputed = 64_000_000
}
