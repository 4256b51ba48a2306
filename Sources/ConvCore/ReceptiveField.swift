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
    /// The height axis with the zero padding these parameters ask for: `PaddedAxis` answers
    /// which input index a tap reads and what a padded position holds, for every caller.
    public var paddedHeight: PaddedAxis { Conv2dSpec(self).heightAxis }
    /// The width axis, likewise.
    public var paddedWidth: PaddedAxis { Conv2dSpec(self).widthAxis }

    /// Every tap that output cell (o, y, x) reads, channel by channel, kernel row by row.
    /// The taps do not depend on `o` with groups = 1; it is kept so callers name a real cell.
    public func receptiveField(outChannel o: Int, y oy: Int, x ox: Int) -> [Tap] {
        Conv2dSpec(self).receptiveField(outChannel: o, y: oy, x: ox).map {
            Tap(channel: $0.channel, ky: $0.ky, kx: $0.kx, y: $0.position.y, x: $0.position.x, inPadding: $0.inPadding)
        }
    }

    /// Every output position (y, x) whose window reads input position (iy, ix); the same in
    /// every output channel.
    public func outputsReading(y iy: Int, x ix: Int) -> [(y: Int, x: Int)] {
        let ys = Self.positions(reading: iy, axis: paddedHeight)
        let xs = Self.positions(reading: ix, axis: paddedWidth)
        return ys.flatMap { y in xs.map { (y: y, x: $0) } }
    }

    /// Output positions along one axis whose window covers input index `i`.
    static func positions(reading i: Int, axis a: PaddedAxis) -> [Int] {
        (0..<a.outputSize).filter { o in (0..<a.kernel).contains { a.index(output: o, tap: $0) == i } }
    }

    /// Input rows (height) and columns (width) that no output window ever reads.
    public var unreadInput: (rows: [Int], columns: [Int]) {
        (Self.unread(paddedHeight), Self.unread(paddedWidth))
    }

    /// Input indices along one axis that no window reads directly (a padded position that copies
    /// one does not count: the input cell itself is never under a window).
    static func unread(_ a: PaddedAxis) -> [Int] {
        // Mark every position each window touches: O(outputs × kernel) per axis.
        var read = [Bool](repeating: false, count: a.size)
        for o in 0..<a.outputSize {
            for k in 0..<a.kernel {
                let i = a.index(output: o, tap: k)
                if i >= 0 && i < a.size { read[i] = true }
            }
        }
        return (0..<a.size).filter { !read[$0] }
    }
}

extension Conv2dSettings {
    /// The height axis with its applied padding and mode.
    public var paddedHeight: PaddedAxis { spec.heightAxis }
    /// The width axis, likewise.
    public var paddedWidth: PaddedAxis { spec.widthAxis }

    /// Every tap output cell (o, y, x) reads: only its group's input channels.
    public func receptiveField(outChannel o: Int, y oy: Int, x ox: Int) -> [Tap] {
        spec.receptiveField(outChannel: o, y: oy, x: ox).map {
            Tap(channel: $0.channel, ky: $0.ky, kx: $0.kx, y: $0.position.y, x: $0.position.x, inPadding: $0.inPadding)
        }
    }

    /// Every output position (y, x) whose window reads input position (iy, ix) itself; the
    /// same in every output channel of the input channel's group.
    public func outputsReading(y iy: Int, x ix: Int) -> [(y: Int, x: Int)] {
        let ys = ConvParameters.positions(reading: iy, axis: paddedHeight)
        let xs = ConvParameters.positions(reading: ix, axis: paddedWidth)
        return ys.flatMap { y in xs.map { (y: y, x: $0) } }
    }

    /// Input rows and columns that no output window ever reads.
    public var unreadInput: (rows: [Int], columns: [Int]) {
        (ConvParameters.unread(paddedHeight), ConvParameters.unread(paddedWidth))
    }

    /// The output channels input channel `c` feeds: its group's.
    public func outputChannels(ofInput c: Int) -> Range<Int> {
        let s = spec, g = c / s.inChannelsPerGroup
        return g * s.outChannelsPerGroup..<(g + 1) * s.outChannelsPerGroup
    }
}
