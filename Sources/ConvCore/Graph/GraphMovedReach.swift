/// The field of a map whose height and width are not its last two axes — ConvNeXt's
/// channels-last block between two permutes — kept aside with the axes they sit on, carried
/// through what keeps cells apart (activations, a LayerNorm or Linear over other axes, a
/// broadcast with a parameter), and put back when a permute returns them to the end. A reshape
/// may merge height and width into one axis (h == w, `merged` their sizes, height outer) and
/// split them again (ops-zoo's NHWC round trip): the cells keep their places, so the field stays.
struct MovedReach {
    let reach: Reach
    let h: Int, w: Int
    var merged: (height: Int, width: Int)? = nil
}

enum GraphMovedReach {
    /// One tensor input: its shape and field (on its last two axes, or moved).
    struct Input {
        let shape: [Int]
        let spatial: MovedReach?
        let isConstant: Bool
    }

    /// The field after `operation`, wherever its axes now sit; nil where it is not followed.
    static func after(_ operation: GraphOperation, _ inputs: [Input], output: [Int]) -> MovedReach? {
        guard let first = inputs.first(where: { !$0.isConstant }), let s = first.spatial else { return nil }
        let n = first.shape.count
        switch operation {
        case let .permute(dims):
            return moved(s, order: dims.map { $0 < 0 ? $0 + n : $0 })
        case let .transpose(a, b):
            var order = Array(0..<n)
            order.swapAt(a < 0 ? a + n : a, b < 0 ? b + n : b)
            return moved(s, order: order)
        case .view:
            return reshaped(s, from: first.shape, to: output)
        case .elementwise, .scalar:
            return s
        case let .layer(.shapePreserving(layer)):
            if case .batchNorm2d = layer { return nil }
            return s
        case let .layerNorm(normalized, _, _):
            return s.h < n - normalized.count && s.w < n - normalized.count ? s : nil
        case .linear:
            return s.h < n - 1 && s.w < n - 1 ? s : nil
        case .broadcast:
            let varying = inputs.filter { !$0.isConstant }
            var reach = s.reach
            for other in varying.dropFirst() {
                guard let o = other.spatial, o.h == s.h, o.w == s.w, o.merged == nil, s.merged == nil, other.shape == first.shape,
                      let both = GraphShapes.union(reach, o.reach) else { return nil }
                reach = both
            }
            return MovedReach(reach: reach, h: s.h, w: s.w, merged: s.merged)
        default:
            return nil
        }
    }

    static func moved(_ s: MovedReach, order: [Int]) -> MovedReach? {
        guard let h = order.firstIndex(of: s.h), let w = order.firstIndex(of: s.w) else { return nil }
        return MovedReach(reach: s.reach, h: h, w: w, merged: s.merged)
    }

    /// The field after a reshape from `input` to `output` that keeps height and width: both
    /// kept as axes, merged into one (height outer), or a merged axis split back into them —
    /// each where the sizes before it multiply to the same count. Nil for any other reshape.
    static func reshaped(_ s: MovedReach, from input: [Int], to output: [Int]) -> MovedReach? {
        let (height, width) = s.merged ?? (input[s.h], input[s.w])
        guard s.merged != nil || s.w == s.h + 1 else { return nil }
        let before = input[..<s.h].reduce(1, *)
        var product = 1
        for k in output.indices {
            if product == before {
                if output[k] == height, k + 1 < output.count, output[k + 1] == width {
                    return MovedReach(reach: s.reach, h: k, w: k + 1)
                }
                if output[k] == height * width { return MovedReach(reach: s.reach, h: k, w: k, merged: (height, width)) }
            }
            product *= output[k]
            if product > before { return nil }
        }
        return nil
    }
}
