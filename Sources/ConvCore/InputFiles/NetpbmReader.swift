/// Reads Netpbm grey maps (P2 plain, P5 raw) and pixel maps (P3 plain, P6 raw): one channel per
/// colour, values are the samples themselves (0…maxval), so integer results stay exact.
/// https://netpbm.sourceforge.net/doc/pgm.html and ppm.html
enum NetpbmReader {
    /// The input (1, 1 or 3, height, width); the size is checked from the header first.
    static func read(_ bytes: [UInt8]) throws(InputFileError.Problem) -> Tensor4 {
        var scanner = Scanner(bytes: bytes)
        let magic = try scanner.token()
        guard let kind = ["P2": (1, false), "P5": (1, true), "P3": (3, false), "P6": (3, true)][magic] else {
            throw .badHeader("magic '\(magic)', expected P2, P5, P3 or P6")
        }
        let (channels, raw) = kind
        let width = try scanner.headerNumber("width"), height = try scanner.headerNumber("height")
        let maxval = try scanner.headerNumber("maxval")
        guard width >= 1, height >= 1 else { throw .emptyDimension([height, width]) }
        guard (1...65535).contains(maxval) else { throw .badHeader("maxval \(maxval), expected 1…65535") }
        try InputFile.checkSize(channels: channels, height: height, width: width)
        let count = channels * height * width
        var interleaved = [Int](repeating: 0, count: count)
        if raw {
            scanner.position += 1  // the single whitespace byte after maxval
            let size = maxval < 256 ? 1 : 2
            let available = max(0, bytes.count - scanner.position)
            guard available >= count * size else { throw .truncated(expectedBytes: count * size, actualBytes: available) }
            for i in 0..<count {
                let at = scanner.position + i * size
                interleaved[i] = size == 1 ? Int(bytes[at]) : Int(bytes[at]) << 8 | Int(bytes[at + 1])
            }
        } else {
            for i in 0..<count {
                let word = try scanner.token()
                if word.isEmpty { throw .truncated(expectedBytes: count, actualBytes: i) }
                guard let sample = Int(word), sample >= 0 else { throw .badSample(word) }
                interleaved[i] = sample
            }
        }
        if let above = interleaved.first(where: { $0 > maxval }) { throw .sampleAboveMaxval(sample: above, maxval: maxval) }
        var t = Tensor4(shape: [1, channels, height, width])
        for i in 0..<count { t.storage[(i % channels) * height * width + i / channels] = Float(interleaved[i]) }
        return t
    }

    /// Whitespace-separated ASCII tokens with `#` comments to the end of the line.
    struct Scanner {
        let bytes: [UInt8]
        var position = 0

        /// The next token, or "" at the end of the bytes.
        mutating func token() throws(InputFileError.Problem) -> String {
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "#") {
                    while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
                } else if isSpace(bytes[position]) {
                    position += 1
                } else { break }
            }
            let start = position
            while position < bytes.count && !isSpace(bytes[position]) && bytes[position] != UInt8(ascii: "#") {
                position += 1
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// A header number (width, height, maxval).
        mutating func headerNumber(_ name: String) throws(InputFileError.Problem) -> Int {
            let word = try token()
            guard let n = Int(word), n >= 0 else { throw .badHeader("\(name) '\(word)' is not a number") }
            return n
        }

        private func isSpace(_ byte: UInt8) -> Bool { [9, 10, 11, 12, 13, 32].contains(byte) }
    }
}
