/// The generated inputs convscope offers (files are read by `InputFile`).
public enum InputSource: Equatable, Hashable, Sendable, Codable {
    /// x[c, y, x] = x: the notebook's ramp along the width, the default.
    case rampX
    /// x[c, y, x] = y: the same ramp along the height.
    case rampY
    /// 1 at (⌊H/2⌋, ⌊W/2⌋) in every channel, 0 elsewhere. For even sizes that is the lower-right
    /// of the four middle cells, the centre `torch.fft.fftshift` and numpy use; the output then
    /// shows the kernel (mirrored, since PyTorch correlates).
    case impulse
    /// Squares of side max(1, ⌊min(H, W)/4⌋), 1 where ⌊y/side⌋ + ⌊x/side⌋ is even (top-left
    /// square) and 0 elsewhere: about a 4×4 board at any size, so edge filters have edges to find.
    case checker
    /// Integers 0…9 from `SplitMixRandom(start:)`, drawn in NCHW order.
    case random(start: UInt64)
    /// The course notebook's literal tensor `[[list(range(h_in))] * w_in] * in_channels`: shape
    /// (C, w_in, h_in), value = index along the last axis, so its height and width are swapped.
    case notebook

    /// The range random inputs draw from.
    public static let randomValues = 0...9

    /// Every generated input, with the default start for random.
    public static let all: [InputSource] =
        [.rampX, .rampY, .impulse, .checker, .random(start: Conv2dLimits.defaultStart), .notebook]

    /// The command-line word, e.g. `ramp-x` or `random:7`.
    public var argument: String {
        switch self {
        case .rampX: "ramp-x"
        case .rampY: "ramp-y"
        case .impulse: "impulse"
        case .checker: "checker"
        case let .random(start): "random:\(start)"
        case .notebook: "notebook"
        }
    }

    /// Parses a command-line word (`random` alone uses the default start); nil when it is not one.
    public init?(argument: String) {
        if let start = parseStart(argument, name: "random") { self = .random(start: start); return }
        guard let match = Self.all.first(where: { $0.argument == argument }) else { return nil }
        self = match
    }

    /// The (height, width) of the tensor for the sliders h_in and w_in: swapped for `notebook`.
    public func planeSize(hIn: Int, wIn: Int) -> (height: Int, width: Int) {
        self == .notebook ? (wIn, hIn) : (hIn, wIn)
    }

    /// The input tensor (1, channels, height, width) for sliders h_in, w_in (see `planeSize`).
    public func makeInput(channels: Int, hIn: Int, wIn: Int) -> Tensor4 {
        let (height, width) = planeSize(hIn: hIn, wIn: wIn)
        let shape = [1, channels, height, width]
        if case let .random(start) = self {
            // Made straight into its own storage: no zeros written first over the 268 MB of a
            // 1024² 64-channel input.
            return RecentRandomInput.tensor(start: start, shape: shape, range: Self.randomValues) {
                Tensor4(shape: shape, storage: IndexedRandom.floats(shape.reduce(1, *), start: start, in: Self.randomValues))
            }
        }
        var t = Tensor4(shape: shape)
        // One row at a time, copied where rows repeat: a 1024² ramp is one row and one memcpy per row.
        let side = max(1, min(height, width) / 4)
        t.storage.withUnsafeMutableBufferPointer { values in
            guard let base = values.baseAddress, height > 0, width > 0 else { return }
            for c in 0..<channels {
                let plane = base + c * height * width
                for y in 0..<height {
                    let row = plane + y * width
                    switch self {
                    case .rampX, .notebook:
                        if y > 0 { row.update(from: plane, count: width); continue }
                        for x in 0..<width { row[x] = Float(x) }
                    case .rampY: row.update(repeating: Float(y), count: width)
                    case .impulse: if y == height / 2 { row[width / 2] = 1 }  // the rest stays 0
                    case .checker:
                        if y % side != 0 { row.update(from: row - width, count: width); continue }
                        for x in 0..<width { row[x] = (y / side + x / side) % 2 == 0 ? 1 : 0 }
                    case .random: break
                    }
                }
            }
        }
        return t
    }
}

extension InputSource {
    /// The input for the sliders' in_channels, h_in and w_in.
    public func makeInput(_ sizes: ConvParameters) -> Tensor4 {
        makeInput(channels: sizes.inChannels, hIn: sizes.hIn, wIn: sizes.wIn)
    }

    /// The top of its colour scale for a plane of this size: the ramp's length (the notebook's
    /// `vmax`), 1 for the impulse and the checkerboard, 9 for random.
    public func scaleMax(height: Int, width: Int) -> Float {
        switch self {
        case .rampX, .notebook: Float(width)
        case .rampY: Float(height)
        case .impulse, .checker: 1
        case .random: Float(Self.randomValues.upperBound)
        }
    }
}

/// `name` → the default start, `name:N` → N; nil when `word` is neither.
func parseStart(_ word: String, name: String) -> UInt64? {
    if word == name { return Conv2dLimits.defaultStart }
    guard word.hasPrefix(name + ":") else { return nil }
    return UInt64(word.dropFirst(name.count + 1))
}
