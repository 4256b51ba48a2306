import CConvKernels
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The float32 peak the general path can approach on this machine: cores × FMA lanes per cycle ×
/// 2 flops × clock, the clock and the lanes per cycle measured on this core.
public struct MachinePeak: Sendable {
    /// Measured clock of the core this ran on, in GHz.
    public let clockGHz: Double
    /// Float32 fused multiply-adds one core completes per cycle, measured, and the power of two
    /// it rounds to (the FMA width: vector lanes × FMA pipes).
    public let measuredLanesPerCycle: Double, lanesPerCycle: Int
    /// Bits of the vectors the general path's kernel uses.
    public let vectorBits: Int
    public let cores: Int

    /// Measures on the calling thread (about half a second).
    public static func measure(cores: Int = ProcessorCount.online) -> MachinePeak {
        let ghz = convscope_measure_clock_ghz()
        let perNs = convscope_measure_fma_per_ns()
        let perCycle = ghz > 0 ? perNs / ghz : 0
        let rounded = perCycle > 0 ? 1 << Int((log2(perCycle)).rounded()) : 0
        let bits = switch InstructionSet.name { case "avx512": 512; case "avx2": 256; default: 128 }
        return MachinePeak(clockGHz: ghz, measuredLanesPerCycle: perCycle, lanesPerCycle: rounded,
                           vectorBits: bits, cores: cores)
    }

    /// cores × lanes per cycle × 2 × clock, in GFLOP/s (0 where the clock is unknown).
    public var gflops: Double { Double(cores * lanesPerCycle * 2) * clockGHz }
}

/// Which general-path algorithm `Conv2dForward` takes for a layer of finite values whose sums stay
/// in the FFT's range: "FFT n=64 (…)" or "direct".
public enum GeneralPathChoice {
    /// False keeps every layer on the direct path (the benchmark's `--direct`, to compare the two).
    public static let fftAllowed = Atomic<Bool>(true)
    /// True sends every layer the FFT path can compute to it whatever its cost (the benchmark's
    /// `--fft`, to compare the two paths on layers the cost model keeps direct).
    public static let fftForced = Atomic<Bool>(false)

    /// A short name of the algorithm and, for the FFT, its tile size.
    public static func describe(_ spec: Conv2dSpec) -> String {
        guard fftAllowed.load(ordering: .relaxed), let plan = FFTPlan.best(for: spec) else { return "direct" }
        return "FFT \(plan.n)² tiles"
    }
}
