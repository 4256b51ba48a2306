/// The size control a U-Net needs: which output_padding lets an up-convolution meet its skip,
/// and which input sizes a strided layer folds onto the same output size.
public enum UNetSizing {
    /// The output_padding per axis that makes `layer` turn an `input` H×W into `target` H×W, or nil on
    /// an axis where none can: PyTorch allows 0 ≤ output_padding < max(stride, dilation).
    public static func outputPadding(for layer: ConvTranspose2dLayer, input: SpatialPair, target: SpatialPair)
        -> (h: Int?, w: Int?)
    {
        func solve(_ axis: PaddingSpec.Axis) -> Int? {
            var without = layer
            without.outputPadding = SpatialPair(square: 0)
            // A target near Int.max less a negative size (a layer too large for its input) passes Int: no padding meets it.
            let (needed, overflow) = target[axis].subtractingReportingOverflow(without.outputSize(input: input[axis], axis: axis))
            if overflow { return nil }
            let limit = max(layer.stride[axis], layer.dilation[axis])
            return (0..<limit).contains(needed) ? needed : nil
        }
        return (solve(.height), solve(.width))
    }

    /// The output_padding a ConvTranspose2d at `index` needs so that the Cat right after it
    /// meets its skip; nil when layer `index` is not a ConvTranspose2d followed by a Cat or the
    /// trace did not reach the transposed layer.
    public static func outputPaddingForCat(trace: StackTrace, index: Int) -> (h: Int?, w: Int?)? {
        guard index + 1 < trace.layers.count, case let .convTranspose2d(layer) = trace.layers[index].layer,
              case let .cat(cat) = trace.layers[index + 1].layer, let input = trace.layers[index].inputShape,
              cat.skip < index, let skip = trace.layers[cat.skip].outputShape, !cat.crop else { return nil }
        return outputPadding(for: layer, input: SpatialPair(input[2], input[3]), target: SpatialPair(skip[2], skip[3]))
    }

    /// Every input size in `sizes` that `outputSize` maps onto the same output size as `input`:
    /// with stride 2, a 3×3 kernel and padding 1, 7 and 8 both give 4.
    public static func inputsSharingOutput(with input: Int, in sizes: ClosedRange<Int>, outputSize: (Int) -> Int)
        -> [Int]
    {
        let target = outputSize(input)
        return sizes.filter { outputSize($0) == target }
    }

    /// The output size along `axis` of a windowed layer (Conv2d, pools) for an input size; nil for
    /// other layers.
    public static func outputSizeFunction(of layer: StackLayer, axis: PaddingSpec.Axis) -> ((Int) -> Int)? {
        switch layer {
        case let .conv2d(l):
            return { size in
                let pad = l.appliedPadding(axis).total, k = l.dilation[axis] * (l.kernelSize[axis] - 1) + 1
                return size + pad >= k ? (size + pad - k) / l.stride[axis] + 1 : 0
            }
        case let .maxPool2d(l): return { l.window.outputSize(input: $0, axis: axis) }
        case let .avgPool2d(l): return { l.window.outputSize(input: $0, axis: axis) }
        default: return nil
        }
    }
}
