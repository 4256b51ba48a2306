/// One row of the benchmark table: a workload for convscope, the same layer for torch, a goal.
struct Figure {
    enum Goal {
        /// convscope's median ≤ factor × torch's median in the same run.
        case torchRatio(Double)
        /// convscope's median ≤ this many milliseconds.
        case milliseconds(Double)

        var text: String {
            switch self {
            case let .torchRatio(factor): "≤ \(factor.formatted1)× torch"
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

    /// The figures; `quick` shrinks every size to 64² and runs each once (CI's check).
    static func table(quick: Bool) -> [Figure] {
        let big = quick ? 64 : 1024
        let band = quick ? 4 : 16
        let runs = { (full: Int) in quick ? 1 : full }
        func layer(_ cin: Int, _ cout: Int, _ k: Int, _ weights: Workload.Weights, _ input: Workload.Input,
                   size: Int = big, band: Int? = nil, runs: Int) -> Workload {
            Workload(size: size, inChannels: cin, outChannels: cout, kernel: k, weights: weights, input: input,
                     band: band, runs: runs)
        }
        let generalLarge = layer(64, 64, 32, .random, .random, band: band, runs: runs(3))
        return [
            Figure(title: "general \(big)² 16→16 k8, random", convscope: layer(16, 16, 8, .random, .random, runs: runs(5)),
                   torch: layer(16, 16, 8, .random, .random, runs: runs(5)), goal: .torchRatio(1)),
            Figure(title: "general \(big)² 64→64 k32, random (\(band) rows, scaled)", convscope: generalLarge,
                   torch: generalLarge, goal: .torchRatio(1)),
            Figure(title: "general 32² 4→4 k8, random (course notes' range)",
                   convscope: layer(4, 4, 8, .random, .random, size: 32, runs: runs(21)),
                   torch: layer(4, 4, 8, .random, .random, size: 32, runs: runs(21)), goal: .milliseconds(16)),
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

extension Double {
    /// One decimal place.
    var formatted1: String { String(format: "%.1f", self) }
}
