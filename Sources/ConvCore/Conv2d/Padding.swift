/// How `nn.Conv2d` fills the positions outside the input (`padding_mode`).
public enum PaddingMode: String, CaseIterable, Sendable, Codable {
    /// Zeros around the input (PyTorch's default).
    case zeros
    /// The input mirrored at its edge, the edge itself not repeated: …c b | a b c | b a….
    case reflect
    /// The edge value repeated: …a a | a b c | c c….
    case replicate
    /// The input wrapped around like a torus: …b c | a b c | a b….
    case circular
}

/// The `padding` argument of `nn.Conv2d`: explicit amounts or one of PyTorch's two strings.
public enum PaddingSpec: Equatable, Hashable, Sendable, Codable {
    /// `padding=(ph, pw)`: the same amount on both sides of each axis.
    case explicit(h: Int, w: Int)
    /// `padding='same'`: output size equals input size (stride 1 only).
    case same
    /// `padding='valid'`: no padding, the same as `padding=0`.
    case valid

    /// The amounts applied to one axis, as PyTorch computes them.
    ///
    /// 'same' pads d·(k−1) in total with ⌊total/2⌋ before and the rest (one more when the total is
    /// odd) after: torch/nn/modules/conv.py `_reversed_padding_repeated_twice`, and ATen's
    /// `_convolution_mode` does the same for zero padding.
    public func sides(axis: Axis, kernel: Int, dilation: Int) -> AxisPadding {
        switch self {
        case let .explicit(h, w):
            let amount = axis == .height ? h : w
            return AxisPadding(before: amount, after: amount)
        case .valid:
            return AxisPadding(before: 0, after: 0)
        case .same:
            let total = dilation * (kernel - 1)
            return AxisPadding(before: total / 2, after: total - total / 2)
        }
    }

    /// The spatial axes of a 2-D convolution.
    public enum Axis: Sendable { case height, width }
}

/// The padding applied to one axis: `before` at the top/left, `after` at the bottom/right.
public struct AxisPadding: Equatable, Hashable, Sendable, Codable {
    public let before: Int, after: Int

    /// Padding amounts for one axis.
    public init(before: Int, after: Int) {
        self.before = before; self.after = after
    }

    /// before + after.
    public var total: Int { before + after }
    /// True when both sides pad the same amount (PyTorch's explicit padding always does).
    public var isSymmetric: Bool { before == after }
}
