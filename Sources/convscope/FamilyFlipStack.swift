import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --layer … --flip`: a stack's values with every Conv2d's kernel flipped (the true
/// convolution), as JSON in the stack's own schema.
extension RenderCommand {
    func renderFlippedStack() throws {
        let allowed: Set<ParameterID> = [.hIn, .wIn, .inChannels, .kernel]
        if let (flag, _) = parameters.given.first(where: { !Set($0.flag.rows).isSubset(of: allowed) }) {
            throw ValidationError("\(flag.flag) with --flip and a stack: allowed --kernel PRESET (every Conv2d's kernel before "
                + "the flip) and --h-in, --w-in, --in-channels (the input).")
        }
        guard format == .json, !stack.table, !stack.coverage else {
            throw ValidationError("--flip with a stack writes every layer's values: give --format json "
                + "(--layers shows the shapes, which the flip does not change).")
        }
        guard case let .layers(printed) = try stack.parse() else {
            throw ValidationError("--flip flips the Conv2d kernels of print(model)'s stack or of --layer strings; "
                + "a torch.fx print's graph is not flipped.")
        }
        var preset = KernelPreset.ones
        if let word = parameters.words[ParameterID.kernel.spec.flagName] {
            guard let chosen = KernelPreset(argument: word) else {
                throw ValidationError("--kernel \(word) with --flip: allowed a preset, " + KernelPreset.all.map(\.argument).joined(separator: ", ") + ".")
            }
            preset = chosen
        }
        let layers = printed.layers
        let (sizes, channels) = try parameters.modelInput()
        var input = sizes
        input.inChannels = channels ?? Model.expectedChannels(layers) ?? sizes.inChannels
        let trace = StackTrace(inputShape: input.inputShape, layers: layers, names: printed.names)
        try Self.checkComputable(trace, values: true)
        try writeStackValues(InputSource.rampX.makeInput(input), trace) { FlippedStack.weights(layers[$0], preset: preset) }
        if trace.failure != nil { throw ExitCode(1) }
    }
}
