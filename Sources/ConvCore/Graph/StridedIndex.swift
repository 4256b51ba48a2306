/// Row-major walks over a strided view (a transpose, slice, chunk or broadcast): the view's
/// index and the storage offset it reads, moved on together.
enum StridedIndex {
    /// Moves `index` to the next element of `shape` (last axis fastest) and `offset` with it by
    /// `strides`; false once the walk has passed the last element (index back at zeros).
    @inline(__always)
    static func advance(_ index: inout [Int], _ offset: inout Int, shape: [Int], strides: [Int]) -> Bool {
        var d = index.count - 1
        while d >= 0 {
            index[d] += 1
            offset += strides[d]
            if index[d] < shape[d] { return true }
            offset -= strides[d] * shape[d]
            index[d] = 0
            d -= 1
        }
        return false
    }
}
