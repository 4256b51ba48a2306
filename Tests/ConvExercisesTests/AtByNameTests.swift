import Testing
@testable import ConvExercises

/// An exercise's `at` names a layer as print(model) labels it; a `# cat` line renumbers nothing.
@Suite struct AtByNameTests {
    static let model = """
        Sequential(
          (features): Sequential(
            (0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
            (1): ReLU()
            (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
            (3): Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
          )
          (0): Conv2d(16, 4, kernel_size=(1, 1), stride=(1, 1))
        )
        """

    static func lab(_ at: String, model: String = model) throws(ExerciseFileError) -> ExerciseSet {
        try ExerciseLoader.load("""
            title = "names"
            [[exercise]]
            model = \"\"\"
            \(model)
            \"\"\"
            input = [1, 1, 8, 8]
            ask = "shape"
            \(at)
            """, language: .en)
    }

    @Test func aQualifiedNameAndAContainerNameTheirLayers() throws {
        #expect(try Self.lab("at = \"features.2\"").exercises[0].solution.expected == "1×8×4×4")
        #expect(try Self.lab("at = \"features\"").exercises[0].solution.expected == "1×16×4×4")
        // An integer is the print's top-level label: here (0) after the features block.
        #expect(try Self.lab("at = 0").exercises[0].solution.expected == "1×4×4×4")
    }

    /// The print's `(6)` stays (6) after a `# cat` line: it is not the Cat.
    @Test func anIntegerAfterACatIsThePrintsLabelNotAPosition() throws {
        let unet = """
            Sequential(
              (0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
              (1): ReLU()
              (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
              (3): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
              (4): ConvTranspose2d(8, 8, kernel_size=(2, 2), stride=(2, 2))
              # cat 1
              (5): Conv2d(16, 2, kernel_size=(1, 1), stride=(1, 1))
            )
            """
        #expect(try Self.lab("at = 5", model: unet).exercises[0].solution.expected == "1×2×8×8")
        #expect(try Self.lab("at = \"cat\"", model: unet).exercises[0].solution.expected == "1×16×8×8")
    }

    @Test func aNameThatIsNotThereSaysWhichAre() {
        do throws(ExerciseFileError) {
            _ = try Self.lab("at = \"features.9\"")
            Issue.record("loaded")
        } catch {
            #expect(error.message.contains("at = \"features.9\" names no layer: allowed features.0, features.1, features.2, "
                                               + "features.3, 0 (print(model)'s labels)"), "\(error.message)")
        }
    }
}
