/// The receptive field of one layer's cells along one axis, in the stack input's coordinates,
/// with every map extended forever (padding positions count, as the standard formulas do).
///
/// `size` r: the most input cells one output cell spans; `jump` j: how far neighbouring output
/// cells' fields move (the effective stride, a fraction after ConvTranspose2d); `start`: the centre
/// of output 0's field (fractional for even spans, negative when it sits in the padding).
/// Through Conv2d and pools these are the standard formulas, k′ = d·(k−1)+1,
/// r′ = r + (k′−1)·j, j′ = j·s, start′ = start + ((k′−1)/2 − p_before)·j, which every cell meets
/// exactly. ConvTranspose2d makes the span differ from cell to cell (the checkerboard), so the
/// field is computed from the exact first and last input cell of every output over one period
/// of the pattern (`AxisReach`), and r is the widest.
public struct FieldAlongAxis: Equatable, Hashable, Sendable {
    public let size: Fraction, jump: Fraction, start: Fraction

    /// A field from its three numbers.
    public init(size: Fraction, jump: Fraction, start: Fraction) {
        self.size = size; self.jump = jump; self.start = start
    }
}

/// The receptive field along height and width.
public struct Field: Equatable, Hashable, Sendable {
    public let h: FieldAlongAxis, w: FieldAlongAxis

    /// Height and width fields.
    public init(h: FieldAlongAxis, w: FieldAlongAxis) { self.h = h; self.w = w }
    /// One axis.
    public subscript(axis: PaddingSpec.Axis) -> FieldAlongAxis { axis == .height ? h : w }
}

/// For every output cell along one axis, the first and last input coordinate it depends on,
/// stored over one period: cell q + period reaches `shift` further than cell q. A cell that
/// reads no input at all (a transposed output between taps, only its bias) reaches nothing.
struct AxisReach: Equatable, Sendable {
    let period: Int, shift: Int
    /// (first, last) input coordinate for cells 0..<period, nil for a cell that reads no input.
    let ends: [(Int, Int)?]

    static func == (a: AxisReach, b: AxisReach) -> Bool {
        a.period == b.period && a.shift == b.shift && a.ends.elementsEqual(b.ends) { $0?.0 == $1?.0 && $0?.1 == $1?.1 }
    }

    /// The input: cell q reaches q.
    static let input = AxisReach(period: 1, shift: 1, ends: [(0, 0)])
    /// Periods beyond this (many large transposed strides) are not expanded.
    static let largestPeriod = 1 << 16

    /// Coordinates and shifts past this are not followed (strides multiply along a stack: 64 per
    /// layer overflows Int after ten layers); the field is then shown as unknown, never a trap.
    static let largestCoordinate = 1 << 40

    /// This reach, or nil when a coordinate or its shift left ±`largestCoordinate`.
    var bounded: AxisReach? {
        guard abs(shift) <= Self.largestCoordinate,
              ends.allSatisfy({ $0.map { abs($0.0) <= Self.largestCoordinate && abs($0.1) <= Self.largestCoordinate } ?? true })
        else { return nil }
        return self
    }

    /// The first and last input coordinate of cell q (any integer).
    func ends(of q: Int) -> (Int, Int)? {
        let m = floorDivide(q, period), r = q - m * period
        return ends[r].map { ($0.0 + m * shift, $0.1 + m * shift) }
    }

    /// Cells read by taps `reads(o)` of the layer before, merged.
    private func merged(_ cells: [Int]) -> (Int, Int)? {
        let reached = cells.compactMap { ends(of: $0) }
        guard let first = reached.map(\.0).min(), let last = reached.map(\.1).max() else { return nil }
        return (first, last)
    }

    /// After a window of `kernel` taps `dilation` apart moved by `stride`, padded `padBefore` first.
    func throughWindow(kernel: Int, stride: Int, dilation: Int, padBefore: Int) -> AxisReach? {
        AxisReach(period: period, shift: shift * stride, ends: (0..<period).map { o in
            merged((0..<kernel).map { o * stride - padBefore + $0 * dilation })
        }).bounded
    }

    /// After a transposed convolution: output o reads the inputs (o + p − t·d)/s that are whole.
    func throughTransposed(kernel: Int, stride: Int, dilation: Int, padding: Int) -> AxisReach? {
        guard period * stride <= Self.largestPeriod else { return nil }
        return AxisReach(period: period * stride, shift: shift, ends: (0..<period * stride).map { o in
            merged((0..<kernel).compactMap { t in
                let scaled = o + padding - t * dilation
                return scaled % stride == 0 ? scaled / stride : nil
            })
        }).bounded
    }

