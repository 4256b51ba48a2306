import Testing
import ConvCore
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
