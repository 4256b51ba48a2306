/// The ranges convscope allows for the options `nn.Conv2d` has beyond the notebook's twelve
/// sliders; the parameter table will turn each into a row.
public enum Conv2dLimits {
    /// `groups`: 1 … 64 (the channel limit; a larger value never divides the channel counts).
    public static let groups: ClosedRange<Int> = 1...64
    /// `--bias VALUE`: one value for every output channel, finite, within ±1 000 000 so sums of
    /// integer or dyadic layers stay exactly representable where PyTorch's are.
    public static let bias: ClosedRange<Float> = -1_000_000...1_000_000
    /// Largest input a file may hold: the h_in, w_in and in_channels ranges.
    public static let maxHeight = ParameterID.hIn.range.upperBound
    /// Largest input width a file may hold.
    public static let maxWidth = ParameterID.wIn.range.upperBound
    /// Largest channel count a file may hold.
    public static let maxChannels = ParameterID.inChannels.range.upperBound
    /// Start numbers for random inputs and kernels: any unsigned 64-bit number.
    public static let starts: ClosedRange<UInt64> = 0...UInt64.max
    /// The start `random` uses when none is given.
    public static let defaultStart: UInt64 = 0
}
