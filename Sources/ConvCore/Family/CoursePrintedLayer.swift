/// The course screen's layer as PyTorch prints the arguments its rows ask for: the one source of
/// the line a kind's header, code panel and exports write, so none takes an argument from
/// anywhere but the rows.
extension Conv2dSettings {
    /// `padding=` as the rows ask for it: padding_h and padding_w, or the padding row's 'same' or 'valid'.
    public var askedPadding: PaddingSpec { spec.layer.padding }

    /// nn.ConvTranspose2d as PyTorch prints the rows' arguments: `transposedLayer`'s, with the
    /// padding asked for (a string as the letters the constructor keeps) and the padding mode (one
    /// it refuses included); `transposedRefusal` says why PyTorch will not run such a layer.
    public var transposedRepr: String { transposedLayer.pytorchRepr(padding: askedPadding, paddingMode: paddingMode) }
}
