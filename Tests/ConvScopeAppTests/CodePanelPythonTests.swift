import Foundation
import Testing
@testable import ConvCore
@testable import ConvScopeApp

/// The `P` panel's Python, pasted into real Python with torch, gives the screen's numbers: for
/// every input source and every weight source, with a bias, groups, a padding mode and kernels
/// large enough to be written as formulas. Skipped, saying so, where python3 has no torch.
@Suite("P panel code in PyTorch")
struct CodePanelPythonTests {
    static let torchAvailable = shell("python3 -c 'import torch'").status == 0

    static func settings(_ words: [ParameterID: String], h: Int = 8, w: Int = 8, cin: Int = 3, cout: Int = 2, k: Int = 3)
        -> Conv2dSettings
    {
        var p = ConvParameters()
        p.hIn = h; p.wIn = w; p.inChannels = cin; p.outChannels = cout; p.kernelSizeH = k; p.kernelSizeW = k
        var s = Conv2dSettings(p)
        let files = ParameterFiles(
            input: { _ in Tensor4(shape: [1, 2, 3, 4], storage: (0..<24).map { Float(($0 * 7) % 5) - 1 }) },
            kernel: { name in
                let shape = name.hasPrefix("full") ? [2, 2, 2, 2] : [2, 2]
                return try KernelFile(bytes: NPYWriter.float32((0..<shape.reduce(1, *)).map { Float($0 % 3) - 0.5 }, shape: shape), name: name)
            })
        for id in ParameterID.allCases { if let word = words[id] { try! s.read(id, word: word, files: files) } }
        return s
    }

    static let cases: [Conv2dSettings] = {
        var cases: [Conv2dSettings] = []
        for input in ["ramp-x", "ramp-y", "impulse", "checker", "random:5", "notebook", "tiny.npy"] {
            cases.append(settings([.input: input], h: 6, w: 9))
        }
        for kernel in ["ones", "identity", "box", "sobel-x", "sobel-y", "laplace", "gauss", "random:3"] {
            cases.append(settings([.kernel: kernel, .bias: "0.5"]))
            cases.append(settings([.kernel: kernel, .input: "random:2"], h: 12, w: 11, k: 7))  // formulas, not literals
        }
        cases.append(settings([.input: "tiny.npy", .kernel: "small.npy", .bias: "-2"], cin: 2, cout: 2, k: 2))
        cases.append(settings([.input: "tiny.npy", .kernel: "full.npy"], cin: 2, cout: 2, k: 2))
        cases.append(settings([.kernel: "sobel-x", .groups: "2", .paddingMode: "reflect", .paddingH: "1", .paddingW: "2"],
                              cin: 4, cout: 6))
        cases.append(settings([.kernel: "gauss", .padding: "same", .paddingMode: "circular"], k: 5))
        return cases
    }()

    /// The panel's Python lines: from under its heading to the next heading.
    static func python(_ s: Conv2dSettings) -> String { python(s, width: 60) }

    /// The panel's Python lines wrapped for a panel `width` wide.
    static func python(_ s: Conv2dSettings, width: Int) -> String {
        let lines = CodePanelText.lines(AppState(parameters: s), glyphs: .unicodeSet, width: width, language: .en).map(\.text)
        let end = lines.firstIndex(of: PanelWords.commandHeading(.en))!
        return lines[1..<end].joined(separator: "\n")
    }

    @Test(.enabled(if: torchAvailable, "python3 with torch is not installed: the P panel's code is not run"),
          arguments: [60, 30])
    func theCodeGivesTheScreensNumbers(width: Int) throws {
        // 30 columns is narrower than the panel at 50×17 (46): the formulas wrap inside their brackets.
        let programs = Self.cases.map { Self.python($0, width: width) }
        let outputs = try torchOutputs(of: programs)
        #expect(outputs.count == Self.cases.count)
        for (i, (s, torch)) in zip(Self.cases, outputs).enumerated() {
            let screen = try ConvExperiment(s).output.get()
            let values = screen.tensor.storage
            let close = values.count == torch.count && zip(values, torch).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) }
            #expect(close, "case \(i): the screen and PyTorch differ\n\(programs[i])\nscreen \(values.prefix(8))\ntorch  \(torch.prefix(8))")
        }
    }
}

/// Runs `command` with sh, `input` on its standard input.
func shell(_ command: String, input: String = "") -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin; process.standardOutput = stdout; process.standardError = stderr
    do { try process.run() } catch { return (-1, "", "\(error)") }
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// `text` in single quotes for sh.
func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
