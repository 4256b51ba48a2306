/// A position in one input plane.
public struct InputPosition: Equatable, Hashable, Sendable {
    public let y: Int, x: Int

    /// Row `y`, column `x`.
    public init(y: Int, x: Int) { self.y = y; self.x = x }
}

/// One input position an output cell reads, with where its value comes from.
public struct PaddedTap: Equatable, Hashable, Sendable {
    /// Input channel (within the output channel's group).
    public let channel: Int
    /// Kernel row and column; the weight is weight[o, channel − group start, ky, kx].
    public let ky: Int, kx: Int
    /// Position in input coordinates; outside 0..<H / 0..<W when it lands in the padding.
    public let position: InputPosition
    /// The input position whose value this tap reads, or nil for a padding zero.
    public let source: InputPosition?

    /// True when the tap lands in the padding ring.
    public var inPadding: Bool { source != position }
}

extension Conv2dSpec {
    /// Every tap output cell (o, y, x) reads: its group's channels, kernel row by kernel row.
    public func receptiveField(outChannel o: Int, y oy: Int, x ox: Int) -> [PaddedTap] {
        precondition(o >= 0 && o < parameters.outChannels)
        let h = heightAxis, w = widthAxis
        var taps: [PaddedTap] = []
        taps.reserveCapacity(inChannelsPerGroup * h.kernel * w.kernel)
        for c in inputChannels(ofOutput: o) {
            for ky in 0..<h.kernel {
                let iy = h.index(output: oy, tap: ky)
                let sy = h.source(of: iy)
                for kx in 0..<w.kernel {
                    let ix = w.index(output: ox, tap: kx)
                    let sx = w.source(of: ix)
                    let source = sy.flatMap { y in sx.map { InputPosition(y: y, x: $0) } }
                    taps.append(PaddedTap(
                        channel: c, ky: ky, kx: kx, position: InputPosition(y: iy, x: ix), source: source))
                }
            }
        }
        return taps
    }

    /// The value the padded input holds at (channel, y, x) in input coordinates: the padded
    /// view draws the ring with it and the written-out sum reads it.
    public func paddedValue(_ input: Tensor4, channel c: Int, y: Int, x: Int) -> Float {
        guard let sy = heightAxis.source(of: y), let sx = widthAxis.source(of: x) else { return 0 }
        return input[0, c, sy, sx]
    }

    /// The padded input's value at (channel, y, x), read from maps that share planes.
    public func paddedValue(_ input: FeatureMaps, channel c: Int, y: Int, x: Int) -> Float {
        guard let sy = heightAxis.source(of: y), let sx = widthAxis.source(of: x) else { return 0 }
        return input[0, c, sy, sx]
    }
}
