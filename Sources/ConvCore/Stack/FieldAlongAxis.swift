/// The receptive field of one layer's cells along one axis, in the stack input's coordinates.
///
/// `size` r: how many input cells one output cell spans (padding positions counted, as if every
/// map extended forever); `jump` j: how far apart neighbouring output cells' fields are (the
/// effective stride); `start`: the centre of output 0's field (−0.5 … may be fractional or negative).
/// Conv2d and pools: k′ = d·(k−1)+1, r′ = r + (k′−1)·j, j′ = j·s, start′ = start + ((k′−1)/2 − p_before)·j.
/// ConvTranspose2d spreads each input over k′ outputs s apart: j′ = j/s, r′ = r + (k′−1)·j′ (the
/// envelope; a single output reads fewer inputs when k′ is not a multiple of s), start′ = start + (p − (k′−1)/2)·j′.
public struct FieldAlongAxis: Equatable, Hashable, Sendable {
    public let size: Fraction, jump: Fraction, start: Fraction

    /// A field from its three numbers.
    public init(size: Fraction, jump: Fraction, start: Fraction) {
        self.size = size; self.jump = jump; self.start = start
    }

    /// The input itself: r = 1, j = 1, centred on cell 0.
    public static let input = FieldAlongAxis(size: Fraction(1), jump: Fraction(1), start: Fraction(0))

    /// After a window of `kernel` taps `dilation` apart, moved by `stride`, padded `padBefore` first.
    public func throughWindow(kernel: Int, stride: Int, dilation: Int, padBefore: Int) -> FieldAlongAxis {
        let span = Fraction(dilation * (kernel - 1))
        return FieldAlongAxis(size: size + span * jump, jump: jump * Fraction(stride),
                              start: start + (span / Fraction(2) - Fraction(padBefore)) * jump)
    }

    /// After a transposed convolution.
    public func throughTransposed(kernel: Int, stride: Int, dilation: Int, padding: Int) -> FieldAlongAxis {
        let span = Fraction(dilation * (kernel - 1))
        let next = jump / Fraction(stride)
        return FieldAlongAxis(size: size + span * next, jump: next,
                              start: start + (Fraction(padding) - span / Fraction(2)) * next)
    }

    /// The same field seen from a map cropped `offset` cells at its start.
    public func cropped(by offset: Int) -> FieldAlongAxis {
        FieldAlongAxis(size: size, jump: jump, start: start + Fraction(offset) * jump)
    }
}

/// The receptive field along height and width.
public struct Field: Equatable, Hashable, Sendable {
    public let h: FieldAlongAxis, w: FieldAlongAxis

    /// Height and width fields.
    public init(h: FieldAlongAxis, w: FieldAlongAxis) { self.h = h; self.w = w }
    /// The input's own field.
    public static let input = Field(h: .input, w: .input)
    /// One axis.
    public subscript(axis: PaddingSpec.Axis) -> FieldAlongAxis { axis == .height ? h : w }

    /// Applies `step` to each axis.
    func map(_ step: (FieldAlongAxis, PaddingSpec.Axis) -> FieldAlongAxis) -> Field {
        Field(h: step(h, .height), w: step(w, .width))
    }
}

extension StackLayer {
    /// This layer's output field given its input's (Cat: see `StackTrace`, which knows both inputs).
    public func field(after input: Field) -> Field {
        switch self {
        case let .conv2d(l):
            input.map { f, a in
                f.throughWindow(kernel: l.kernelSize[a], stride: l.stride[a], dilation: l.dilation[a],
                                padBefore: l.appliedPadding(a).before)
            }
        case let .convTranspose2d(l):
            input.map { f, a in
                f.throughTransposed(kernel: l.kernelSize[a], stride: l.stride[a], dilation: l.dilation[a],
                                    padding: l.padding[a])
            }
        case let .maxPool2d(l): l.window.field(after: input)
        case let .avgPool2d(l): l.window.field(after: input)
        case .shapePreserving, .cat: input
        }
    }

    /// Weight multiplications one forward pass makes (torchinfo's mult-adds without the bias):
    /// Conv2d C_out·H_out·W_out·(C_in/g·kH·kW); ConvTranspose2d C_in·H_in·W_in·(C_out/g·kH·kW), every
    /// input cell times every weight it meets; 0 for every other layer.
    public func multiplications(input: [Int], output: [Int]) -> Int {
        switch self {
        case let .conv2d(l):
            output[1] * output[2] * output[3] * (l.inChannels / l.groups) * l.kernelSize.h * l.kernelSize.w
        case let .convTranspose2d(l):
            input[1] * input[2] * input[3] * (l.outChannels / l.groups) * l.kernelSize.h * l.kernelSize.w
        default: 0
        }
    }
}

extension PoolWindow {
    /// The output field of a pooling window.
    func field(after input: Field) -> Field {
        input.map { f, a in
            f.throughWindow(kernel: kernel[a], stride: stride[a], dilation: dilation[a], padBefore: padding[a])
        }
    }
}
