import ConvCore

/// A map read cell by cell in its own coordinates ([0, c, y, x]): a whole tensor, or the part of
/// one a value question computed (`MapPart`).
protocol ValueGrid {
    /// The whole map's [1, C, H, W].
    var shape: [Int] { get }
    subscript(n: Int, c: Int, y: Int, x: Int) -> Float { get }
}

extension Tensor4: ValueGrid {}

/// Rows and columns of a map, in its coordinates.
struct MapWindow: Equatable, Sendable {
    var rows: ClosedRange<Int>, columns: ClosedRange<Int>

    /// The smallest window holding both.
    func union(_ other: MapWindow) -> MapWindow {
        MapWindow(rows: min(rows.lowerBound, other.rows.lowerBound)...max(rows.upperBound, other.rows.upperBound),
                  columns: min(columns.lowerBound, other.columns.lowerBound)...max(columns.upperBound, other.columns.upperBound))
    }

    /// The whole of a [1, C, H, W] map.
    static func whole(_ shape: [Int]) -> MapWindow { MapWindow(rows: 0...shape[2] - 1, columns: 0...shape[3] - 1) }
}

/// Every channel of one map inside `window`, read in the whole map's coordinates; reading
/// outside the window is a programming error (the cone asked for too little).
struct MapPart: ValueGrid {
    let shape: [Int]
    let window: MapWindow
    /// [1, C, rows, columns] of the window.
    let values: Tensor4

    subscript(n: Int, c: Int, y: Int, x: Int) -> Float {
        values[n, c, y - window.rows.lowerBound, x - window.columns.lowerBound]
    }
}

/// The cone of one output cell: walking back from the asked layer, the part of each map before it
/// that the cell depends on (a window of rows and columns, all channels); then only those parts
/// are computed forward. A layer whose part needs its whole input (BatchNorm2d on its own map's
/// statistics; circular padding that wraps) asks for the whole, and the layers before it follow.
enum CellCone {
    /// The windows of maps 0...`asked` (map 0 the stack input, map k layer k−1's output) that
    /// layer `asked`'s cell (y, x) reads, through every layer before it; nil for a map it never reads.
    static func windows(_ trace: StackTrace, asked: Int, y: Int, x: Int) -> [MapWindow?] {
        var needed = [MapWindow?](repeating: nil, count: asked + 1)
        func need(_ map: Int, _ window: MapWindow) { needed[map] = needed[map].map { $0.union(window) } ?? window }
        for layer in stride(from: asked, through: 0, by: -1) {
            let output = layer == asked ? MapWindow(rows: y...y, columns: x...x) : needed[layer + 1]
            guard let output else { continue }
            let step = trace.layers[layer]
            if case let .cat(cat) = step.layer {
                need(layer, output)
                let skipShape = trace.layers[cat.skip].outputShape!, shape = step.inputShape!
                let top = cat.crop ? CatLayer.cropOffset(from: skipShape[2], to: shape[2]) : 0
                let left = cat.crop ? CatLayer.cropOffset(from: skipShape[3], to: shape[3]) : 0
                need(cat.skip + 1, MapWindow(rows: output.rows.lowerBound + top...output.rows.upperBound + top,
                                             columns: output.columns.lowerBound + left...output.columns.upperBound + left))
            } else {
                need(layer, inputWindow(step.layer, output: output, input: step.inputShape!))
            }
        }
        return needed
    }

    /// The window of its input that `layer` reads to make the cells of `output`.
    static func inputWindow(_ layer: StackLayer, output: MapWindow, input shape: [Int]) -> MapWindow {
        func axes(_ along: (PaddingSpec.Axis, ClosedRange<Int>, Int) -> ClosedRange<Int>) -> MapWindow {
            MapWindow(rows: along(.height, output.rows, shape[2]), columns: along(.width, output.columns, shape[3]))
        }
        switch layer {
        case let .conv2d(l):
            let spec = l.spec(channels: shape[1], inputHeight: shape[2], inputWidth: shape[3])
            return axes { axis, out, _ in
                let padded = axis == .height ? spec.heightAxis : spec.widthAxis
                // Every position the windows touch, read through the padding mode (reflect and
                // replicate stay near the edge; circular may wrap to the far side, widening the window).
                let positions = padded.index(output: out.lowerBound, tap: 0)...padded.index(output: out.upperBound, tap: padded.kernel - 1)
                let sources = positions.compactMap { padded.source(of: $0) }
                guard let first = sources.min(), let last = sources.max() else { return 0...0 }
                return first...last
            }
        case let .convTranspose2d(l):
            return axes { axis, out, size in
                // Input i reaches output i·s − p + t·d.
                let (k, s, d, p) = (l.kernelSize[axis], l.stride[axis], l.dilation[axis], l.padding[axis])
                let first = max(0, -floored(-(out.lowerBound + p - (k - 1) * d), s)), last = min(size - 1, floored(out.upperBound + p, s))
                return first <= last ? first...last : 0...0
            }
        case let .maxPool2d(l): return poolWindow(l.window, output: output, input: shape)
        case let .avgPool2d(l): return poolWindow(l.window, output: output, input: shape)
        case let .shapePreserving(l):
            if case let .batchNorm2d(bn) = l, bn.usesBatchStatistics { return .whole(shape) }
            return output
        case .cat:
            return output  // `windows` adds the skip's
        case let .module(m):
            // The module's output shape for this input, which the trace has already checked.
            let produced = (try? m.module.outputShape(input: shape)) ?? shape
            return axes { axis, out, size in
                let all = m.module.sources(axis: axis, input: size, output: produced[axis == .height ? 2 : 3])
                let read = all[out.clamped(to: all.indices.lowerBound...max(0, all.count - 1))].flatMap { $0 }
                guard let first = read.min(), let last = read.max() else { return 0...0 }
                return first...last
            }
        }
    }

    static func poolWindow(_ w: PoolWindow, output: MapWindow, input shape: [Int]) -> MapWindow {
        func along(_ axis: PaddingSpec.Axis, _ out: ClosedRange<Int>, _ size: Int) -> ClosedRange<Int> {
            let first = max(0, out.lowerBound * w.stride[axis] - w.padding[axis])
            let last = min(size - 1, out.upperBound * w.stride[axis] - w.padding[axis] + (w.kernel[axis] - 1) * w.dilation[axis])
            return first <= last ? first...last : 0...0
        }
        return MapWindow(rows: along(.height, output.rows, shape[2]), columns: along(.width, output.columns, shape[3]))
    }
}

/// ⌊a / b⌋ for b > 0.
private func floored(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

extension StackLayer {
    /// The layer a Cat joins; nil for any other layer.
    var joinedLayer: Int? { if case let .cat(cat) = self { cat.skip } else { nil } }
}
