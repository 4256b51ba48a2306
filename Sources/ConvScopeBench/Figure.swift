import Foundation

/// One row of the benchmark table: a workload for convscope, the same layer for torch, a goal.
struct Figure {
    enum Goal {
        /// convscope's median ≤ factor × torch's median in the same run.
        case torchRatio(Double)
        /// convscope's median ≤ this many milliseconds.
        case milliseconds(Double)

        var text: String {
            switch self {
            case let .torchRatio(factor): "≤ \(String(format: "%g", factor))× torch"
            case let .milliseconds(ms): "≤ \(Int(ms)) ms"
            }
        }

        func holds(convscope: Double, torch: Double?) -> Bool? {
            switch self {
            case let .torchRatio(factor): torch.map { convscope <= factor * $0 }
            case let .milliseconds(ms): convscope <= ms
            }
        }
    }

    var title: String
    var convscope: Workload
    var torch: Workload
    var goal: Goal?
    /// Alternating rounds for this pair when not `Runner.rounds` (a layer of a minute or more: one).
    var rounds: Int? = nil

    /// The issue's figures; `quick` shrinks every size to 64² and runs each once (CI's check).
    static func table(quick: Bool) -> [Figure] {
        let big = quick ? 64 : 1024
        let band = quick ? 4 : 16
        let runs = { (full: Int) in quick ? 1 : full }
        func layer(_ cin: Int, _ cout: Int, _ k: Int, _ weights: Workload.Weights, _ input: Workload.Input,
                   size: Int = big, band: Int? = nil, runs: Int) -> Workload {
            Workload(size: size, inChannels: cin, outChannels: cout, kernel: k, weights: weights, input: input,
                     band: band, runs: runs)
        }
        // The whole layer on both sides, once each after a warm-up: torch takes ~40 s a run.
        let generalLarge = layer(64, 64, 32, .random, .random, runs: 1)
        return [
            Figure(title: "general \(big)² 16→16 k8, random", convscope: layer(16, 16, 8, .random, .random, runs: runs(5)),
                   torch: layer(16, 16, 8, .random, .random, runs: runs(5)), goal: .torchRatio(0.67)),
            Figure(title: "general \(big)² 64→64 k32, random (whole layer, one round)", convscope: generalLarge,
                   torch: generalLarge, goal: .torchRatio(0.5), rounds: 1),
            Figure(title: "general 256² 16→16 k5, random (the lab's layer)",
                   convscope: layer(16, 16, 5, .random, .random, size: 256, runs: runs(11)),
                   torch: layer(16, 16, 5, .random, .random, size: 256, runs: runs(11)), goal: .torchRatio(1)),
            Figure(title: "general 32² 4→4 k8, random (course notes' range)",
                   convscope: layer(4, 4, 8, .random, .random, size: 32, runs: runs(21)),
                   torch: layer(4, 4, 8, .random, .random, size: 32, runs: runs(21)), goal: .torchRatio(1)),
            Figure(title: "box \(big)² 16→16 k8, all ones, ramp", convscope: layer(16, 16, 8, .ones, .ramp, runs: runs(5)),
                   torch: layer(16, 16, 8, .ones, .ramp, runs: runs(5)), goal: nil),
            Figure(title: "box \(big)² 64→64 k32, all ones, ramp", convscope: layer(64, 64, 32, .ones, .ramp, runs: runs(3)),
                   torch: layer(64, 64, 32, .ones, .ramp, band: band, runs: runs(3)), goal: nil),
        ]
    }

    /// Sizes the cost-versus-size exponent is fitted over (general path, 16→16 k8, random).
    static func scalingSizes(quick: Bool) -> [Int] { quick ? [16, 32, 64] : [32, 64, 128, 256, 512, 1024] }

    /// The scaling workload at one size.
    static func scaling(size: Int, quick: Bool) -> Workload {
        Workload(size: size, inChannels: 16, outChannels: 16, kernel: 8, weights: .random, input: .random,
                 runs: quick ? 1 : (size >= 512 ? 3 : 7))
    }
}
