import CConvKernels
import Synchronization

/// The random input made last, kept for the next request of the same one: a screen asks for its
/// input on every key, and on a 256² 16-channel layer drawing a million random values and faulting
/// in their pages was a tenth of a key's time (a lab of 30 such screens on one server). Tensors
/// share their storage until written, so handing the same one out again costs nothing.
///
/// A random input's value i depends on its start and on i alone (`IndexedRandom`), whatever the
/// shape: a key that steps h_in or w_in (256² → 257×256 → 256²) gets the kept values it shares as
/// one copy and draws only the rest.
enum RecentRandomInput {
    /// Inputs above this many values are made afresh each time rather than kept (16 MB).
    static let largestKept = 4 << 20

    private struct Entry {
        let start: UInt64, range: ClosedRange<Int>, shape: [Int], tensor: Tensor4
    }

    private static let recent = Mutex<Entry?>(nil)

    /// The tensor `make` gives for this start, value range and shape: the kept one when it is the
    /// same, the kept values copied and the rest drawn when they are most of it, else `make()`.
    static func tensor(start: UInt64, shape: [Int], range: ClosedRange<Int>, make: () -> Tensor4) -> Tensor4 {
        let kept = recent.withLock { $0 }.flatMap { $0.start == start && $0.range == range ? $0 : nil }
        if let kept, kept.shape == shape { return kept.tensor }
        let count = shape.reduce(1, *)
        let tensor: Tensor4
        if let kept, let grown = grown(kept.tensor.storage, to: count, start: start, range: range) {
            tensor = Tensor4(shape: shape, storage: grown)
        } else {
            tensor = make()
        }
        if tensor.storage.count <= largestKept {
            recent.withLock { $0 = Entry(start: start, range: range, shape: shape, tensor: tensor) }
        }
        return tensor
    }

    /// The first `count` values of the random tensor whose first values are `kept`: those copied,
    /// the rest drawn. Nil when more than an eighth would be drawn (drawing all of it on every core
    /// is as quick then).
    static func grown(_ kept: [Float], to count: Int, start: UInt64, range: ClosedRange<Int>) -> [Float]? {
        let shared = min(kept.count, count)
        guard count > 0, count - shared <= count / 8 else { return nil }
        // All of it is written.
        return HugePageArray.make(count: count) { base in
            kept.withUnsafeBufferPointer { values in
                guard let source = values.baseAddress else { return }
                // In pieces the cores take in turn: one core copied 4 MB while the other waited.
                WindowSums.inParallel(shared, parts: WindowSums.pieces(forValues: shared)) { part in
                    (base + part.lowerBound).update(from: source + part.lowerBound, count: part.count)
                }
            }
            IndexedRandom.fill(base + shared, start: start, first: shared, count: count - shared, in: range)
        }
    }
}
