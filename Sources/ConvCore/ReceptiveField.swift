/// One input position an output cell reads: a kernel tap.
public struct Tap: Equatable, Hashable, Sendable {
    /// Input channel.
    public let channel: Int
    /// Kernel row and column of the tap.
    public let ky: Int, kx: Int
    /// Input coordinates; outside 0..<H / 0..<W when the tap lands in the padding.
    public let y: Int, x: Int
    /// True when the tap reads a padding zero rather than the input.
    public let inPadding: Bool
}

extension ConvParameters {
    /// Every tap that output cell (o, y, x) reads, channel by channel, kernel row by row.
    /// The taps do not depend on `o` with groups = 1; it is kept so callers name a real cell.
    public func receptiveField(outChannel o: Int, y oy: Int, x ox: Int) -> [Tap] {
        precondition(o >= 0 && o < outChannels)
        var taps: [Tap] = []
        taps.reserveCapacity(inChannels * kernelSizeH * kernelSizeW)
        for c in 0..<inChannels {
            for ky in 0..<kernelSizeH {
                let iy = oy * strideH - paddingH + ky * dilationH
                for kx in 0..<kernelSizeW {
                    let ix = ox * strideW - paddingW + kx * dilationW
                    let outside = iy < 0 || iy >= hIn || ix < 0 || ix >= wIn
                    taps.append(Tap(channel: c, ky: ky, kx: kx, y: iy, x: ix, inPadding: outside))
                }
            }
        }
        return taps
    }

    /// Every output position (y, x) whose window reads input position (iy, ix); the same in
    /// every output channel.
    public func outputsReading(y iy: Int, x ix: Int) -> [(y: Int, x: Int)] {
        let ys = Self.positions(reading: iy, axis: heightAxis)
        let xs = Self.positions(reading: ix, axis: widthAxis)
        return ys.flatMap { y in xs.map { (y: y, x: $0) } }
    }

    /// Output positions along one axis whose window covers input index `i`.
    static func positions(reading i: Int, axis a: AxisGeometry) -> [Int] {
        guard a.kernelFits else { return [] }
        return (0..<a.outputSize).filter { o in
            let offset = i + a.padding - o * a.stride
            return offset >= 0 && offset % a.dilation == 0 && offset / a.dilation < a.kernel
        }
    }

    /// Input rows (height) and columns (width) that no output window ever reads.
    public var unreadInput: (rows: [Int], columns: [Int]) {
        // Mark every position each window touches: O(outputs × kernel) per axis.
        func unread(_ size: Int, _ a: AxisGeometry) -> [Int] {
            guard a.kernelFits else { return Array(0..<size) }
            var read = [Bool](repeating: false, count: size)
            for o in 0..<a.outputSize {
                for k in 0..<a.kernel {
                    let i = o * a.stride - a.padding + k * a.dilation
                    if i >= 0 && i < size { read[i] = true }
                }
            }
            return (0..<size).filter { !read[$0] }
        }
        return (unread(hIn, heightAxis), unread(wIn, widthAxis))
    }
}
