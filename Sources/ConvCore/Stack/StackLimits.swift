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
}
