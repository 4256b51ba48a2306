import Testing
@testable import ConvExercises

/// Every kind of mistake in an exercise file gives one line naming its line number and the problem.
@Suite struct MalformedFileTests {
    static let good = """
        title = "Lab"

        [[exercise]]
        layer = "Conv2d(3, 8, 3)"
        input = [1, 3, 8, 8]
        ask = "shape"
        """

    /// (what is wrong, the file, the line the error must name, a phrase it must contain)
    static let cases: [(String, String, Int?, String)] = [
        ("bad TOML syntax", "title = \"Lab\"\n\n[[exercise]]\nlayer = \"Conv2d(3, 8, 3)\ninput = [1, 3, 8, 8]\n", 4, "not valid TOML"),
        ("unknown key", good + "\nkernal = 3\n", 7, "unknown key 'kernal'"),
        ("unknown top-level key", "titel = \"x\"\n" + good, 1, "unknown key 'titel'"),
        ("unknown question kind", good.replacingOccurrences(of: "ask = \"shape\"", with: "ask = \"area\""), 6, "ask 'area' is not a question kind"),
        ("layer string that does not parse", good.replacingOccurrences(of: "Conv2d(3, 8, 3)", with: "Conv2d(3, 8, kernel=3)"), 4, "layer:"),
        ("unsupported module", good.replacingOccurrences(of: "Conv2d(3, 8, 3)", with: "LSTM(3, 8)"), 4, "LSTM"),
        ("missing ask", good.replacingOccurrences(of: "ask = \"shape\"", with: ""), 3, "needs ask"),
        ("cell out of range", good.replacingOccurrences(of: "ask = \"shape\"", with: "ask = \"value\"\ncell = [0, 6, 0]"), 7, "outside the output 1×8×6×6"),
        ("wrong expect", good + "\nexpect = \"1x8x8x8\"\n", 7, "expect says 1x8x8x8 but convscope computes 1×8×6×6"),
        ("empty file", "  \n\n", nil, "the file is empty"),
        ("duplicate ids", "title = \"Lab\"\n[[exercise]]\nid = \"a\"\nlayer = \"ReLU()\"\ninput = [1, 1, 2, 2]\nask = \"shape\"\n"
            + "[[exercise]]\nid = \"a\"\nlayer = \"ReLU()\"\ninput = [1, 1, 2, 2]\nask = \"size\"\n", 8, "id 'a' is already used"),
        ("value of the wrong type", good.replacingOccurrences(of: "input = [1, 3, 8, 8]", with: "input = \"1x3x8x8\""), 5, "input must be a list"),
        ("no title", good.replacingOccurrences(of: "title = \"Lab\"", with: ""), 1, "needs title"),
        ("input with the wrong rank", good.replacingOccurrences(of: "[1, 3, 8, 8]", with: "[1, 3, 8, 8, 8]"), 5, "input must be [1, C, H, W]"),
        ("layer and model both", good + "\nmodel = \"\"\"\nSequential(\n  (0): ReLU()\n)\n\"\"\"\n", 7, "give one of layer, model and layers"),
        ("at past the last layer", good + "\nat = 3\n", 7, "at = 3 names no layer"),
        ("question about a broken layer", good.replacingOccurrences(of: "[1, 3, 8, 8]", with: "[1, 3, 2, 2]"), 6, "the layers break at (0) Conv2d"),
        ("a key the kind does not use", good + "\ngoal = \"same\"\n", 7, "goal does not apply"),
        ("no solution for a padding goal", good.replacingOccurrences(of: "ask = \"shape\"", with: "ask = \"padding\"\ngoal = \"half\"")
            .replacingOccurrences(of: "[1, 3, 8, 8]", with: "[1, 3, 9, 9]"), 7, "needs an even input"),
        ("unknown fill", good + "\nfill = \"noise\"\n", 7, "fill 'noise' is not an input"),
    ]

    @Test(arguments: 0..<cases.count)
    func mistakeNamesItsLine(_ index: Int) {
        let (what, text, line, phrase) = Self.cases[index]
        do {
            _ = try ExerciseLoader.load(text, language: .en)
            Issue.record("\(what): loaded without complaint")
        } catch {
            #expect(error.line == line, "\(what): \(error)")
            #expect(error.description.contains(phrase), "\(what): \(error)")
            #expect(!error.description.contains("\n"), "\(what): one line")
            if let line { #expect(error.description.hasPrefix("line \(line): ")) }
        }
    }

    @Test func theGoodFileLoads() throws {
        #expect(try ExerciseLoader.load(Self.good, language: .en).exercises.map(\.solution.expected) == ["1×8×6×6"])
    }
}
