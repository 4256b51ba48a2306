import ConvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TensorJSONWriter {
    /// Bytes of repeated plane text handed to the sink at once: written from one block, no copy each.
    static let repeatedBlockBytes = 1 << 20

    /// Maps [1, C, H, W] as nested lists exactly like `appendNested(shape:values:)` of the whole
    /// tensor, each distinct plane's text formatted once and repeated for every channel holding it
    /// (a ResNet's 2,048 equal channels cost one plane's formatting and a copy of bytes).
    mutating func appendSharedMaps(_ maps: FeatureMaps) {
        let (channels, height, width) = (maps.shape[1], maps.shape[2], maps.shape[3])
        guard channels > 0, height > 0, width > 0 else {
            appendNested(shape: maps.shape, values: maps.tensor.storage)
            return
        }
        var texts = [[UInt8]?](repeating: nil, count: maps.distinctPlaneCount)
        append("[[")
        var c = 0
        while c < channels {
            let plane = maps.planeOfChannel[c]
            var run = 1
            while c + run < channels && maps.planeOfChannel[c + run] == plane { run += 1 }
            if texts[plane] == nil { texts[plane] = planeText(maps, plane) }
            appendRepeated(texts[plane]!, count: run, afterAnother: c > 0)
            c += run
        }
        append("]]")
        if buffer.count >= chunkSize { flush() }
    }

    /// One plane as `[[row], [row], …]`; a row equal to the one before copies its bytes.
    private func planeText(_ maps: FeatureMaps, _ plane: Int) -> [UInt8] {
        let (height, width) = (maps.shape[2], maps.shape[3])
        rows.reserve(width)
        var text: [UInt8] = [UInt8(ascii: "[")]
        maps.storage.withUnsafeBufferPointer { values in
            let start = values.baseAddress! + plane * height * width
            for y in 0..<height {
                if y > 0 { text += [UInt8(ascii: ","), UInt8(ascii: " ")] }
                let row = start + y * width
                if y == 0 || memcmp(row - width, row, width * 4) != 0 { rows.format(row, count: width) }
                text.append(contentsOf: rows.bytes)
            }
        }
        text.append(UInt8(ascii: "]"))
        return text
    }

    /// `text` `count` times, separated by ", " (and preceded by one when `afterAnother`); long
    /// runs go to the sink as blocks of copies made once.
    private mutating func appendRepeated(_ text: [UInt8], count: Int, afterAnother: Bool) {
        let separator: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: " ")]
        var remaining = count
        if !afterAnother { buffer.append(contentsOf: text); remaining -= 1 }
        let each = text.count + 2
        if remaining * each >= 2 * Self.repeatedBlockBytes {
            flush()
            let copies = max(1, Self.repeatedBlockBytes / each)
            var block: [UInt8] = []
            block.reserveCapacity(copies * each)
            for _ in 0..<copies { block += separator; block += text }
            while remaining >= copies { sink(block); remaining -= copies }
        }
        for _ in 0..<remaining {
            buffer += separator; buffer += text
            if buffer.count >= chunkSize { flush() }
        }
    }
}
