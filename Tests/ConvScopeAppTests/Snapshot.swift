import Foundation
import Testing
import ConvScopeApp

/// Compares text with a committed snapshot under Snapshots/. A missing snapshot (or
/// CONVSCOPE_RECORD=1) writes the file and fails, so a new snapshot is always looked at once.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/\(name).txt")
    let record = ProcessInfo.processInfo.environment["CONVSCOPE_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let expectedLine = first < a.count ? String(a[first]) : "<none>"
        let actualLine = first < b.count ? String(b[first]) : "<none>"
        Issue.record("snapshot \(name) differs at line \(first + 1):\nexpected: \(expectedLine)\nactual:   \(actualLine)",
                     sourceLocation: sourceLocation)
    }
}
