/// How often each cell is touched by a layer's windows: the floor's dropped rows, gaps when the
/// stride exceeds the kernel, and the uneven overlaps behind checkerboard artefacts.
public enum Coverage {
    /// For Conv2d and the pools: how many window taps read each input cell (a Conv2d tap in
    /// reflect/replicate/circular padding reads the cell its value comes from). For ConvTranspose2d: how many input cells write each output cell (the
    /// uneven counts when the kernel is not a multiple of the stride, Odena et al. 2016).
    /// Returns rows × columns counts, or nil for layers without windows.
    public static func counts(layer: StackLayer, input: SpatialPair) -> [[Int]]? {
        let axes: (h: [Int], w: [Int])
        switch layer {
        case let .conv2d(l):
            axes = (l.heightTaps(input.h), l.widthTaps(input.w))
        case let .maxPool2d(l): axes = l.window.taps(input)
        case let .avgPool2d(l): axes = l.window.taps(input)
        case let .convTranspose2d(l):
            axes = (l.writes(input: input.h, axis: .height), l.writes(input: input.w, axis: .width))
        default: return nil
        }
        // Windows are separable: a cell's count is its row's count times its column's.
        return axes.h.map { r in axes.w.map { r * $0 } }
    }
}

extension Conv2dLayer {
    func heightTaps(_ size: Int) -> [Int] { spec(inputHeight: size, inputWidth: 1).heightAxis.readCounts }
    func widthTaps(_ size: Int) -> [Int] { spec(inputHeight: 1, inputWidth: size).widthAxis.readCounts }
}

extension PaddedAxis {
    /// How many taps read each input index: a tap in reflect, replicate or circular padding reads
    /// the cell its value comes from; a zero-padding tap reads no cell.
    var readCounts: [Int] {
        var counts = [Int](repeating: 0, count: size)
        for o in 0..<outputSize {
            for k in 0..<kernel {
                if let i = source(of: index(output: o, tap: k)) { counts[i] += 1 }
            }
        }
        return counts
    }
}

extension PoolWindow {
    func taps(_ input: SpatialPair) -> (h: [Int], w: [Int]) {
        (taps(input: input.h, axis: .height), taps(input: input.w, axis: .width))
    }

    /// How many windows read each input index along one axis.
    func taps(input size: Int, axis: PaddingSpec.Axis) -> [Int] {
        var counts = [Int](repeating: 0, count: size)
        for o in 0..<max(outputSize(input: size, axis: axis), 0) {
            for k in 0..<kernel[axis] {
                let i = start(output: o, axis: axis) + k * dilation[axis]
                if i >= 0 && i < size { counts[i] += 1 }
            }
        }
        return counts
    }
}

extension ConvTranspose2dLayer {
    /// How many input indices write each output index along one axis.
    func writes(input size: Int, axis: PaddingSpec.Axis) -> [Int] {
        let out = max(outputSize(input: size, axis: axis), 0)
        var counts = [Int](repeating: 0, count: out)
        for i in 0..<size {
            for k in 0..<kernelSize[axis] {
                let o = i * stride[axis] - padding[axis] + k * dilation[axis]
                if o >= 0 && o < out { counts[o] += 1 }
            }
        }
        return counts
    }
}
