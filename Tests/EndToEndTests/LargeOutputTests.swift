import Foundation
import Testing

/// A large `render --format json -o FILE` (about 100 MB): streamed to the file as to a device,
/// and interrupted, it leaves neither a partial file nor its temporary file behind.
@Suite("Large output files")
struct LargeOutputTests {
    /// 32 channels of 512×512 in and out, a 1×1 kernel: about 100 MB of JSON.
    static let large = ["render", "--format", "json", "--h-in", "512", "--w-in", "512",
                        "--in-channels", "32", "--out-channels", "32", "--kernel-size", "1"]

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalDuringTheWriteRemovesTheTemporaryFile(_ signal: Int32) {
        withTemporaryDirectory("signal-\(signal)") { dir in
            let process = BackgroundProcess([Binary.path] + Self.large + ["-o", dir + "/big.json"])
            #expect(process.pid > 0)
            // Signal once the temporary file holds a few megabytes: mid-write.
            let deadline = Date().addingTimeInterval(60)
            var started = false
            while !started && process.isRunning && Date() < deadline {
                started = OutputPathTests.files(dir).contains { name in
                    name.hasPrefix(".convscope-") && Self.size(dir + "/" + name) > 4_000_000
                }
                if !started { usleep(5_000) }
            }
            #expect(started, "the temporary file should appear while writing")
            kill(process.pid, signal)
            #expect(process.wait() == 128 + signal, "dies of the signal, as the shell expects")
            #expect(OutputPathTests.files(dir).isEmpty, "no temporary file, no partial big.json")
        }
    }

    @Test func jsonStreamsToAFileAsToADevice() {
        withTemporaryDirectory("memory") { dir in
            let toDevice = Self.peakMemory([Binary.path] + Self.large + ["-o", "/dev/null"])
            let toFile = Self.peakMemory([Binary.path] + Self.large + ["-o", dir + "/big.json"])
            let written = Self.size(dir + "/big.json")
            #expect(written > 90_000_000, "the document is large: \(written) bytes")
            // Buffering the document would add at least its size (about 100 MB) to the peak.
            #expect(toFile < toDevice + 30_000, "peak \(toFile) kB to a file, \(toDevice) kB to /dev/null")
        }
    }

    /// The peak resident memory (kB) of a run, sampled from /proc until it exits with status 0.
    static func peakMemory(_ arguments: [String]) -> Int {
        let process = BackgroundProcess(arguments)
        var peak = 0
        while process.isRunning {
            peak = max(peak, process.peakMemoryKilobytes ?? 0)
            usleep(10_000)
        }
        #expect(process.wait() == 0)
        return peak
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
