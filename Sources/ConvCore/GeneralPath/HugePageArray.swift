import CConvKernels

/// Large float arrays a layer writes whole (its output, a random input), allocated so the kernel
/// can back all of them with 2 MB pages. glibc maps a block of a megabyte and more on its own
/// (`Engine.returnedBlockBytes`), and Linux (6.7 and later) starts a mapping whose length is a
/// whole number of 2 MB on a 2 MB boundary; any other length starts anywhere, and the partial
/// 2 MB at either end fault in 4 KB pages — half of a 4 MB output, 512 faults a key in a lab.
/// So the capacity is rounded up to whole 2 MB pages (address space only: pages never written
/// are never backed), and the pages asked to be huge stop at the data's end unless the last one
/// is at least seven eighths data (the lab's 252² × 16 output: 130 KB more held).
enum HugePageArray {
    /// Bytes a block holds besides its floats: glibc's chunk header and size field, and Swift's
    /// array header, rounded up to glibc's 16-byte granule.
    static let overhead = 64
    static let huge = 2 << 20

    /// A capacity of at least `count` floats whose block is a whole number of 2 MB pages (`count`
    /// under 2 MB).
    static func capacity(floats count: Int) -> Int {
        let bytes = count * MemoryLayout<Float>.stride
        guard bytes >= huge else { return count }
        return ((bytes + overhead + huge - 1) / huge * huge - overhead) / MemoryLayout<Float>.stride
    }

    /// Asks for 2 MB pages over the `count` floats `buffer` starts with (`convscope_prefer_huge_pages`),
    /// and over the rest of its capacity when that is at most an eighth of the last 2 MB page.
    static func advise(_ buffer: UnsafeMutableBufferPointer<Float>, count: Int) {
        guard let base = buffer.baseAddress else { return }
        let data = count * MemoryLayout<Float>.stride, spare = (buffer.count - count) * MemoryLayout<Float>.stride
        _ = convscope_prefer_huge_pages(base, Int64(spare <= huge / 8 ? data + spare : data))
    }

    /// `count` floats, every one written by `body` (given the first), in memory asked to be 2 MB
    /// pages. `body` may throw; nothing is kept then.
    static func make(count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> Void) rethrows -> [Float] {
        try [Float](unsafeUninitializedCapacity: capacity(floats: count)) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            advise(buffer, count: count)
            try body(base)
            initialized = count
        }
    }
}
