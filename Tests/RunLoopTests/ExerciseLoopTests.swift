import ConvCore
import ConvExercises
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// The exercise session in the real run loop on a scripted screen: answers reach the recorder,
/// a failed write reaches the screen, the revealed layer's maps are computed and drawn.
@Suite("An exercise session in the run loop")
struct ExerciseLoopTests {
    static let lab: ExerciseSet = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/single-layer-shapes.toml")
        return try! ExerciseLoader.load(try! String(contentsOf: url, encoding: .utf8), language: .en)
    }()

    static func keys(_ text: String) -> [FakeScreen.Step] { text.map { .event(.key(.character($0))) } }

    @Test("answers are recorded as they are given; the maps of the revealed layer are drawn")
    func answersReachTheRecorder() {
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script:
            Self.keys("1x2x6x6") + [.event(.key(.enter))] + Self.keys("m") + [.event(.key(.tab))]
            + Self.keys(">") + [.event(.key(.escape))] + Self.keys("s") + [.event(.key(.escape))] + Self.keys("qq")
            // Should a key go astray and leave the session open, Ctrl-C ends it instead of the script's endless q.
            + [.event(.key(.control("c")))])
        var recorded: [String] = [], lines: [String] = []
        var loop = RunLoop(screen: screen, state: ExerciseState(lab: Self.lab, environment: screen.environment, records: true),
                           exporter: { _, _ in "" }, recorder: { recorded.append($0.text); lines.append($0.line); return nil })
        #expect(loop.run() == 0)
        #expect(recorded.count == 2, "one write per answer or skip")
        #expect(lines == ["1: 1x2x6x6\n", "2: -\n"], "each answer's line, appended to the file")
        #expect(recorded.first?.contains("\n1: 1x2x6x6\n2: -\n") == true)
        #expect(recorded.last?.contains("\n1: 1x2x6x6\n2: -\n3: -\n") == true)
        let sheet = try? AnswerSheet.parse(recorded.last ?? "", questionCount: 11)
        #expect(sheet?.answers == [1: "1x2x6x6", 2: "-"] || sheet?.answers == [1: "1x2x6x6"])
        #expect(screen.frames.contains { $0.text.contains("1/11 · score 1/11") && $0.text.contains("Right! 1×2×6×6") })
        // The maps page: the layer's output maps with their numbers, and the inspector's sum.
        #expect(screen.frames.contains { $0.text.hasPrefix(" exercise 1/11") && $0.text.contains("output[0, 0, 0] = Σ") })
        #expect(screen.frames.last?.text.contains("9 questions not answered yet") == true, "q asked first, the second q quit")
    }

    @Test("a record file that cannot be written is reported on the status row")
    func aFailedWriteIsReported() {
        let screen = FakeScreen(size: TerminalSize(columns: 80, rows: 24), script: Self.keys("1x2x5x5") + [.event(.key(.enter))]
                                + [.idle(until: { $0.contains("disk full") }, seconds: 60), .event(.key(.control("c")))])
        var loop = RunLoop(screen: screen, state: ExerciseState(lab: Self.lab, environment: screen.environment, records: true),
                           exporter: { _, _ in "" }, recorder: { _ in "answers not recorded: disk full" })
        #expect(loop.run() == 0)
        #expect(screen.frames.contains { $0.text.contains("answers not recorded: disk full") && $0.text.contains("Not right.") })
    }
}
