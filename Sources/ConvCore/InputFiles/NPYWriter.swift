/// Writes NumPy's .npy format (version 1, float32, C order): what `NPYReader` reads, so tests
/// can hand convscope the files numpy would write.
enum NPYWriter {
    /// The bytes of a float32 array of `shape` holding `values` in C order.
    static func float32(_ values: [Float], shape: [Int]) -> [UInt8] {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(dims), }"
        // The magic, version and length take 10 bytes; numpy pads the header to a multiple of 64.
        while (10 + header.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)]
        bytes += Array(header.utf8)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        return bytes
    }
}
