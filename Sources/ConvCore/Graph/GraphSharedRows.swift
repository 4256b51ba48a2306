/// A tensor whose every row along the last axis is one value repeated: maps of one plane moved
/// channels-last (ConvNeXt's `permute(0, 2, 3, 1)`), kept as one value per row.
public struct GraphRows: Equatable, Sendable {
    /// The tensor's sizes, outermost first; the last is the length of each row.
    public let shape: [Int]
    /// One value per row, rows in row-major order.
    public let values: [Float]

    /// The tensor with every row written out.
    public var expanded: GraphTensor {
        let width = shape.last ?? 1
        var storage: [Float] = []
        storage.reserveCapacity(values.count * width)
        for v in values { storage += repeatElement(v, count: width) }
        return GraphTensor(shape: shape, storage: storage)
    }
}

/// The operations of a channels-last block on rows of one value, each giving the whole tensor's
/// values bit for bit: the rows' own arithmetic is the whole kernel's, run on one row of the
/// repeated value (a LayerNorm's and a Linear's Double sums add the same terms in the same order).
/// nil where the whole tensors are needed.
enum GraphSharedRows {
    static func value(_ operation: GraphOperation, _ inputs: [GraphSharedValue], shape: [Int]) -> GraphSharedValue? {
        switch (operation, inputs.first) {
        case let (.permute(dims), .maps(m)?) where m.distinctPlaneCount == 1 && normalized(dims) == [0, 2, 3, 1]:
            // Every channel of a cell holds the plane's value there: rows in (h, w) order.
            return .rows(GraphRows(shape: shape, values: m.storage))
        case let (.permute(dims), .rows(r)?) where r.shape.count == 4 && normalized(dims) == [0, 3, 1, 2]:
            return .maps(FeatureMaps(shape: shape, planeOfChannel: Array(repeating: 0, count: shape[1]), storage: r.values))
        case let (.layerNorm(normalized, eps, _), .rows(r)?) where normalized == [r.shape.last ?? 0]:
            let width = normalized[0]
            return .rows(GraphRows(shape: shape, values: r.values.map { layerNormOfRepeated($0, count: width, eps: eps) }))
        case let (.linear(inFeatures, _, _), .rows(r)?) where r.shape.last == inFeatures && shape.count == r.shape.count:
            // All-ones weights: each output of a row is the row's sum, added in Double term by term.
            return .rows(GraphRows(shape: shape, values: r.values.map { Float(sumOfRepeated($0, count: inFeatures)) }))
        case let (_, .rows(r)?) where r.shape == shape && isCellByCell(operation):
            // The whole kernel on one value per row: the same function of each value.
            let values = GraphTensor(shape: [r.values.count], storage: r.values)
            return .rows(GraphRows(shape: shape, values: GraphKernels.tensor(operation, values, [], shape: values.shape) { _ in 0 }.storage))
        case let (.broadcast(op), _) where inputs.count == 2:
            return scaled(op, inputs[0], inputs[1], shape: shape).map(GraphSharedValue.maps)
        default:
            return nil
        }
    }

    /// `GraphKernels.layerNorm` of `count` copies of `v` (every output the same), its Double sums
    /// added term by term in the same order, without a row written out: ConvNeXt at 448² has
    /// 12,544 rows a block, and a row allocated for each took a quarter of the forward.
    static func layerNormOfRepeated(_ v: Float, count: Int, eps: Double) -> Float {
        // Finite: the mean is v exactly (`sumOfRepeated`), so every deviation is 0 and, with eps > 0
        // keeping the scale finite, (v − mean)·scale is a zero with the sign of v − mean: −0 for
        // v = −0 (the sum started at +0), else +0.
        if v.isFinite, count > 0, count < exactRepeats, eps > 0 { return v == 0 ? v : 0 }
        let x = Double(v)
        var mean = 0.0
        for _ in 0..<count { mean += x }
        mean /= Double(count)
        var variance = 0.0
        for _ in 0..<count { variance += (x - mean) * (x - mean) }
        let scale = 1 / (variance / Double(count) + eps).squareRoot()
        return Float((x - mean) * scale)
    }

    /// Copies of a float below this count add up exactly in Double: each partial sum k·v needs at
    /// most 24 + 29 significant bits.
    static let exactRepeats = 1 << 29

    /// `count` copies of `v` added in Double term by term from 0: exactly count · v for a finite v
    /// and fewer than `exactRepeats` copies (+0 for either zero, as 0 + (−0) is +0), else the loop.
    static func sumOfRepeated(_ v: Float, count: Int) -> Double {
        if v.isFinite, count < exactRepeats { return v == 0 || count <= 0 ? 0 : Double(count) * Double(v) }
        var sum = 0.0
        for _ in 0..<count { sum += Double(v) }
        return sum
    }

    /// True for a function of each value alone (GELU, a scalar's arithmetic; not BatchNorm2d,
    /// whose channel is the second axis).
    static func isCellByCell(_ operation: GraphOperation) -> Bool {
        switch operation {
        case .elementwise, .scalar: true
        case let .layer(.shapePreserving(layer)): if case .batchNorm2d = layer { false } else { true }
        default: false
        }
    }

    /// Dimensions counted from the front.
    static func normalized(_ dims: [Int]) -> [Int] { dims.map { $0 < 0 ? $0 + dims.count : $0 } }

    /// `a op b` of maps and one number per channel (a ConvNeXt block's layer scale [C, 1, 1]):
    /// each pair of plane and number that some channel meets computed once.
    static func scaled(_ op: String, _ a: GraphSharedValue, _ b: GraphSharedValue, shape: [Int]) -> FeatureMaps? {
        let f = GraphSharedKernels.arithmetic(op)
        let maps: FeatureMaps, numbers: GraphTensor, numbersFirst: Bool
        switch (a, b) {
        case let (.maps(m), .value(.tensor(t))): (maps, numbers, numbersFirst) = (m, t, false)
        case let (.value(.tensor(t)), .maps(m)): (maps, numbers, numbersFirst) = (m, t, true)
        default: return nil
        }
        guard maps.shape == shape, numbers.shape.count <= 4 else { return nil }
        // [C, 1, 1] gives each channel its number, a single number (a parameter the print gives no shape) all of them.
        let padded = Array(repeating: 1, count: 4 - numbers.shape.count) + numbers.shape, channels = shape[1]
        guard padded == [1, channels, 1, 1] || padded == [1, 1, 1, 1] else { return nil }
        let number = { (c: Int) in numbers.storage[padded[1] == 1 ? 0 : c] }
        return GraphSharedKernels.planesOnce(shape: shape, key: { [UInt32(maps.planeOfChannel[$0]), number($0).bitPattern] }) { c in
            let n = number(c)
            return maps.plane(maps.planeOfChannel[c]).map { numbersFirst ? f(n, $0) : f($0, n) }
        }
    }
}
