import Foundation

/// A decoded 8-bit RGB or RGBA PNG (what a browser screenshot is), for reading pixel colours in
/// tests without an image library: chunks, zlib inflate (RFC 1951) and the five scanline filters.
struct PNGImage {
    let width: Int, height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    let pixels: [UInt8]

    enum Failure: Error { case notPNG, unsupported(String), corrupt(String) }

    /// The red, green and blue of pixel (x, y).
    func rgb(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = (y * width + x) * channels
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    init(data: [UInt8]) throws {
        guard data.count > 8, data[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Failure.notPNG }
        func u32(_ i: Int) -> Int { Int(data[i]) << 24 | Int(data[i + 1]) << 16 | Int(data[i + 2]) << 8 | Int(data[i + 3]) }
        var pos = 8, idat: [UInt8] = []
        var w = 0, h = 0, colorType = 0
        while pos + 8 <= data.count {
            let length = u32(pos), type = String(decoding: data[(pos + 4)..<(pos + 8)], as: UTF8.self)
            let body = Array(data[(pos + 8)..<(pos + 8 + length)])
            switch type {
            case "IHDR":
                w = Int(body[0]) << 24 | Int(body[1]) << 16 | Int(body[2]) << 8 | Int(body[3])
                h = Int(body[4]) << 24 | Int(body[5]) << 16 | Int(body[6]) << 8 | Int(body[7])
                colorType = Int(body[9])
                guard body[8] == 8, colorType == 2 || colorType == 6, body[12] == 0 else {
                    throw Failure.unsupported("bit depth \(body[8]), colour type \(colorType), interlace \(body[12])")
                }
            case "IDAT": idat += body
            default: break
            }
            pos += 12 + length
        }
        width = w; height = h; channels = colorType == 6 ? 4 : 3
        // zlib: a two-byte header, the deflate stream, an Adler-32 we do not need to check.
        var inflater = Inflater(data: Array(idat.dropFirst(2)))
        let raw = try inflater.inflate()
        let stride = w * channels
        guard raw.count >= h * (stride + 1) else { throw Failure.corrupt("\(raw.count) bytes for \(w)x\(h)") }
        var out = [UInt8](repeating: 0, count: h * stride)
        for y in 0..<h {
            let filter = raw[y * (stride + 1)], row = y * (stride + 1) + 1
            for i in 0..<stride {
                let x = raw[row + i]
                let a = i >= channels ? Int(out[y * stride + i - channels]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + i]) : 0
                let c = i >= channels && y > 0 ? Int(out[(y - 1) * stride + i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure.corrupt("filter \(filter)")
                }
                out[y * stride + i] = UInt8((Int(x) + predicted) & 0xff)
            }
        }
        pixels = out
    }
}

/// RFC 1951 inflate after zlib's `puff.c`: stored, fixed and dynamic Huffman blocks.
private struct Inflater {
    let data: [UInt8]
    var pos = 0, bitBuffer = 0, bitCount = 0
    var out: [UInt8] = []

    init(data: [UInt8]) { self.data = data }

    struct Huffman { var counts = [Int](repeating: 0, count: 16); var symbols: [Int] = [] }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    mutating func bits(_ n: Int) throws -> Int {
        while bitCount < n {
            guard pos < data.count else { throw PNGImage.Failure.corrupt("deflate stream ends early") }
            bitBuffer |= Int(data[pos]) << bitCount
            pos += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << n) - 1)
        bitBuffer >>= n
        bitCount -= n
        return value
    }

    static func huffman(_ lengths: [Int]) -> Huffman {
        var h = Huffman()
        for l in lengths { h.counts[l] += 1 }
        h.counts[0] = 0
        var offsets = [Int](repeating: 0, count: 16)
        for l in 1..<15 { offsets[l + 1] = offsets[l] + h.counts[l] }
        h.symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, l) in lengths.enumerated() where l != 0 {
            h.symbols[offsets[l]] = symbol
            offsets[l] += 1
        }
        return h
    }

    mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = h.counts[length]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw PNGImage.Failure.corrupt("bad Huffman code")
    }

    mutating func inflate() throws -> [UInt8] {
        var last = 0
        repeat {
            last = try bits(1)
            switch try bits(2) {
            case 0:
                bitBuffer = 0; bitCount = 0
                let length = Int(data[pos]) | Int(data[pos + 1]) << 8
                pos += 4
                out += data[pos..<(pos + length)]
                pos += length
            case 1:
                let lengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                    + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
                try codes(Self.huffman(lengths), Self.huffman([Int](repeating: 5, count: 30)))
            case 2:
                let (literals, distances) = try dynamicTables()
                try codes(literals, distances)
            default: throw PNGImage.Failure.corrupt("block type 3")
            }
        } while last == 0
        return out
    }

    mutating func dynamicTables() throws -> (Huffman, Huffman) {
        let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
        let lencode = Self.huffman(codeLengths)
        var lengths: [Int] = []
        while lengths.count < nlen + ndist {
            let symbol = try decode(lencode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16: lengths += [Int](repeating: lengths.last!, count: 3 + (try bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
        }
        return (Self.huffman(Array(lengths[0..<nlen])), Self.huffman(Array(lengths[nlen...])))
    }

    mutating func codes(_ literals: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let i = symbol - 257
            let length = Self.lengthBase[i] + (try bits(Self.lengthExtra[i]))
            let d = try decode(distances)
            let distance = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
            let start = out.count - distance
            for k in 0..<length { out.append(out[start + k]) }
        }
    }
}
