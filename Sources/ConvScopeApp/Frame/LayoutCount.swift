import Synchronization

/// Counts the screen layouts computed (the course screen's and the model screen's stack) while a
/// test runs its run loop, so the test can say how many layouts a key costs per drawn frame.
/// Bound to a task (`$current`), so tests running at the same time never count each other's.
final class LayoutCount: Sendable {
    private let count = Mutex(0)

    /// The counter of the running test, if one is counting.
    @TaskLocal static var current: LayoutCount?

    /// Counts one layout for the test counting, if any.
    static func layoutComputed() { current?.count.withLock { $0 += 1 } }

    /// The layouts counted so far.
    var value: Int { count.withLock { $0 } }

    init() {}
}
