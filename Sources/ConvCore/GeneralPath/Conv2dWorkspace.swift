/// Scratch memory the general convolution path reuses between calls: the padded, stride-split
/// input, the packed weights and the tap table. Pass the same workspace to successive
/// `Conv2dForward.run` calls (a TUI recomputing on every key) to skip reallocating them;
/// one workspace serves one computation at a time.
public final class Conv2dWorkspace {
    var input = ScratchBuffer<Float>()
    var weights = ScratchBuffer<Float>()
    var offsets = ScratchBuffer<Int64>()

    /// An empty workspace; buffers grow to the largest layer computed with it.
    public init() {}

    deinit { input.release(); weights.release(); offsets.release() }

    /// Bytes currently held.
    public var bytes: Int {
        input.capacity * MemoryLayout<Float>.stride + weights.capacity * MemoryLayout<Float>.stride
            + offsets.capacity * MemoryLayout<Int64>.stride
    }
}

/// Uninitialised memory that only grows: callers write every element they later read.
struct ScratchBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var capacity = 0

    /// At least `count` elements, reusing the current block when it is large enough.
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if let base, capacity >= count { return base }
        base?.deallocate()
        let block = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base = block
        capacity = max(count, 1)
        return block
    }

    func release() { base?.deallocate() }
}
