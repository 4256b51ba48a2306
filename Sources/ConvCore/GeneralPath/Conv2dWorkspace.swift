import CConvKernels

/// Scratch memory the general convolution path reuses between calls: the padded, stride-split
/// input, the packed weights and the tap table, the FFT path's kernel spectra and its workers'
/// tile buffers, and the Winograd path's band planes. Pass the same workspace to successive
/// `Conv2dForward.run` calls (a TUI recomputing on every key) to skip reallocating them;
/// one workspace serves one computation at a time.
public final class Conv2dWorkspace {
    var input = ScratchBuffer<Float>()
    var weights = ScratchBuffer<Float>()
    var offsets = ScratchBuffer<Int64>()
    var spectra = ScratchBuffer<Double>()
    /// One tile buffer per FFT worker.
    var tiles: [ScratchBuffer<Double>] = []
    /// One buffer per Winograd worker: the transformed planes of the band it computes.
    var bands: [ScratchBuffer<Float>] = []

    /// An empty workspace; buffers grow to the largest layer computed with it.
    public init() {}

    deinit {
        input.release(); weights.release(); offsets.release(); spectra.release()
        for buffer in tiles { buffer.release() }
        for buffer in bands { buffer.release() }
    }

    /// Bytes currently held.
    public var bytes: Int {
        input.capacity * MemoryLayout<Float>.stride + weights.capacity * MemoryLayout<Float>.stride
            + offsets.capacity * MemoryLayout<Int64>.stride
            + (spectra.capacity + tiles.reduce(0) { $0 + $1.capacity }) * MemoryLayout<Double>.stride
            + bands.reduce(0) { $0 + $1.capacity } * MemoryLayout<Float>.stride
    }
}

/// Uninitialised memory that only grows: callers write every element they later read. Blocks of
/// 2 MB and more start on a 2 MB boundary in transparent huge pages (`convscope_prefer_huge_pages`),
/// so writing them the first time faults once per 2 MB instead of once per 4 KB.
struct ScratchBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var capacity = 0

    /// At least `count` elements, reusing the current block when it is large enough.
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if let base, capacity >= count { return base }
        base?.deallocate()
        let bytes = max(count, 1) * MemoryLayout<Element>.stride
        let alignment = bytes >= Self.hugePage ? Self.hugePage : MemoryLayout<Element>.alignment
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: alignment)
        if bytes >= Self.hugePage { _ = convscope_prefer_huge_pages(raw, Int64(bytes)) }
        let block = raw.bindMemory(to: Element.self, capacity: max(count, 1))
        base = block
        capacity = max(count, 1)
        return block
    }

    func release() { base?.deallocate() }

    /// Bytes of a transparent huge page (x86-64 and arm64 Linux).
    static var hugePage: Int { 2 << 20 }
}
