import ConvCore

/// Computed maps are equal when they hold the same values for the same settings and region. Maps
/// handed from the engine to the state share their arrays (copy-on-write), so comparing a state
/// with its copy compares buffers, not values.
extension ComputedMaps: Equatable {
    public static func == (a: ComputedMaps, b: ComputedMaps) -> Bool {
        let x = a.experiment, y = b.experiment
        return x.parameters == y.parameters && x.coverage == y.coverage && x.sampledPitch == y.sampledPitch
            && x.output == y.output && x.input == y.input && x.kernels == y.kernels
    }
}
