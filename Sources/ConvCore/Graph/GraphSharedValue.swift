/// A node's value as a forward keeps it between nodes: a [1, C, H, W] map as its distinct
/// planes (the course notebook's all-ones convolutions give every output channel the same plane,
/// so a ResNet's 2,048 channels are one plane stored once), anything else as it is.
public enum GraphSharedValue: Sendable {
    /// A batch-1 map, each distinct channel stored once.
    case maps(FeatureMaps)
    /// A tensor each of whose rows along the last axis holds one value repeated (ConvNeXt's
    /// channels-last blocks of maps that are one plane).
    case rows(GraphRows)
    /// A value of another rank, several tensors, sizes or an integer.
    case value(GraphValue)

    /// A value, a batch-1 rank-4 tensor scanned for channels holding the same plane (bit for bit).
    init(_ value: GraphValue) {
        if case let .tensor(t) = value, t.shape.count == 4, t.shape[0] == 1 {
            self = .maps(FeatureMaps(Tensor4(shape: t.shape, storage: t.storage)))
        } else {
            self = .value(value)
        }
    }

    /// The value with every channel written out.
    public var expanded: GraphValue {
        switch self {
        case let .maps(maps): .tensor(GraphTensor(maps.tensor))
        case let .rows(rows): .tensor(rows.expanded)
        case let .value(value): value
        }
    }
}

extension FeatureMaps {
    /// The distinct planes as a tensor [1, planes, H, W], for a kernel that treats each channel alone.
    var distinctPlanes: Tensor4 {
        Tensor4(shape: [1, distinctPlaneCount, shape[2], shape[3]], storage: storage)
    }

    /// The same sharing of planes with new plane values (`planes` holds one plane per distinct
    /// plane, of `size` height × width).
    func replacingPlanes(_ planes: [Float], height: Int, width: Int) -> FeatureMaps {
        FeatureMaps(shape: [1, shape[1], height, width], planeOfChannel: planeOfChannel, storage: planes)
    }
}
