/// convscope's skip connection: `torch.cat([skip, current], dim=1)` where `skip` is the output of
/// the earlier layer `skip` (0-based index in the layer list, Cat layers counted) and `current`
/// the previous layer's output. With `crop`, the skip is first centre-cropped to the current
/// map's size, as the U-Net paper's "copy and crop" does (torchvision's `center_crop` offsets).
public struct CatLayer: Equatable, Hashable, Sendable {
    /// Index of the earlier layer whose output is concatenated.
    public var skip: Int
    /// Centre-crop the skip to the current size before concatenating.
    public var crop: Bool

    /// A skip from layer `skip`.
    public init(skip: Int, crop: Bool = false) { self.skip = skip; self.crop = crop }

    /// The layer string that builds it: `Cat(3)` or `Cat(3, crop=True)`.
    public var pytorchRepr: String { crop ? "Cat(\(skip), crop=True)" : "Cat(\(skip))" }

    /// torchvision's centre-crop offset: round((from − to) / 2), halves to even like Python's round.
    public static func cropOffset(from: Int, to: Int) -> Int {
        let twice = from - to
        if twice % 2 == 0 { return twice / 2 }
        let down = twice / 2   // twice > 0 here: the half rounds to the even neighbour
        return down % 2 == 0 ? down : down + 1
    }
}

extension CatLayer {
    /// torch.cat([skip, current], 1) of maps of these shapes, the skip centre-cropped first when
    /// `crop` says so: the skip's shape as joined, or the refusal (PyTorch's words for sizes).
    public func joinedSkipShape(skip: [Int], current: [Int]) throws(StackLayerError) -> [Int] {
        guard crop else {
            // torch.cat compares every dimension but 1 with tensor 0's, in order.
            for dim in [0, 2, 3] where skip[dim] != current[dim] { throw .catSizes(expected: skip[dim], got: current[dim]) }
            return skip
        }
        guard skip[2] >= current[2] && skip[3] >= current[3] else {
            throw .catCropTooSmall(skipShape: skip, currentShape: current)
        }
        if skip[0] != current[0] { throw .catSizes(expected: skip[0], got: current[0]) }
        return [skip[0], skip[1], current[2], current[3]]
    }
}
