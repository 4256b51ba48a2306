import Foundation
import Testing
import ConvCore
@testable import ConvExercises

/// Size questions on Conv1d, ConvTranspose1d, Conv3d, their pools and ConvTranspose2d: every
/// answer convscope computes equals real PyTorch's (Fixtures/pytorch_exercise_sizes.json, made
/// by scripts/make_exercise_family_fixtures.py).
@Suite struct FamilyExerciseTests {
    struct TorchCase: Decodable {
        let layers: [String]
        let input_shape: [Int]
        let output_shapes: [[Int]]?
        let parameters: Int?
        let multiplications: Int?
        let error: String?
        let type: String?
    }

    struct Fixture: Decodable {
        let family_sizes_lab: [String: TorchCase]
        let cases: [TorchCase]
    }

    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixture = try! JSONDecoder().decode(
        Fixture.self, from: Data(contentsOf: here.appendingPathComponent("Fixtures/pytorch_exercise_sizes.json")))

    static func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }

    /// One `[[exercise]]` on the case's layers.
    static func exercise(_ c: TorchCase, ask: String, at: Int? = nil, expect: String) -> String {
        let key = c.layers.count == 1 ? "layer = \"\(c.layers[0])\"" : "layers = [" + c.layers.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        return "[[exercise]]\n\(key)\ninput = \(c.input_shape)\nask = \"\(ask)\"\n" + (at.map { "at = \($0)\n" } ?? "") + "expect = \"\(expect)\"\n"
    }

    /// Shape, size, parameters, multiplications and "valid?" for every case PyTorch runs; for a
    /// refused one "valid?" with PyTorch's message, and the shape of the last layer that ran.
    @Test func everyAnswerEqualsPyTorchs() throws {
        var checked = 0
        for c in Self.fixture.cases {
            var entries: [(String, String)] = []
            let shapes = c.output_shapes ?? []
            if let error = c.error {
                entries.append((Self.exercise(c, ask: "valid", expect: "no"), "no: \(error)"))
                if let last = shapes.last {
                    entries.append((Self.exercise(c, ask: "shape", at: shapes.count - 1, expect: Self.text(last)), Self.text(last)))
                }
            } else {
                let out = shapes.last!
                let size = Self.text(Array(out.dropFirst(2)))
                entries += [(Self.exercise(c, ask: "shape", expect: Self.text(out)), Self.text(out)),
                            (Self.exercise(c, ask: "size", expect: size), size),
                            (Self.exercise(c, ask: "params", expect: "\(c.parameters!)"), "\(c.parameters!)"),
                            (Self.exercise(c, ask: "mults", expect: "\(c.multiplications!)"), "\(c.multiplications!)"),
                            (Self.exercise(c, ask: "valid", expect: "yes"), "yes")]
                for (index, shape) in shapes.enumerated().dropLast() {
                    entries.append((Self.exercise(c, ask: "shape", at: index, expect: Self.text(shape)), Self.text(shape)))
                }
            }
            let lab: ExerciseSet
            do {
                lab = try ExerciseLoader.load("title = \"t\"\n" + entries.map(\.0).joined(separator: "\n"), language: .en)
            } catch {
                Issue.record("\(c.layers) on \(c.input_shape): \(error.message)")
                continue
            }
            #expect(lab.exercises.map(\.solution.expected) == entries.map(\.1), "\(c.layers) on \(c.input_shape)")
            if let type = c.type, let error = c.error {
                #expect(lab.exercises[0].solution.steps.first?.hasSuffix("\(type): \(error)") == true, "\(lab.exercises[0].solution.steps)")
            }
            checked += lab.exercises.count
        }
        #expect(checked > 500)
    }

    /// The example lab's answers, in English and Russian, are PyTorch's.
    @Test(arguments: [("family-sizes.toml", Language.en), ("family-sizes-ru.toml", Language.ru)])
    func exampleLabAnswersArePyTorchs(_ name: String, _ lang: Language) throws {
        let text = try String(contentsOf: ExampleLabsTests.examples.appendingPathComponent(name), encoding: .utf8)
        let lab = try ExerciseLoader.load(text, language: lang)
        #expect(lab.exercises.count == Self.fixture.family_sizes_lab.count)
        for exercise in lab.exercises {
            let torch = try #require(Self.fixture.family_sizes_lab[exercise.id])
            let out = torch.output_shapes?.last
            let expected: String
            switch exercise.question.kind {
            case .shape: expected = Self.text(try #require(out))
            case .size: expected = Self.text(Array(try #require(out).dropFirst(2)))
            case .parameters: expected = "\(try #require(torch.parameters))"
            case .multiplications: expected = "\(try #require(torch.multiplications))"
            case .valid: expected = torch.error.map { lang.pick("no", "нет") + ": \($0)" } ?? lang.pick("yes", "да")
            default: Issue.record("unexpected kind \(exercise.question.kind)"); continue
            }
            #expect(exercise.solution.expected == expected, "\(exercise.id)")
            if lang == .ru { #expect(exercise.prompt.contains { ("а"..."я").contains($0) }, "\(exercise.id)") }
        }
    }

    /// What a 1-D or 3-D exercise cannot be, each refused in one line naming the key's line.
    @Test(arguments: [
        ("layers = [\"Conv1d(3, 8, 3)\", \"ReLU()\"]\ninput = [1, 3, 10]\nask = \"shape\"",
         "line 3: exercise 1: layers: ReLU() does not mix with 1-D and 3-D layers: an exercise's layers are all 1-D (Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d) or all 3-D (Conv3d, MaxPool3d, AvgPool3d)"),
        ("layers = [\"Conv1d(3, 8, 3)\", \"MaxPool3d(2)\"]\ninput = [1, 3, 10]\nask = \"shape\"",
         "line 3: exercise 1: layers: Conv1d, MaxPool3d do not mix: an exercise's layers are all 1-D (Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d) or all 3-D (Conv3d, MaxPool3d, AvgPool3d)"),
        ("layer = \"Conv1d(3, 8, 3)\"\ninput = [1, 3, 10, 10]\nask = \"shape\"",
         "line 4: exercise 1: input must be [1, C, L] for a 1-D layer with C 1…4096 and L 1…1024"),
        ("layer = \"Conv1d(3, 8, 3)\"\ninput = [1, 3, 10]\nask = \"padding\"",
         "line 5: exercise 1: ask = \"padding\" is asked of Conv2d layers; a Conv1d exercise asks shape, size, params, mults, valid"),
        ("layer = \"Conv3d(4, 6, 3, groups=3)\"\ninput = [1, 4, 8, 8, 8]\nask = \"shape\"",
         "line 3: exercise 1: layer: Conv3d(4, 6, 3, groups=3): ValueError: in_channels must be divisible by groups (ask = \"valid\" asks about that)"),
        ("layer = \"Conv1d(3, 8, 3)\"\ninput = [1, 3, 10]\nfill = \"ramp-y\"\nask = \"shape\"",
         "line 5: exercise 1: fill sets the input of a value question, which a Conv1d exercise does not ask"),
        ("model = \"\"\"\nSequential(\n  (0): Conv1d(3, 8, kernel_size=(3,), stride=(1,))\n)\n\"\"\"\ninput = [1, 3, 10]\nask = \"shape\"",
         "line 3: exercise 1: model: Conv1d is asked with layers = [\"Conv1d(…)\", …] (one string per layer), not as print(model)'s text"),
        ("layer = \"Conv1d(3, 8, 9)\"\ninput = [1, 3, 5]\nask = \"size\"",
         "line 5: exercise 1: the layers break at (0) Conv1d: RuntimeError: Calculated padded input size per channel: (5). Kernel size: (9). Kernel size can't be greater than actual input size (ask = \"valid\" asks about that)"),
    ])
    func refusals(_ body: String, _ message: String) {
        let text = "title = \"t\"\n[[exercise]]\n" + body + "\n"
        #expect(throws: ExerciseFileError.self) { try ExerciseLoader.load(text, language: .en) }
        do { _ = try ExerciseLoader.load(text, language: .en) } catch { #expect(error.description == message) }
    }
}
