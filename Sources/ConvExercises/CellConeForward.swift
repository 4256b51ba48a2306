import ConvCore

extension CellCone {
    /// Layer `asked`'s input, and its Cat's skip, computed over the cone of cell (y, x) alone:
    /// the input's window is filled, each layer before computes its window from the one before
    /// it, and a map is freed once no later layer of the cone reads it.
    static func inputs(_ setup: ExerciseSetup, asked: Int, windows: [MapWindow?]) -> (input: MapPart, skip: MapPart?) {
        let trace = setup.trace
        // Map m is read by layer m, and by every Cat joining layer m − 1.
        var lastReader = Array(0...asked)
        for layer in 0...asked { if let skip = trace.layers[layer].layer.joinedLayer { lastReader[skip + 1] = max(lastReader[skip + 1], layer) } }
        var parts: [Int: MapPart] = [0: inputPart(setup.fill, shape: setup.inputShape, window: windows[0]!)]
        for layer in 0..<asked {
            let step = trace.layers[layer]
            let skip = step.layer.joinedLayer.flatMap { parts[$0 + 1] }
            parts[layer + 1] = output(step, input: parts[layer]!, skip: skip, window: windows[layer + 1]!)
            for map in 0...layer where lastReader[map] <= layer { parts[map] = nil }
        }
        return (parts[asked]!, trace.layers[asked].layer.joinedLayer.flatMap { parts[$0 + 1] })
    }

    /// The stack input inside `window`, value by value as `InputSource.makeInput` fills it.
    static func inputPart(_ fill: InputSource, shape: [Int], window: MapWindow) -> MapPart {
        let (channels, height, width) = (shape[1], shape[2], shape[3])
        var values = Tensor4(shape: [1, channels, window.rows.count, window.columns.count])
        let side = max(1, min(height, width) / 4)
        for c in 0..<channels {
            for y in window.rows {
                for x in window.columns {
                    let value: Float = switch fill {
                    // The course notes' ramp is x too (its plane is square in every lab).
                    case .rampX, .notebook: Float(x)
                    case .rampY: Float(y)
                    case .impulse: y == height / 2 && x == width / 2 ? 1 : 0
                    case .checker: (y / side + x / side) % 2 == 0 ? 1 : 0
                    case let .random(start):
                        // makeInput draws one SplitMix value per element in order; the n-th is the
                        // generator started n steps (of its constant increment) further on.
                        Float(Self.randomValue(start: start, index: ((c * height) + y) * width + x))
                    }
                    values[0, c, y - window.rows.lowerBound, x - window.columns.lowerBound] = value
                }
            }
        }
        return MapPart(shape: shape, window: window, values: values)
    }

    /// Element `index` of `SplitMixRandom(start:).floats(_, in: InputSource.randomValues)`.
    static func randomValue(start: UInt64, index: Int) -> Int {
        var generator = SplitMixRandom(start: start &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return generator.integer(in: InputSource.randomValues)
    }

    /// One layer's output inside `window` (all channels), from its input's part (and its skip's).
    static func output(_ step: LayerTrace, input: MapPart, skip: MapPart?, window: MapWindow) -> MapPart {
        let shape = step.outputShape!
        switch step.layer {
        case let .conv2d(layer):
            return convolved(layer, input: input, window: window, output: shape)
        case let .shapePreserving(layer):
            // Element by element on the part as it is (BatchNorm2d on batch statistics got the whole map).
            let run = StackForward.run(input: input.values, layers: [.shapePreserving(layer)], weights: [nil])
            return MapPart(shape: shape, window: input.window, values: run.outputs[0]!)
        default:
            var values = Tensor4(shape: [1, shape[1], window.rows.count, window.columns.count])
            for o in 0..<shape[1] {
                for y in window.rows {
                    for x in window.columns {
                        values[0, o, y - window.rows.lowerBound, x - window.columns.lowerBound] =
                            Float(CellValue.value(of: step.layer, input: input, skip: skip, channel: o, y: y, x: x))
                    }
                }
            }
            return MapPart(shape: shape, window: window, values: values)
        }
    }

    /// A Conv2d's output inside `window`: the padded input the window's taps read is laid out
    /// (through the padding mode) and convolved unpadded, by the same convolution as a whole layer.
    static func convolved(_ layer: Conv2dLayer, input: MapPart, window: MapWindow, output shape: [Int]) -> MapPart {
        let spec = layer.spec(channels: input.shape[1], inputHeight: input.shape[2], inputWidth: input.shape[3])
        let (h, w) = (spec.heightAxis, spec.widthAxis)
        let rows = h.index(output: window.rows.lowerBound, tap: 0)...h.index(output: window.rows.upperBound, tap: h.kernel - 1)
        let columns = w.index(output: window.columns.lowerBound, tap: 0)...w.index(output: window.columns.upperBound, tap: w.kernel - 1)
        let channels = input.shape[1]
        var padded = Tensor4(shape: [1, channels, rows.count, columns.count])
        let sourceRows = rows.map { h.source(of: $0) }, sourceColumns = columns.map { w.source(of: $0) }
        for c in 0..<channels {
            for (py, sy) in sourceRows.enumerated() {
                guard let sy else { continue }
                for (px, sx) in sourceColumns.enumerated() {
                    guard let sx else { continue }
                    padded[0, c, py, px] = input[0, c, sy, sx]
                }
            }
        }
        var plain = layer
        plain.padding = .explicit(h: 0, w: 0)
        plain.paddingMode = .zeros
        let weights = Tensor4(shape: layer.weightShape, repeating: 1)
        let values = (try? Conv2dForward.run(input: padded, weights: weights, bias: nil,
                                             spec: plain.spec(channels: channels, inputHeight: rows.count, inputWidth: columns.count)))!
        precondition(values.shape == [1, shape[1], window.rows.count, window.columns.count], "the window's convolution has the window's size")
        return MapPart(shape: shape, window: window, values: values)
    }
}
