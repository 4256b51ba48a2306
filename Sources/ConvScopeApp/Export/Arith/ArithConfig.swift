/// One figure of Dumoulin & Visin's "A guide to convolution arithmetic for deep learning"
/// (the conv_arithmetic GIFs): a single-channel convolution or transposed convolution.
public struct ArithConfig: Equatable, Sendable {
    /// The guide's file name, e.g. "padding_strides_odd_transposed".
    public let name: String
    /// The guide's caption for it.
    public let caption: String
    /// i (i′ for a transposed one), k, s, p, d in the guide's letters; `outputPadding` is
    /// PyTorch's output_padding, which the odd transposed case needs.
    public let input: Int, kernel: Int, stride: Int, padding: Int, dilation: Int
    public let transposed: Bool
    public let outputPadding: Int

    init(_ name: String, _ caption: String, i: Int, k: Int, s: Int = 1, p: Int = 0, d: Int = 1,
         transposed: Bool = false, outputPadding: Int = 0) {
        self.name = name; self.caption = caption
        (input, kernel, stride, padding, dilation) = (i, k, s, p, d)
        self.transposed = transposed; self.outputPadding = outputPadding
    }

    /// The guide's 15 figures, in its order: the seven convolutions, their transposes, dilation.
    public static let all: [ArithConfig] = [
        ArithConfig("no_padding_no_strides", "No padding, no strides", i: 4, k: 3),
        ArithConfig("arbitrary_padding_no_strides", "Arbitrary padding, no strides", i: 5, k: 4, p: 2),
        ArithConfig("same_padding_no_strides", "Half padding, no strides", i: 5, k: 3, p: 1),
        ArithConfig("full_padding_no_strides", "Full padding, no strides", i: 5, k: 3, p: 2),
        ArithConfig("no_padding_strides", "No padding, strides", i: 5, k: 3, s: 2),
        ArithConfig("padding_strides", "Padding, strides", i: 5, k: 3, s: 2, p: 1),
        ArithConfig("padding_strides_odd", "Padding, strides (odd)", i: 6, k: 3, s: 2, p: 1),
        ArithConfig("no_padding_no_strides_transposed", "No padding, no strides, transposed", i: 2, k: 3, transposed: true),
        ArithConfig("arbitrary_padding_no_strides_transposed", "Arbitrary padding, no strides, transposed",
                    i: 6, k: 4, p: 2, transposed: true),
        ArithConfig("same_padding_no_strides_transposed", "Half padding, no strides, transposed", i: 5, k: 3, p: 1, transposed: true),
        ArithConfig("full_padding_no_strides_transposed", "Full padding, no strides, transposed", i: 7, k: 3, p: 2, transposed: true),
        ArithConfig("no_padding_strides_transposed", "No padding, strides, transposed", i: 2, k: 3, s: 2, transposed: true),
        ArithConfig("padding_strides_transposed", "Padding, strides, transposed", i: 3, k: 3, s: 2, p: 1, transposed: true),
        ArithConfig("padding_strides_odd_transposed", "Padding, strides, transposed (odd)",
                    i: 3, k: 3, s: 2, p: 1, transposed: true, outputPadding: 1),
        ArithConfig("dilation", "No padding, no stride, dilation", i: 7, k: 3, d: 2),
    ]

    /// The input's values: 0–3 as in the guide's numerical figures, (3·y + x) mod 4.
    public var inputValues: [[Float]] {
        (0..<input).map { y in (0..<input).map { x in Float((3 * y + x) % 4) } }
    }

    /// The kernel: the guide's numerical 3×3 kernel, or (y + 2·x) mod 3 for another size.
    public var kernelValues: [[Float]] {
        if kernel == 3 { return [[0, 1, 2], [2, 2, 0], [0, 1, 2]] }
        return (0..<kernel).map { y in (0..<kernel).map { x in Float((y + 2 * x) % 3) } }
    }

    /// PyTorch's call for it.
    public var pytorch: String {
        var args = "1, 1, kernel_size=\(kernel)"
        if stride != 1 { args += ", stride=\(stride)" }
        if padding != 0 { args += ", padding=\(padding)" }
        if outputPadding != 0 { args += ", output_padding=\(outputPadding)" }
        if dilation != 1 { args += ", dilation=\(dilation)" }
        return (transposed ? "nn.ConvTranspose2d(" : "nn.Conv2d(") + args + ", bias=False)"
    }
}
