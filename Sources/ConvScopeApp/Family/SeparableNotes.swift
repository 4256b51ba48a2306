import ConvCore

/// The `--layers` note on a depthwise-separable pair: a depthwise Conv2d (groups = C_in = C_out)
/// followed, past any shape-preserving layers (BatchNorm2d, ReLU, …), by a pointwise 1×1 Conv2d;
/// it says what the pair costs against one plain Conv2d with the same output (MobileNet's ratio).
enum SeparableNotes {
    static func notes(_ trace: StackTrace, language l: Language) -> [String] {
        var notes: [String] = []
        for (index, step) in trace.layers.enumerated() {
            guard case let .conv2d(depthwise) = step.layer, depthwise.groups > 1, depthwise.groups == depthwise.inChannels,
                  depthwise.outChannels == depthwise.inChannels, step.outputShape != nil,
                  let next = trace.layers[(index + 1)...].first(where: { if case .shapePreserving = $0.layer { false } else { true } }),
                  case let .conv2d(pointwise) = next.layer, pointwise.kernelSize == SpatialPair(square: 1),
                  pointwise.groups == 1, pointwise.stride == SpatialPair(square: 1), let output = next.outputShape
            else { continue }
            let cost = DepthwiseSeparableCost(inChannels: depthwise.inChannels, outChannels: pointwise.outChannels,
                                              kernelH: depthwise.kernelSize.h, kernelW: depthwise.kernelSize.w,
                                              outputH: output[2], outputW: output[3])
            let pair = "(\(trace.names[index])) + (\(trace.names[trace.layers.firstIndex(of: next)!]))"
            notes.append(FamilyText.separableNote(pair: pair, cost, l))
        }
        return notes
    }
}
