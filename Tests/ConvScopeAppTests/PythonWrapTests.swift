import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The code panels wrap Python only between tokens: never inside a name, a dotted name, a number
/// or a string; inside brackets with no backslash (Python continues the statement by itself),
/// outside them with one. The wrapped code still runs (CodePanelPythonTests at a narrow width).
@Suite("Python wrapped between tokens")
struct PythonWrapTests {
    /// A gauss 7×7 formula, a sobel one, a literal and a `;` line, as the panels write them.
    static let statements: [String] = {
        var math = false
        let gauss = PyTorchCode.formula(.gauss, kh: 7, kw: 7, math: &math)
        let sobel = PyTorchCode.formula(.sobelX, kh: 7, kw: 5, math: &math)
        let laplace = PyTorchCode.formula(.laplace, kh: 3, kw: 3, math: &math)
        return [gauss, sobel, laplace, "    " + gauss, "x = torch.arange(8.).reshape(8, 1).repeat(1, 3, 1, 9)",
                "conv.weight.copy_(torch.tensor([[[[0.5, -0.5], [1.5, 0.5]]]], dtype=torch.float32))",
                "        z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & m",
                "import math, numpy as np, torch, torch.nn as nn"]
    }()

    /// Where a statement was broken: the end of each line and the start of the next.
    static func breaks(_ lines: [String]) -> [(end: String, start: String)] {
        zip(lines, lines.dropFirst()).map { ($0.0, $0.1.drop { $0 == " " }.description) }
    }

    @Test("every break falls between tokens, with a backslash only outside brackets", arguments: [24, 30, 36, 46, 60])
    func breaksBetweenTokens(width: Int) {
        for statement in Self.statements {
            let lines = PythonWrap.lines(statement, width: width)
            // Put back together (a break was a space or nothing), the statement is unchanged.
            let squeezed: (String) -> String = { $0.filter { $0 != " " } }
            let joined = lines.map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : $0 }.joined()
            #expect(squeezed(joined) == squeezed(statement), "\(width): \(lines)")
            #expect(lines[0].hasPrefix(String(statement.prefix { $0 == " " })), "the block indent is kept")
            for (end, start) in Self.breaks(lines) {
                let last = end.hasSuffix(" \\") ? end.dropLast(2).last : end.last
                // Never inside a name or a number, nor after a dot (math.\ comb).
                let wordy: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ?? false }
                #expect(!(wordy(last) && wordy(start.first) && !statement.contains("\(last!) \(start.first!)")), "\(width): \(end) / \(start)")
                #expect(last != ".", "\(width): \(end) / \(start)")
            }
            // A line longer than the width is one piece that cannot break.
            for line in lines where line.count > width {
                #expect(!line.trimmingCharacters(in: .whitespaces).contains(", "), "\(width): \(line)")
            }
        }
    }

    @Test("inside brackets a break takes no backslash; outside it takes one", arguments: [20, 30, 40])
    func backslashOnlyOutsideBrackets(width: Int) {
        let imports = PythonWrap.lines("import math, numpy as np, torch, torch.nn as nn", width: width)
        #expect(imports.dropLast().allSatisfy { $0.hasSuffix(" \\") } && imports.allSatisfy { $0.count <= width }, "\(imports)")
        for statement in Self.statements {
            let lines = PythonWrap.lines(statement, width: width)
            var depth = 0
            for line in lines.dropLast() {
                for c in line { if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 } }
                #expect(line.hasSuffix(" \\") == (depth == 0), "\(width): \(lines)")
            }
            #expect(!lines.joined().contains("math.\\"), "\(lines)")
        }
    }

    @Test("a tuple stays whole where the line can end outside it")
    func tuplesStayWhole() {
        let lines = PythonWrap.lines("    nn.Conv2d(3, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)),", width: 48)
        #expect(lines == ["    nn.Conv2d(3, 4, kernel_size=(3, 3),", "        stride=(1, 1), padding=(1, 1)),"], "\(lines)")
    }
}
