import Synchronization

/// Hands out work numbers 0, 1, 2, … (or batches of them) to whichever worker asks next. Work
/// is taken a piece at a time rather than split in advance: on a shared machine a worker that
/// loses its core for a while takes fewer pieces instead of holding the others back at the end.
final class WorkCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// A counter at 0.
    init() {}

    /// Takes the next `count` numbers (one by default) across all workers; returns the first.
    func take(_ count: Int = 1) -> Int { next.add(count, ordering: .relaxed).oldValue }
}
