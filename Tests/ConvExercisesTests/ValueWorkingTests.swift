@testable import ConvExercises
import Testing

/// A value question's working writes the sum (max, mean) that makes the cell; the terms are read
/// from the layer's input and must add up to the value the forward pass computes, for every cell.
@Suite struct ValueWorkingTests {
    static let setups: [(layers: [String], input: [Int])] = [
        (["Conv2d(4, 4, 7, stride=2, padding=2, dilation=2)"], [1, 4, 27, 27]),
        (["Conv2d(4, 6, 3, stride=(2, 1), padding=(1, 2), groups=2)"], [1, 4, 9, 8]),
        (["Conv2d(2, 3, 3, padding=2, padding_mode='reflect')"], [1, 2, 7, 6]),
        (["Conv2d(2, 3, 3, padding='same', dilation=2, padding_mode='circular')"], [1, 2, 7, 6]),
        (["Conv2d(1, 2, 3, padding=1)", "MaxPool2d(3, stride=2, padding=1, ceil_mode=True)"], [1, 1, 9, 8]),
        (["Conv2d(1, 2, 3, padding=1)", "AvgPool2d(3, stride=2, padding=1)"], [1, 1, 8, 8]),
        (["Conv2d(1, 2, 3)", "ReLU()", "ConvTranspose2d(2, 4, 3, stride=2, padding=1, output_padding=1, groups=2, dilation=1)"], [1, 1, 8, 8]),
        (["Conv2d(1, 2, 3)", "ConvTranspose2d(2, 2, 3, stride=3, padding=2, dilation=2)"], [1, 1, 8, 8]),
        (["Conv2d(1, 4, 3, padding=1)", "MaxPool2d(2)", "ConvTranspose2d(4, 4, 2, stride=2)", "Cat(0)"], [1, 1, 8, 8]),
    ]

    @Test(arguments: setups.indices) func everyCellsSumAddsUpToItsValue(_ index: Int) throws {
        let (layers, input) = Self.setups[index]
        let list = layers.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ")
        let probe = try ExerciseLoader.load("title = \"t\"\n[[exercise]]\nlayers = [\(list)]\ninput = \(input)\nask = \"shape\"\n", language: .en)
        let output = try #require(probe.exercises[0].setup.trace.layers.last?.outputShape)
        var cells = 0
        for c in 0..<output[1] {
            for y in stride(from: 0, to: output[2], by: max(1, output[2] / 5)) {
                for x in stride(from: 0, to: output[3], by: max(1, output[3] / 5)) {
                    let text = "title = \"t\"\n[[exercise]]\nlayers = [\(list)]\ninput = \(input)\nask = \"value\"\ncell = [\(c), \(y), \(x)]\n"
                    let exercise = try ExerciseLoader.load(text, language: .en).exercises[0]
                    let steps = exercise.solution.steps
                    // The written-out line ends "= value" after terms; the fallback is the bare "output…[…] = value".
                    let written = steps.contains { $0.hasSuffix("= \(exercise.solution.expected)") && ($0.contains("+") || $0.contains("max(") || $0.contains(" / ") || $0.contains(" of layer (")) }
                    #expect(written, "\(layers) cell [\(c), \(y), \(x)]: \(steps)")
                    cells += 1
                }
            }
        }
        #expect(cells > 0)
    }
}
