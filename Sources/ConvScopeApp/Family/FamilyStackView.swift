import ConvCore

/// Paints a 1-D or 3-D stack's maps: a sequence as one row of cells per channel, a volume as a
/// row of depth slices per channel; each layer's output (or PyTorch's refusal) after the input.
public struct FamilyStackView {
    let input: TensorN
    let layers: [FamilyLayer]
    /// Each layer's output, or the error that stopped the stack there.
    let outputs: [Result<TensorN, FamilyError>]
    /// For a sequence: the positions lit up in the input (row 0) and in each layer's output, the
    /// cells the last output reads (the WaveNet figure); empty for none.
    let marks: [Set<[Int]>]
    /// Sentences above the maps (the causal stack's caption), if any.
    public var caption: [String] = []
    let environment: RenderEnvironment

    /// The view of a stack's input, layers and their results.
    public init(input: TensorN, layers: [FamilyLayer], outputs: [Result<TensorN, FamilyError>], marks: [Set<[Int]>] = [],
                environment: RenderEnvironment) {
        self.input = input; self.layers = layers; self.outputs = outputs; self.marks = marks; self.environment = environment
    }

    /// The marks when any are lit.
    public var marksIfAny: [Set<[Int]>]? { marks.isEmpty ? nil : marks }

    /// The maps on a canvas `width` wide, as tall as they need.
    public func canvas(width: Int) -> Canvas {
        let lang = environment.language
        var canvas = Canvas(width: width, height: 2000)
        var y = caption.isEmpty ? 0
            : paintLines(caption, on: &canvas, y: 0, glyphs: environment.glyphs, style: Style(foreground: Palette.highlight)) + 1
        y = paintMaps(input, marked: marks.first ?? [], title: { FamilyText.inputChannel($0, lang) }, on: &canvas, y: y)
        for (index, (layer, result)) in zip(layers, outputs).enumerated() {
            canvas.put(FamilyText.fitted("(\(index)) \(layer.pytorchRepr)", environment.glyphs), x: 0, y: y, style: Style(bold: true))
            switch result {
            case let .success(tensor):
                y = paintMaps(tensor, marked: index + 1 < marks.count ? marks[index + 1] : [],
                              title: { FamilyText.layerMap(index, layer.name, $0, lang) }, on: &canvas, y: y + 1)
            case let .failure(error):
                y = paintLines([FamilyText.layerRefused(index, error)], on: &canvas, y: y + 1, glyphs: environment.glyphs,
                               style: Style(foreground: Palette.error)) + 1
            }
        }
        return canvas.cropped(height: y)
    }

    /// Every channel of `tensor`: one row for a sequence, its depth slices side by side for a volume.
    func paintMaps(_ tensor: TensorN, marked: Set<[Int]>, title: (Int) -> String, on canvas: inout Canvas, y: Int) -> Int {
        let lang = environment.language
        var top = y
        for c in 0..<tensor.channels {
            let plane = Array(tensor.plane(c))
            var flow = GridFlow(width: canvas.width, top: top)
            if tensor.shape.count == 3 {
                flow.place(FamilyGrid(title: title(c), rows: [plane.enumerated().map { GridCell($1, marked: marked.contains([$0])) }], environment: environment), on: &canvas)
            } else {
                let (d, h, w) = (tensor.shape[2], tensor.shape[3], tensor.shape[4])
                canvas.put(FamilyText.fitted(title(c), environment.glyphs), x: 0, y: top, style: Style(foreground: Palette.accent).bolded)
                flow = GridFlow(width: canvas.width, top: top + 1)
                let range = (low: plane.min() ?? 0, high: plane.max() ?? 0)
                for z in 0..<d {
                    let rows = (0..<h).map { r in (0..<w).map { GridCell(plane[(z * h + r) * w + $0], marked: marked.contains([z, r, $0])) } }
                    flow.place(FamilyGrid(title: FamilyText.depthSlice(z, lang), rows: rows, environment: environment, range: range),
                               on: &canvas)
                }
            }
            top = flow.bottom
        }
        return top
    }
}
