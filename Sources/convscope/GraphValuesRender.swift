import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --model FX_PRINT --format json`: every node's values, streamed node by node.
extension RenderCommand {
    func renderGraphValues(_ model: Model, _ trace: GraphTrace) throws {
        if stack.depth != nil { throw ValidationError("--depth folds the text table of --layers; values list every node.") }
        if let (index, message) = GraphForward.uncomputable(trace) {
            throw ValidationError("node \(trace.steps[index].node.name) (line \(trace.steps[index].node.line)): \(message); "
                + "--layers shows its shapes.")
        }
        for step in trace.steps {
            for shape in [step.outputShape].compactMap({ $0 }) where StackTrace.elementCount(shape) > Self.mapValueLimit {
                throw ValidationError("node \(step.node.name) makes a map of \(shape.map(String.init).joined(separator: "×")), "
                    + "more than the \(Self.mapValueLimit) values convscope computes and prints; --layers shows its shapes.")
            }
        }
        // Convolution weights are built (one layer at a time); a Linear's all-ones rows are summed, never built.
        let built = trace.steps.reduce(0) { total, step in
            switch step.node.operation {
            case .layer, .family: return Int.saturatingSum(total, step.parameterCount)
            default: break
            }
            return total
        }
        if built > StackLimits.weightsComputed {
            throw ValidationError("the model's convolutions have \(built) weights, more than the \(StackLimits.weightsComputed) "
                + "convscope builds to compute its values; --layers shows its shapes and costs.")
        }
        // The course notebook's ramp along the last axis, for a map, a sequence or a volume alike.
        let ramp = TensorN.ramp(shape: trace.inputShape)
        let input = GraphTensor(shape: ramp.shape, storage: ramp.storage)
        var ok = true
        try withOutput { sink in
            var writer = StackJSONWriter { sink.write($0) }
            ok = writer.writeGraphValues(trace, inputName: model.inputName, input: input)
        }
        if !ok { throw ExitCode(1) }
    }
}
