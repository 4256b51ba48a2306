import Foundation
import Testing

/// Runs each program in one python3 (torch imported by the programs) and returns each one's `y`,
/// flattened; a failing Python is recorded as an issue with its error.
func torchOutputs(of programs: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[Float]] {
    let script = """
        import json, sys
        for code in json.load(sys.stdin):
            scope = {}
            exec(code, scope)
            print('@@' + json.dumps(scope['y'].detach().flatten().tolist()))
        """
    let result = shell("python3 -c \(shellQuoted(script))", input: String(data: try JSONEncoder().encode(programs), encoding: .utf8)!)
    #expect(result.status == 0, "\(result.err)", sourceLocation: sourceLocation)
    return result.out.split(separator: "\n").filter { $0.hasPrefix("@@") }
        .map { try! JSONDecoder().decode([Float].self, from: Data($0.dropFirst(2).utf8)) }
}
