import CConvKernels
import Synchronization

/// The direct path's two inner kernels. Both compute every output value by the same float32
/// operations (the bias, then one fused multiply-add per tap in order), so they agree bit for
/// bit; they differ in how they fill the vector lanes.
public enum DirectKernel: Int, Sendable, CaseIterable {
    /// A tile of output channels × columns of one output row, vectorised over the columns
    /// (8 channels × 48 columns with AVX-512, 4 × 24 with AVX2): wide rows, many channels.
    case rows = 1
    /// A tile of output pixels of one row, each a vector of output channels (28 pixels × 16
    /// channels with AVX-512, 12 × 8 with AVX2): narrow rows, small layers. Not on CPUs without
    /// AVX2, where the row kernel runs.
    case pixels = 2

    /// False on CPUs without AVX2 (or with CONVSCOPE_ISA=generic): only the row kernel runs.
    static var pixelsExist: Bool { convscope_pixel_block_channels() > 0 }

    /// Set by the benchmark's `--kernel` to time one kernel on every layer; nil (0) lets
    /// `choice(outPerGroup:columns:)` decide.
    public static let forced = Atomic<Int>(0)

    /// The kernel for an output row of `columns` values of groups of `outPerGroup` channels:
    /// the one whose tiles leave fewer vector lanes idle, weighted by what a lane of each
    /// sustains (docs/DECISIONS.md, the direct path's two kernels).
    static func choice(outPerGroup: Int, columns: Int) -> DirectKernel {
        if let forced = DirectKernel(rawValue: forced.load(ordering: .relaxed)) { return forced }
        let pixelChannels = Int(convscope_pixel_block_channels())
        guard pixelChannels > 0, outPerGroup > 0, columns > 0 else { return .rows }
        let rowChannels = Int(convscope_block_channels())
        let rowLanes = roundedUp(outPerGroup, rowChannels) * rowColumns(columns, vector: rowChannels == 8 ? 16 : 8)
        let pixelLanes = roundedUp(outPerGroup, pixelChannels) * pixelColumns(columns, widest: pixelChannels == 16 ? 28 : 12)
        let pixelLaneCost = pixelChannels == 16 ? pixelLaneCostAVX512 : pixelLaneCostAVX2
        return Double(pixelLanes) * pixelLaneCost < Double(rowLanes) ? .pixels : .rows
    }

    /// A pixel-kernel lane's time over a row-kernel lane's, one Zen 5 core, 16 channels: AVX-512
    /// 400 taps (a 5×5 layer) over 252 columns, pixels 191 GFLOP/s against rows 241 per lane
    /// computed; 1024 taps (8×8) over 25 columns, 209 against 256 (the pixel tile loads a
    /// broadcast per fused multiply-add and transposes its sums in and out per call). So with
    /// AVX-512 the row kernel wins wherever it computes fewer than 1.25× the pixel kernel's lanes:
    /// every layer of 8 or more channels per group but a few widths.
    static let pixelLaneCostAVX512 = 1.25
    /// The same with AVX2, measured on one Zen 3 core as one thread's CPU time on a busy machine
    /// (16 channels, docs/PERFORMANCE.md "Zen 3, AVX2"): 252 columns (5×5) pixels 18.1 ms against
    /// rows 12.4; 121 columns (8×8) 9.1 against 6.9; 57 columns 2.25 against 1.73; 33 columns 1.00
    /// against 0.60; 25 columns 0.45 against 0.55 (a tie on the clock); 17 columns 0.375 against
    /// 0.325. Per lane computed a pixel lane costs 1.31–1.48 row lanes from 57 columns up (its 12
    /// broadcasts a tap load the core more than the row tile's 4), 0.94–1.85 below. At 1.35 every
    /// 16-channel row from 17 to 252 columns takes the row kernel; only at 25 columns is that not
    /// the faster one, by less than the clock's spread. (It was 0.6 while the row tile kept one of
    /// its sums in memory every tap.)
    static let pixelLaneCostAVX2 = 1.35

    /// Columns the row kernel computes for a row of `columns`: tiles of 3 vectors, the rest in a
    /// tile of as many vectors as it needs (as kernels.c splits it).
    static func rowColumns(_ columns: Int, vector: Int) -> Int {
        columns / (3 * vector) * 3 * vector + roundedUp(columns % (3 * vector), vector)
    }

    /// Pixels the pixel kernel computes for a row of `columns`: equal tiles of at most `widest`
    /// rounded up to a multiple of 4, the rest in one tile rounded up to 4 (as kernels.c splits it).
    static func pixelColumns(_ columns: Int, widest: Int) -> Int {
        let count = (columns + widest - 1) / widest
        let each = roundedUp((columns + count - 1) / count, 4)
        return columns / each * each + roundedUp(columns % each, 4)
    }

    private static func roundedUp(_ value: Int, _ unit: Int) -> Int { (value + unit - 1) / unit * unit }
}