    /// Seen from a map cropped `offset` cells at its start.
    func cropped(by offset: Int) -> AxisReach? {
        AxisReach(period: period, shift: shift, ends: (0..<period).map { ends(of: $0 + offset) }).bounded
    }

    /// Both maps' cells together (Cat's channels), when they move alike; nil otherwise.
    func union(_ other: AxisReach) -> AxisReach? {
        guard shift * other.period == other.shift * period else { return nil }
        let common = period * other.period / Fraction.gcd(period, other.period)
        guard common <= Self.largestPeriod else { return nil }
        return AxisReach(period: common, shift: shift * (common / period), ends: (0..<common).map { q in
            let pair = [ends(of: q), other.ends(of: q)].compactMap { $0 }
            guard let first = pair.map(\.0).min(), let last = pair.map(\.1).max() else { return nil }
            return (first, last)
        }).bounded
    }

    /// r, j and start: the widest span, shift/period, and the centre of cell 0 (or, when cell 0
    /// reads nothing, the centre of the first cell that does, moved back at the mean jump).
    /// nil when no cell reads the input at all (the output holds only biases).
    var field: FieldAlongAxis? {
        guard let q = ends.firstIndex(where: { $0 != nil }), let (first, last) = ends[q] else { return nil }
        let widest = ends.compactMap { $0.map { $0.1 - $0.0 + 1 } }.max()!
        let jump = Fraction(shift, period)
        return FieldAlongAxis(size: Fraction(widest), jump: jump, start: Fraction(first + last, 2) - Fraction(q) * jump)
    }
}

/// The reach along both axes; nil on an axis whose period grew too large to expand.
struct Reach: Equatable, Sendable {
    let h: AxisReach?, w: AxisReach?

    static let input = Reach(h: .input, w: .input)

    func map(_ step: (AxisReach, PaddingSpec.Axis) -> AxisReach?) -> Reach {
        Reach(h: h.flatMap { step($0, .height) }, w: w.flatMap { step($0, .width) })
    }

    /// The public field, when both axes could be followed and some cell reads the input.
    var field: Field? {
        guard let h = h?.field, let w = w?.field else { return nil }
        return Field(h: h, w: w)
    }
}

extension StackLayer {
    /// This layer's reach given its input's (Cat: see `StackTrace`, which knows both inputs).
    func reach(after input: Reach) -> Reach {
        switch self {
        case let .conv2d(l):
            input.map { r, a in
                r.throughWindow(kernel: l.kernelSize[a], stride: l.stride[a], dilation: l.dilation[a],
                                padBefore: l.appliedPadding(a).before)
            }
        case let .convTranspose2d(l):
            input.map { r, a in
                r.throughTransposed(kernel: l.kernelSize[a], stride: l.stride[a], dilation: l.dilation[a],
                                    padding: l.padding[a])
            }
        case let .maxPool2d(l): l.window.reach(after: input)
        case let .avgPool2d(l): l.window.reach(after: input)
        case .shapePreserving, .cat: input
        // A table kind's taps depend on the sizes: `reach(after:inputShape:outputShape:)` follows them.
        case .module: Reach(h: nil, w: nil)
        }
    }

    /// The receptive field after this layer for a stack made of this layer alone.
    public var field: Field? { reach(after: .input).field }

    /// Weight multiplications one forward pass makes (torchinfo's mult-adds without the bias):
    /// Conv2d C_out·H_out·W_out·(C_in/g·kH·kW); ConvTranspose2d C_in·H_in·W_in·(C_out/g·kH·kW), every
    /// input cell times every weight it meets; 0 for every other layer.
    public func multiplications(input: [Int], output: [Int]) -> Int {
        switch self {
        case let .conv2d(l):
            .saturatingProduct(output[1], output[2], output[3], l.inChannels / l.groups, l.kernelSize.h, l.kernelSize.w)
        case let .convTranspose2d(l):
            .saturatingProduct(input[1], input[2], input[3], l.outChannels / l.groups, l.kernelSize.h, l.kernelSize.w)
        default: 0
        }
    }
}

extension PoolWindow {
    /// The reach after a pooling window.
    func reach(after input: Reach) -> Reach {
        input.map { r, a in
            r.throughWindow(kernel: kernel[a], stride: stride[a], dilation: dilation[a], padBefore: padding[a])
        }
    }
}
