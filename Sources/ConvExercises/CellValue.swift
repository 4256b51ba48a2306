import ConvCore

/// One output cell of one layer, computed from the layer's input alone: the sum over its taps,
/// the max or mean of its window, the element-wise function of its plane, or the value a Cat
/// copies. A value question asks for one cell, so the asked layer is never computed whole
/// (Conv2d(64, 64, 32) at 1024² ran 84 s and 838 MB for one cell when it was).
enum CellValue {
    /// output[0, o, y, x] of `layer` reading `input` (and `skip` for a Cat), with all-ones weights
    /// and zero biases, rounded to float32 as PyTorch's output is.
    static func value(of layer: StackLayer, input: some ValueGrid, skip: (some ValueGrid)?, channel o: Int, y: Int, x: Int) -> Double {
        switch layer {
        case let .conv2d(l):
            let spec = l.spec(channels: input.shape[1], inputHeight: input.shape[2], inputWidth: input.shape[3])
            let sum = spec.receptiveField(outChannel: o, y: y, x: x).reduce(0.0) { total, tap in
                total + Double(padded(spec, input, channel: tap.channel, y: tap.position.y, x: tap.position.x))
            }
            return Double(Float(sum))
        case let .convTranspose2d(l):
            let sum = transposedTaps(l, input: input, channel: o, y: y, x: x).reduce(0.0) { $0 + $1.values.reduce(0, +) }
            return Double(Float(sum))
        case let .maxPool2d(l):
            return ValueWorking.window(l.window, input: input, channel: o, y: y, x: x).values.max() ?? -.infinity
        case let .avgPool2d(l):
            let (values, full) = ValueWorking.window(l.window, input: input, channel: o, y: y, x: x)
            let divisor = l.divisorOverride ?? (l.countIncludePad ? full : max(1, values.count))
            return Double(Float(values.reduce(0, +) / Double(divisor)))
        case let .shapePreserving(l):
            return elementWise(l, input: input, channel: o, y: y, x: x)
        case let .module(m):
            // The output shape is the module's own for this input, which the trace has already checked.
            let output = (try? m.module.outputShape(input: input.shape)) ?? input.shape
            return Double(m.module.cellValue(y: y, x: x, input: input.shape, output: output) { input[0, o, $0, $1] })
        case .cat:
            guard let skip, o < skip.shape[1] else { return Double(input[0, o - (skip?.shape[1] ?? 0), y, x]) }
            let top = CatLayer.cropOffset(from: skip.shape[2], to: input.shape[2])
            let left = CatLayer.cropOffset(from: skip.shape[3], to: input.shape[3])
            return Double(skip[0, o, y + top, x + left])
        }
    }

    /// The input values a ConvTranspose2d's output cell adds up, by input channel: an input cell
    /// (ny/stride, nx/stride) reaches output (y, x) through kernel tap (ky, kx) when
    /// y + padding − ky·dilation is a multiple of the stride inside the input.
    static func transposedTaps(_ layer: ConvTranspose2dLayer, input: some ValueGrid, channel o: Int, y: Int, x: Int)
        -> [(channel: Int, values: [Double])] {
        let perGroupOut = layer.outChannels / layer.groups, perGroupIn = layer.inChannels / layer.groups
        let group = o / perGroupOut
        return (group * perGroupIn..<(group + 1) * perGroupIn).map { c in
            var values: [Double] = []
            for ky in 0..<layer.kernelSize.h {
                let ny = y + layer.padding.h - ky * layer.dilation.h
                guard ny >= 0, ny % layer.stride.h == 0, ny / layer.stride.h < input.shape[2] else { continue }
                for kx in 0..<layer.kernelSize.w {
                    let nx = x + layer.padding.w - kx * layer.dilation.w
                    guard nx >= 0, nx % layer.stride.w == 0, nx / layer.stride.w < input.shape[3] else { continue }
                    values.append(Double(input[0, c, ny / layer.stride.h, nx / layer.stride.w]))
                }
            }
            return (c, values)
        }
    }

    /// The padded input's value at (channel, y, x) in input coordinates, through the padding mode.
    static func padded(_ spec: Conv2dSpec, _ input: some ValueGrid, channel c: Int, y: Int, x: Int) -> Float {
        guard let sy = spec.heightAxis.source(of: y), let sx = spec.widthAxis.source(of: x) else { return 0 }
        return input[0, c, sy, sx]
    }

    /// An element-wise layer's value at one cell, by the stack's own forward: on that cell alone,
    /// or on its channel's whole plane for BatchNorm2d without running statistics (it reads the
    /// plane's mean and variance; the cone then computed the whole plane).
    static func elementWise(_ layer: ShapePreservingLayer, input: some ValueGrid, channel o: Int, y: Int, x: Int) -> Double {
        var single = layer
        if case var .batchNorm2d(bn) = layer { bn.numFeatures = 1; single = .batchNorm2d(bn) }
        let wholePlane = if case let .batchNorm2d(bn) = layer { bn.usesBatchStatistics } else { false }
        let (h, w) = wholePlane ? (input.shape[2], input.shape[3]) : (1, 1)
        let (top, left) = wholePlane ? (0, 0) : (y, x)
        var plane = Tensor4(shape: [1, 1, h, w])
        for py in 0..<h { for px in 0..<w { plane[0, 0, py, px] = input[0, o, top + py, left + px] } }
        let run = StackForward.run(input: plane, layers: [.shapePreserving(single)], weights: [nil])
        return Double(run.outputs[0]![0, 0, y - top, x - left])
    }
}
