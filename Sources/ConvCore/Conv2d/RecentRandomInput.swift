import Synchronization

/// The random input made last, kept for the next request of the same one: a screen asks for its
/// input on every key, and on a 256² 16-channel layer drawing a million random values and faulting
/// in their pages was a tenth of a key's time (a lab of 30 such screens on one server). Tensors
/// share their storage until written, so handing the same one out again costs nothing.
enum RecentRandomInput {
    /// Inputs above this many values are made afresh each time rather than kept (16 MB).
    static let largestKept = 4 << 20

    private struct Entry {
        let start: UInt64, shape: [Int], tensor: Tensor4
    }

    private static let recent = Mutex<Entry?>(nil)

    /// The tensor `make` gives for this start and shape, made only when it is not the last one kept.
    static func tensor(start: UInt64, shape: [Int], make: () -> Tensor4) -> Tensor4 {
        if let kept = recent.withLock({ $0 }), kept.start == start, kept.shape == shape { return kept.tensor }
        let tensor = make()
        if tensor.storage.count <= largestKept {
            recent.withLock { $0 = Entry(start: start, shape: shape, tensor: tensor) }
        }
        return tensor
    }
}
