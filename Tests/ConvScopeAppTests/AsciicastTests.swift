import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// `render --format asciicast`: the real screen with the inspector on each output cell.
@Suite("Asciicast export")
struct AsciicastTests {
    static func cast(frame: ExportFrame = .screen, theme: ExportTheme = .dark) -> String {
        var state = sizedState(columns: 100, rows: 30)
        state.theme = theme
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        let frames = KernelTour.frames(state, maps: maps, frame: frame, environment: RenderEnvironment(language: .en))
        return AsciicastExporter.export(frames, title: "test")
    }

    @Test(arguments: ExportFrame.allCases)
    func oneFrameAndOneMarkerPerOutputCell(_ frame: ExportFrame) throws {
        let lines = Self.cast(frame: frame).split(separator: "\n").map(String.init)
        let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(header["version"] as? Int == 2)
        let events = try lines.dropFirst().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [Any] }
        let markers = events.filter { $0[1] as? String == "m" }.map { $0[2] as! String }
        #expect(markers.count == 36)
        #expect(markers.first == "output[0, 0, 0] = 27" && markers.last == "output[0, 5, 5] = 162")
        let outputs = events.filter { $0[1] as? String == "o" }
        #expect(outputs.count == 37)
        let times = events.map { ($0[0] as! NSNumber).doubleValue }
        #expect(times == times.sorted())
        if frame == .screen {
            // The inspector line of the real screen names the frame's cell.
            #expect((outputs[7][2] as! String).contains("output[0, 1, 1] = Σ"))
        }
    }

    @Test(.enabled(if: AsciicastTests.asciinema != nil, "asciinema is not installed (pip install asciinema)"))
    func asciinemaReadsIt() throws {
        let dir = NSTemporaryDirectory() + "convscope-cast-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kernel.cast"
        try Self.cast().write(toFile: path, atomically: true, encoding: .utf8)
        let (status, out) = try Self.asciinemaCat(path)
        #expect(status == 0)
        #expect(out.contains("output[0, 0, 0] = Σ") && out.contains("output[0, 5, 5] = Σ"))
    }

    @Test func aRecordingWritesItsHeaderOnceSkipsRepeatedFramesAndSaysWhenTheScreenResizes() throws {
        var text = ""
        var recording = AsciicastRecording(title: "t") { text += $0 }
        let small = render(columns: 80, rows: 24), large = render(columns: 100, rows: 30)
        recording.add(small, at: 0)
        recording.add(small, at: 0.5)  // the same picture: nothing new to show
        recording.add(large, at: 1.25)
        #expect(recording.frames == 2)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(header["width"] as? Int == 80 && header["height"] as? Int == 24)
        let events = try lines.dropFirst().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [Any] }
        #expect(events.map { $0[1] as! String } == ["o", "r", "o"])
        #expect(events[1][2] as? String == "100x30")
        #expect(events.map { ($0[0] as! NSNumber).doubleValue } == [0, 1.25, 1.25])
    }

    @Test func theAKeyAsksTheRunLoopToStartOrStopARecording() {
        var state = sizedState(columns: 100, rows: 30)
        #expect(update(&state, .key(.character("A"))) == [.toggleRecording])
        state.showHelp = true
        #expect(update(&state, .key(.character("A"))) == [], "with the help open, a key only closes it")
    }

    /// `asciinema cat FILE`: its exit status and what it printed.
    static func asciinemaCat(_ path: String) throws -> (status: Int32, output: String) {
        try runToEnd(asciinema!, ["cat", path])
    }

    /// asciinema on the PATH, if installed.
    static let asciinema: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/asciinema" }
        return paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}
