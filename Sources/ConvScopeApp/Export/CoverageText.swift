import ConvCore

/// `convscope render --coverage --format text`: for each layer with windows, a grid of how many
/// windows read each input cell (for ConvTranspose2d, how many input cells write each output
/// cell), with a legend.
public enum CoverageText {
    /// The grids of every layer that ran and has windows, with PyTorch's message where the stack broke.
    public static func text(_ trace: StackTrace, unicode: Bool = true, language l: Language) -> String {
        var blocks: [String] = []
        for (index, step) in trace.layers.enumerated() {
            if case let .failed(error) = step.status {
                blocks.append("(\(trace.names[index])) \(trace.repr(index)): ✗ \(error.pythonType): \(error.message)")
            }
            guard let coverage = LayerCoverage(step) else { continue }
            blocks.append(block("(\(trace.names[index])) \(trace.repr(index))", step, coverage, l))
        }
        if blocks.isEmpty { blocks.append(StackWords.noWindows(l)) }
        let text = blocks.joined(separator: "\n\n") + "\n"
        return unicode ? text : StackTable.asciiText(text)
    }

    static func block(_ heading: String, _ step: LayerTrace, _ coverage: LayerCoverage, _ l: Language) -> String {
        let reads = coverage.of == "input"
        let shape = reads ? step.inputShape! : step.outputShape!
        let title = heading + ": " + StackWords.coverageTitle(l, reads: reads, size: "\(shape[2])×\(shape[3])")
        let all = coverage.counts.flatMap { $0 }
        let width = String(all.max() ?? 0).count
        let grid = coverage.counts.map { row in
            row.map { String($0).leftPadded(to: width, with: " ") }.joined(separator: " ")
        }
        let zeros = all.filter { $0 == 0 }.count
        let legend = StackWords.coverageLegend(l, reads: reads, min: all.min() ?? 0, max: all.max() ?? 0, zeros: zeros,
                                               cells: all.count)
        return ([title] + grid + [legend]).joined(separator: "\n")
    }
}
