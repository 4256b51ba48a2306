/// A stack's values computed in order, the wanted layer's handed out as soon as they exist: the
/// stack screen draws the selected layer's maps first (vgg16 at 224² took 249 ms to its first
/// map when every layer was computed before any was drawn) and the rest follows.
public enum StackProgressiveRun {
    /// Computes `model`'s values (whose trace is `trace`) layer by layer with
    /// `StackForward.forward`, handing `partial` a run holding every layer up to the one
    /// `wanted()` names once that layer is computed (if layers remain after it), and returns the
    /// whole run; nil once `isCancelled` says the values are no longer wanted, which is asked
    /// between layers wherever the stack can be cut (not inside a Cat's skip).
    public static func run(_ model: Model, trace: StackTrace, wanted: () -> Int, isCancelled: () -> Bool,
                           partial: (StackRun) -> Void) -> StackRun? {
        let ranCount = trace.layers.firstIndex { $0.status != .ran } ?? trace.layers.count
        var outputs = [Tensor4?](repeating: nil, count: trace.layers.count)
        var summaries = [MapValueSummary?](repeating: nil, count: trace.layers.count)
        let input = model.makeInput(), inputSummary = MapValueSummary(input)
        var current = input, handedOut = -1
        // The last output's distinct planes, as its forward kept them: the next segment starts
        // from them instead of scanning the output for equal channels again.
        var currentPlanes: FeatureMaps?
        func run() -> StackRun {
            StackRun(trace: trace, outputs: outputs, input: input, inputSummary: inputSummary, summaries: summaries)
        }
        for segment in segments(trace, count: ranCount) {
            if isCancelled() { return nil }
            let first = segment.lowerBound
            let layers = model.layers[segment].map { $0.renumberingSkip { $0 - first } }
            let part = StackTrace(inputShape: current.shape, layers: layers)
            _ = StackForward.forward(input: current, planes: currentPlanes, trace: part, weights: { model.sourcedWeights(first + $0) },
                                     isCancelled: { false }) { local, output, summary, kept in
                let index = first + local
                outputs[index] = output
                summaries[index] = summary
                current = output
                if case let .maps(planes) = kept { currentPlanes = planes } else { currentPlanes = nil }
                // The wanted layer not handed out yet, and now computed (it may have been passed
                // before it was wanted); after the last layer the whole run goes out instead.
                let target = wanted()
                if target > handedOut, index >= target, index < ranCount - 1 {
                    handedOut = index
                    partial(run())
                }
            }
            // The part traced alone runs as the whole trace says; should it ever not, the values
            // end there rather than be wrong.
            guard outputs[segment.upperBound - 1] != nil else { break }
        }
        return run()
    }

    /// The first `count` layers cut into runs that each start from the output before them: a cut
    /// before layer i only where no Cat at or after i reads a layer before i. A chain is one
    /// layer per run; a U-Net's encoder and decoder stay together.
    static func segments(_ trace: StackTrace, count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        // The smallest skip read by a Cat at index ≥ i.
        var lowestSkip = [Int](repeating: Int.max, count: count + 1)
        for index in stride(from: count - 1, through: 0, by: -1) {
            lowestSkip[index] = min(lowestSkip[index + 1], trace.layers[index].layer.catSkip ?? Int.max)
        }
        var segments: [Range<Int>] = [], start = 0
        for cut in 1..<(count + 1) where cut == count || lowestSkip[cut] >= cut {
            segments.append(start..<cut)
            start = cut
        }
        return segments
    }
}

extension StackRun {
    /// True when layer `index` has its values or never runs (it breaks, or one before it did).
    public func isComputed(_ index: Int) -> Bool { outputs[index] != nil || trace.layers[index].status != .ran }

    /// True when every layer that runs has its values; a run handed out first holds only the
    /// layers up to the one wanted.
    public var isComplete: Bool { outputs.indices.allSatisfy(isComputed) }
}
