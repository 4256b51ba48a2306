extension StackLayerError {
    /// TypeError: a ConvTranspose2d given a padding string ('same', 'valid'). Its constructor
    /// takes the string apart into letters (`padding=('s', 'a', 'm', 'e')`), and the forward's
    /// `conv_transpose2d` refuses it before looking at the input (torch 2.13).
    public static let transposedPaddingString = StackLayerError.module(
        pythonType: "TypeError",
        message: "conv_transpose2d(): argument 'padding' (position 5) must be tuple of ints, but found element of type str at pos 0")
}
