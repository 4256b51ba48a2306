import ArgumentParser
import ConvCore
import Synchronization
import Foundation

/// `convscope-bench`: times convscope's convolution paths and, when torch is installed, PyTorch's
/// F.conv2d on the same layers in the same run; prints a Markdown table (docs/PERFORMANCE.md).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convscope-bench",
        abstract: "Time convscope's convolution against PyTorch's on the issue's layers.")

    @Flag(help: "Every size 64², one run each: proves the benchmark works (CI), times mean nothing.")
    var quick = false

    @Flag(name: .customLong("no-torch"), help: "Skip PyTorch even when it is installed.")
    var noTorch = false

    @Flag(help: "convscope's direct path only, never its FFT or Winograd path (to compare them).")
    var direct = false

    @Flag(name: .customLong("no-fft"), help: "Never convscope's FFT path (its Winograd path as usual).")
    var noFFT = false

    @Flag(name: .customLong("no-winograd"), help: "Never convscope's Winograd path (its FFT path as usual).")
    var noWinograd = false

    @Flag(help: "convscope's FFT path wherever it can compute the layer, whatever its cost (to compare).")
    var fft = false

    @Option(help: "The direct path's kernel on every layer, rows or pixels (default: each layer's choice).")
    var kernel: String?

    @Option(help: "Cores for convscope and torch (default: all online).")
    var threads: Int = ProcessorCount.online

    @Option(help: ArgumentHelp("Internal: time one workload in this process and print one line.", visibility: .hidden))
    var measure: String?

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1…256, got \(threads)") }
        if let kernel, Self.kernels[kernel] == nil {
            throw ValidationError("--kernel must be rows or pixels, got \(kernel)")
        }
        if let measure, Workload(argument: measure) == nil {
            throw ValidationError("--measure: not a workload: \(measure)")
        }
    }

    func run() throws {
        if direct || noFFT { GeneralPathChoice.fftAllowed.store(false, ordering: .relaxed) }
        if direct || noWinograd { GeneralPathChoice.winogradAllowed.store(false, ordering: .relaxed) }
        if fft { GeneralPathChoice.fftForced.store(true, ordering: .relaxed) }
        if let kernel, let forced = Self.kernels[kernel] { DirectKernel.forced.store(forced.rawValue, ordering: .relaxed) }
        if let measure, let workload = Workload(argument: measure) {
            print(try Measurement.convscope(workload, threads: threads).line)
            return
        }
        let runner = Runner(threads: threads, direct: direct, noFFT: noFFT, noWinograd: noWinograd, fft: fft, kernel: kernel, torch: noTorch ? nil : TorchRunner.find(threads: threads))
        let report = try runner.report(quick: quick)
        print(report)
    }

    /// `--kernel`'s values.
    static let kernels: [String: DirectKernel] = ["rows": .rows, "pixels": .pixels]
}

Bench.main()
