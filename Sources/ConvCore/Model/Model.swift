/// A model: an input of [1, C, H, W] filled by a pattern, and the list of layers it passes
/// through. The single-layer screen is a model of one Conv2d; a pasted `print(model)` is many.
public struct Model: Equatable, Hashable, Sendable {
    /// [1, C, H, W] of the input.
    public var inputShape: [Int]
    /// How the input is filled (the course notebook's ramp along the width).
    public var inputSource: InputSource = .rampX
    /// The layers, in order.
    public var layers: [StackLayer]
    /// The print's own name and assumed defaults of each layer, or nil when layers are named by
    /// their position (`--layer` strings), which moves as layers are added or removed.
    public var printed: [PrintedLabel]?
    /// Each layer's weight source, or nil for all the notebook's (all ones): see `LayerWeightSource`.
    public var weightSources: [LayerWeightSource?]?

    /// A model of `layers` on an input of `inputShape` ([1, C, H, W], all positive).
    public init(inputShape: [Int], layers: [StackLayer]) {
        precondition(inputShape.count == 4 && inputShape.allSatisfy { $0 > 0 }, "a model input is [1, C, H, W]")
        self.inputShape = inputShape
        self.layers = layers
    }

    /// A model read from print(model), keeping its names and what its print hid.
    public init(inputShape: [Int], printed model: PrintedModel) {
        self.init(inputShape: inputShape, layers: model.layers)
        printed = zip(model.names, model.assumed).map { PrintedLabel(name: $0, assumed: $1) }
    }

    /// Layer `index`'s name: print(model)'s (`features.3`) or its position (`3`).
    public func name(_ index: Int) -> String { printed?[index].name ?? "\(index)" }

    /// Every layer's name, in order.
    public var names: [String] { layers.indices.map(name) }

    /// The arguments layer `index`'s print did not show, whose PyTorch defaults are assumed.
    public func assumed(_ index: Int) -> [HiddenArgument] { printed?[index].assumed ?? [] }

    /// The course screen's layer as a model's: padding mode, groups and bias included.
    public static func singleConv2d(_ settings: Conv2dSettings) -> Conv2dLayer { settings.layer }

    /// The channels the first layer that names any expects (pools and activations keep them).
    public static func expectedChannels(_ layers: [StackLayer]) -> Int? {
        for layer in layers {
            switch layer {
            case let .conv2d(l): return l.inChannels
            case let .convTranspose2d(l): return l.inChannels
            case let .shapePreserving(.batchNorm2d(bn)): return bn.numFeatures
            case .cat: return nil
            default: continue
            }
        }
        return nil
    }

    /// The course notebook's weights: all ones; biases zero, so a one-layer model gives what the
    /// single-layer screen gives.
    public static func notebookWeights(_ layer: StackLayer) -> LayerWeights? {
        guard let shape = layer.weightShape else { return nil }
        return LayerWeights(weight: Tensor4(shape: shape, repeating: 1),
                            bias: layer.biasCount.map { [Float](repeating: 0, count: $0) })
    }

    /// The input tensor.
    public func makeInput() -> Tensor4 {
        inputSource.makeInput(channels: inputShape[1], hIn: inputShape[2], wIn: inputShape[3])
    }

    /// The top of the input's colour scale (the ramp's length).
    public var inputScaleMax: Float { inputSource.scaleMax(height: inputShape[2], width: inputShape[3]) }

    /// Shapes, fields and the first error, without values.
    public var trace: StackTrace { StackTrace(inputShape: inputShape, layers: layers, names: names) }

    /// Every layer's values with the notebook's weights.
    public func run() -> StackRun {
        StackForward.run(input: makeInput(), layers: layers, weights: allWeights, names: names)
    }

    /// Every layer's values, or nil once `isCancelled` says they are no longer wanted (checked per layer).
    public func run(isCancelled: () -> Bool) -> StackRun? {
        StackForward.run(input: makeInput(), layers: layers, weights: allWeights, names: names,
                         isCancelled: isCancelled)
    }
}

extension StackTrace {
    /// The input rows and columns (padding included, so they may run past the map) that output
    /// cell (y, x) of layer `index` depends on through every layer before it; nil when the layer
    /// did not run, its field is not traced, or the cell reads no input at all.
    public func inputSpan(layer index: Int, y: Int, x: Int) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        guard layers.indices.contains(index), layers[index].status == .ran,
              let h = layers[index].reach.h?.ends(of: y), let w = layers[index].reach.w?.ends(of: x) else { return nil }
        return (h.0...h.1, w.0...w.1)
    }
}

extension Model {
    /// The model with `layer` inserted at `index`; Cat skips that pointed at `index` or later
    /// move with their layers, so every skip still names the same layer.
    public func inserting(_ layer: StackLayer, at index: Int) -> Model {
        var new = self
        new.layers = layers.map { $0.renumberingSkip { $0 >= index ? $0 + 1 : $0 } }
        new.layers.insert(layer, at: index)
        new.printed?.insert(PrintedLabel(name: unusedName(after: index - 1), assumed: []), at: index)
        new.weightSources?.insert(nil, at: index)
        return new
    }

    /// The Cats (by index) that join layer `index`'s output: it cannot be removed, or moved to or
    /// past them, without silently joining another layer.
    public func catsJoining(_ index: Int) -> [Int] {
        layers.indices.filter { if case let .cat(cat) = layers[$0] { cat.skip == index } else { false } }
    }

    /// The model without layer `index`; skips past it move down by one (callers refuse a layer a
    /// Cat joins, `catsJoining`, so every skip still names the same layer).
    public func removing(at index: Int) -> Model {
        var new = self
        new.layers.remove(at: index)
        new.printed?.remove(at: index)
        new.weightSources?.remove(at: index)
        new.layers = new.layers.map { $0.renumberingSkip { $0 > index ? $0 - 1 : $0 } }
        return new
    }

    /// The model with layers `index` and `index + 1` swapped; skips follow their layers.
    public func swapping(_ index: Int) -> Model {
        var new = self
        new.layers.swapAt(index, index + 1)
        new.printed?.swapAt(index, index + 1)
        new.weightSources?.swapAt(index, index + 1)
        new.layers = new.layers.map { $0.renumberingSkip { $0 == index ? index + 1 : $0 == index + 1 ? index : $0 } }
        return new
    }
}

extension Model {
    /// A name for a layer added after layer `index` of a printed model: `features.3_1`, as
    /// torch.fx names a module called twice, so no printed name changes.
    func unusedName(after index: Int) -> String {
        let base = index >= 0 ? name(index) : "input"
        var n = 1
        while names.contains("\(base)_\(n)") { n += 1 }
        return "\(base)_\(n)"
    }

    /// The model with `argument` of layer `index` written by the user: no longer assumed.
    public func settingAssumed(_ argument: String, at index: Int) -> Model {
        var new = self
        new.printed?[index].assumed.removeAll { $0.name == argument }
        return new
    }
}

/// A printed layer's name and the defaults its print made convscope assume.
public struct PrintedLabel: Equatable, Hashable, Sendable {
    /// print(model)'s qualified name (`layer2.0.downsample.0`).
    public var name: String
    /// The arguments its print did not show.
    public var assumed: [HiddenArgument]
}

extension StackLayer {
    /// A Cat whose skip index is mapped by `renumber`; any other layer as it is.
    func renumberingSkip(_ renumber: (Int) -> Int) -> StackLayer {
        guard case var .cat(cat) = self else { return self }
        cat.skip = renumber(cat.skip)
        return .cat(cat)
    }
}
