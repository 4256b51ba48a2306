import ConvCore
import Foundation
import Testing
@testable import ConvScopeApp

/// `render --layers` of 1-D and 3-D stacks: the JSON table's shapes, parameters, multiplications
/// and PyTorch's refusals equal real PyTorch's for every case of
/// Tests/ConvExercisesTests/Fixtures/pytorch_exercise_sizes.json; the text table speaks Russian.
@Suite struct FamilyStackTableTests {
    /// The fixture's cases on sequences and volumes (its format is FamilyExerciseTests'; read here as plain JSON).
    static func cases() throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ConvExercisesTests/Fixtures/pytorch_exercise_sizes.json")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (file["cases"] as! [[String: Any]]).filter { ($0["input_shape"] as! [Int]).count != 4 }
    }

    @Test func theJSONTableIsPyTorchsForEveryCase() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 130)
        for c in cases {
            let texts = c["layers"] as! [String], input = c["input_shape"] as! [Int]
            guard let layers = try? texts.map({ try FamilyLayerParser.parse($0) }) else {
                Issue.record("\(texts) does not parse")
                continue
            }
            let steps = FamilyStackRun.shapes(input: input, layers: layers, causal: false)
            let json = FamilyStackTable.json(layers, steps, input: input)
            let table = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let rows = try #require(table["layers"] as? [[String: Any]])
            let shapes = rows.compactMap { $0["output_shape"] as? [Int] }
            #expect(shapes == (c["output_shapes"] as? [[Int]] ?? []), "\(texts)")
            if let error = c["error"] as? String {
                #expect(rows.last?["error"] as? String == error && rows.last?["type"] as? String == c["type"] as? String, "\(texts)")
            } else {
                #expect(rows.reduce(0) { $0 + ($1["params"] as! Int) } == c["parameters"] as? Int, "\(texts)")
                #expect(rows.reduce(0) { $0 + ($1["mults"] as! Int) } == c["multiplications"] as? Int, "\(texts)")
            }
        }
    }

    @Test func theTextTableSpeaksTheUsersLanguage() throws {
        let layers = try ["Conv1d(2, 4, 3, padding=1)", "MaxPool1d(2)"].map { try FamilyLayerParser.parse($0) }
        let steps = FamilyStackRun.shapes(input: [1, 2, 16], layers: layers, causal: false)
        #expect(FamilyStackTable.text(layers, steps, input: [1, 2, 16], .ru) == """
            вход  1×2×16
            (0) Conv1d(2, 4, kernel_size=(3,), stride=(1,), padding=(1,))  →  1×4×16  парам. 28  умнож. 384
            (1) MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)  →  1×4×8  парам. 0  умнож. 0
            итого: 28 параметров, 384 умножения; выход 1×4×8

            """)
        #expect(FamilyStackTable.text(layers, steps, input: [1, 2, 16], .en).hasSuffix("total: 28 parameters, 384 multiplications; output 1×4×8\n"))
    }
}
