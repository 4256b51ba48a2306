import Foundation
import Testing

/// The A key records the interactive screen to an asciicast file until pressed again.
@Suite("Recording key")
struct RecordKeyTests {
    @Test func aRecordsTheScreenUntilPressedAgain() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("record") { (dir: String) throws in
            let tmux = InteractiveTests.start("--fresh --export-dir '\(dir)'")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            tmux.send("A")
            #expect(tmux.waitFor("recording the screen").ok)
            tmux.send("l")  // h_in 8 → 9
            #expect(tmux.waitFor("output 1×2×7×6").ok)
            tmux.send("A")
            let written = tmux.waitFor { $0.replacingOccurrences(of: "\n ", with: "").contains("\(dir)/convscope-") }
            #expect(written.ok, "the status line names the file:\n\(written.screen)")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            let casts = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".cast") }
            #expect(casts.count == 1)
            let lines = try String(contentsOfFile: dir + "/" + casts[0], encoding: .utf8).split(separator: "\n").map(String.init)
            let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
            #expect(header["version"] as? Int == 2)
            let events = try lines.dropFirst().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [Any] }
            let screens = events.filter { $0[1] as? String == "o" }.map { $0[2] as! String }
            #expect(screens.count >= 2, "the screen before and after the change")
            #expect(screens.contains { $0.contains("1×2×6×6") } && screens.contains { $0.contains("1×2×7×6") })
            let times = events.map { ($0[0] as! NSNumber).doubleValue }
            #expect(times == times.sorted())
        }
    }
}
