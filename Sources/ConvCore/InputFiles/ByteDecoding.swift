extension UnsignedInteger where Self: FixedWidthInteger {
    /// The integer stored in `bytes`, least significant byte first (.npy's little-endian data).
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        self = bytes.reversed().reduce(0) { $0 << 8 | Self($1) }
    }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
