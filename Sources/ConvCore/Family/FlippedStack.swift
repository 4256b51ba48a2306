/// The weights of a stack run as true convolutions: every Conv2d's kernel is `preset` laid out
/// on its weight and then flipped in both spatial axes (PyTorch: conv2d with `weight.flip(-1, -2)`);
/// the other layers keep the course notebook's weights.
public enum FlippedStack {
    /// Layer `layer`'s weights for the flipped run.
    public static func weights(_ layer: StackLayer, preset: KernelPreset) -> LayerWeights? {
        guard case .conv2d = layer, let shape = layer.weightShape else { return Model.notebookWeights(layer) }
        return LayerWeights(weight: TrueConvolution.flipped(preset.makeWeights(shape: shape)),
                            bias: layer.biasCount.map { [Float](repeating: 0, count: $0) })
    }
}
