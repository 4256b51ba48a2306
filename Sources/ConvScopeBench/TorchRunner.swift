import Foundation

/// Runs scripts/torch_conv_bench.py: PyTorch's medians and peak RSS for a list of workloads.
struct TorchRunner {
    let python: String, script: String, threads: Int

    /// The runner when `python3` can import torch and the script is beside this source tree; nil otherwise.
    static func find(threads: Int) -> TorchRunner? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/torch_conv_bench.py").path
        guard FileManager.default.fileExists(atPath: script),
              let probe = try? Subprocess.run("/usr/bin/env", ["python3", "-c", "import torch"]), probe.status == 0
        else { return nil }
        return TorchRunner(python: "python3", script: script, threads: threads)
    }

    /// torch's version and one measurement per workload (nil where the script failed).
    func measure(_ workloads: [Workload]) throws -> (version: String, results: [Measurement?]) {
        // Under CONVSCOPE_ISA=avx2 (convscope's kernels limited to AVX2) torch is limited alike: its
        // own kernels and oneDNN's, which runs its convolutions and heeds only its own variable.
        let limit = ProcessInfo.processInfo.environment["CONVSCOPE_ISA"] == "avx2"
            ? ["ATEN_CPU_CAPABILITY=avx2", "ONEDNN_MAX_CPU_ISA=AVX2"] : []
        let result = try Subprocess.run("/usr/bin/env", limit + [python, script, String(threads)] + workloads.map(\.argument))
        var lines = result.output.split(separator: "\n").map(String.init)
        let version = lines.first?.hasPrefix("torch=") == true ? String(lines.removeFirst().dropFirst(6)) : "?"
        let results = workloads.indices.map { i in i < lines.count ? Measurement(line: lines[i]) : nil }
        return (version, results)
    }
}

/// A finished child process: exit status and standard output.
struct Subprocess {
    let status: Int32, output: String

    /// Runs `executable` with `arguments`, waits, and collects its standard output (stderr passes through).
    static func run(_ executable: String, _ arguments: [String]) throws -> Subprocess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Subprocess(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
