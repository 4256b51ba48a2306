import Foundation
import Testing

/// CI runs the benchmark once at a small size: the command works and prints every row. No timing
/// is asserted (the numbers of a quick run mean nothing).
@Suite("convscope-bench --quick")
struct BenchmarkCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func quickRunPrintsTheTable() throws {
        let binary = Self.root + "/.build/debug/convscope-bench"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "\(binary) missing: run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--quick"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| ") }
        for title in ["general 64² 16→16 k8", "general 64² 64→64 k32", "general 32² 4→4 k8", "box 64² 16→16 k8",
                      "box 64² 64→64 k32", "| convscope | "] {
            let row = rows.first { $0.hasPrefix("| \(title)") || $0.hasPrefix(title) }
            #expect(row != nil, "no row \(title) in:\n\(output)")
            // Every measured cell is a number with its unit.
            #expect(row.map { $0.contains(" ms") || $0.contains(".") } == true, "\(row ?? "")")
        }
        #expect(output.contains("Machine: "))
        #expect(output.contains("Load average"))
        #expect(output.contains("exponent"))
    }

    @Test func badOptionsSayWhatIsAllowed() throws {
        let binary = Self.root + "/.build/debug/convscope-bench"
        try #require(FileManager.default.isExecutableFile(atPath: binary))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--threads", "0"]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        let error = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(error.contains("--threads must be 1…256, got 0"))
    }
}
