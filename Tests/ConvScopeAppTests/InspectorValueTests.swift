import ConvCore
import Foundation
import Testing
@testable import ConvScopeApp

/// However narrow the inspector's room and in either language, its last line ends with the cell's
/// value once `output[c, y, x] = value` itself fits: the value is never the part clipped.
@Suite("Inspector keeps the value")
struct InspectorValueTests {
    @Test(arguments: [Language.en, .ru])
    func theValueEndsTheLastLineAtEveryWidth(language: Language) throws {
        var state = AppState()
        _ = update(&state, .inspect(.output, CellCursor(channel: 0, y: 0, x: 0)))
        let experiment = try ConvExperiment(state.parameters)
        let env = RenderEnvironment(language: language)
        for maxLines in 1...2 {
            for width in "output[0, 0, 0] = 27".count...90 {
                let lines = InspectorText.lines(state, experiment: experiment, environment: env, width: width, maxLines: maxLines)
                #expect(lines.count <= maxLines && lines.allSatisfy { $0.count <= width })
                #expect(lines.last?.hasSuffix("= 27") == true, "\(language) width \(width), \(maxLines) lines: \(lines)")
            }
        }
    }
}

/// The inspector's sum is the user's check of a cell: its weight·input terms must add up to the
/// value it shows. With a kernel that is not its own transpose (sobel-x, a random 3×5) and an
/// input that changes along x and y, weights read as [kx, ky] would give another sum.
@Suite("Inspector terms add up to the value")
struct InspectorSumTests {
    /// The numbers of `text`, with the typographic minus.
    static func number(_ text: Substring) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-"))
    }

    static func check(_ change: (inout Conv2dSettings) -> Void, cells: [CellCursor]) throws {
        var state = AppState()
        change(&state.parameters)
        let experiment = try ConvExperiment(state.parameters)
        let env = RenderEnvironment(language: .en)
        for cell in cells {
            _ = update(&state, .inspect(.output, cell))
            let line = try #require(InspectorText.lines(state, experiment: experiment, environment: env,
                                                         width: 2000, maxLines: 1).first)
            let parts = line.components(separatedBy: " = ")
            // … = terms = value (no bias, no padding here: the terms are the part before the value).
            try #require(parts.count >= 3, "\(line)")
            var total = 0.0
            for term in parts[parts.count - 2].split(separator: "+") {
                let factors = term.components(separatedBy: env.glyphs.dot)
                let w = try #require(Self.number(Substring(factors[0])), "\(term)")
                let x = try #require(Self.number(Substring(factors[factors.count - 1])), "\(term)")
                #expect(factors.count == 2, "\(term)")
                total += w * x
            }
            let shown = try #require(parts.last.flatMap { Self.number(Substring($0)) }, "\(line)")
            #expect(abs(total - shown) <= 1e-3 * max(1, abs(shown)), "\(cell): the terms add up to \(total): \(line)")
        }
    }

    @Test func sobelXOnAnInputThatVariesBothWays() throws {
        try Self.check({ $0.kernel = .preset(.sobelX); $0.input = .generated(.random(start: 3)) },
                       cells: [CellCursor(channel: 0, y: 1, x: 2), CellCursor(channel: 1, y: 4, x: 0)])
    }

    @Test func aRandomThreeByFiveKernel() throws {
        try Self.check({ $0.kernel = .preset(.random(start: 5)); $0.geometry.kernelSizeW = 5; $0.input = .generated(.random(start: 4)) },
                       cells: [CellCursor(channel: 0, y: 2, x: 1), CellCursor(channel: 1, y: 5, x: 3)])
    }
}
