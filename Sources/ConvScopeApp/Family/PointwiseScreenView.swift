import ConvCore

/// The course screen's maps area for the depthwise-separable pair's second layer: the depthwise
/// layer's output (what the pointwise layer reads) above the pointwise 1×1 Conv2d's output,
/// each map scaled to its own maximum as the course notes' heatmaps are.
struct PointwiseScreenView {
    let state: AppState
    let layout: ScreenLayout
    let environment: RenderEnvironment

    /// The pointwise layer's output [1, C_out, H, W] on the depthwise output: weights all ones
    /// (the course notes' weights), no bias, so every output map is the sum of the depthwise maps.
    static func output(depthwise: FeatureMaps, outChannels: Int) -> Tensor4 {
        let (channels, h, w) = (depthwise.shape[1], depthwise.shape[2], depthwise.shape[3])
        var sum = [Float](repeating: 0, count: h * w)
        for c in 0..<channels {
            let plane = depthwise.planeOfChannel[c] * h * w
            for i in 0..<(h * w) { sum[i] += depthwise.storage[plane + i] }
        }
        return Tensor4(shape: [1, outChannels, h, w], storage: Array((0..<outChannels).map { _ in sum }.joined()))
    }

    /// Paints the two sections, or returns false (the usual maps are drawn) when the depthwise
    /// output is not computed yet or there is no room.
    func paint(into canvas: inout Canvas, maps: ComputedMaps?) -> Bool {
        guard let outChannels = state.pointwiseOutputs, state.separableCost != nil, let maps,
              case .success(let depthwise) = maps.experiment.output, let geometry = layout.output?.geometry ?? layout.input?.geometry
        else { return false }
        let area = layout.maps, g = environment.glyphs, lang = environment.language
        guard area.height >= 8 else { return false }
        let pointwise = Self.output(depthwise: depthwise, outChannels: outChannels)
        canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        let top = Rect(x: area.x, y: area.y, width: area.width, height: area.height / 2)
        let bottom = Rect(x: area.x, y: top.maxY, width: area.width, height: area.height - top.height)
        let pointwiseMaps = FeatureMaps(everyChannelOf: pointwise)
        for (frame, maps, title, subtitle) in [
            (top, depthwise, PointwiseWords.depthwiseTitle(depthwise.shape, g, lang), PointwiseWords.readByPointwise(lang)),
            (bottom, pointwiseMaps, PointwiseWords.pointwiseTitle(pointwise.shape, g, lang),
             PointwiseWords.pointwiseLayer(depthwise.shape[1], outChannels, lang)),
        ] {
            let shape = maps.shape
            // Cells as wide as this section's longest number (the pointwise sums are longer).
            let width = maps.storage.map { NumberText.cell($0).count }.max() ?? 1
            let sized = MapGeometry(zoom: geometry.zoom, valueWidth: width, environment: environment).withBlock(geometry.block)
            let section = Layout.section(.output, geometry: sized, frame: frame, channels: shape[1], rows: shape[2], columns: shape[3],
                                         page: 0, scrollX: state.scrollX, scrollY: state.scrollY,
                                         cursor: state.pinnedCell(.output), lead: title, glyphs: g, language: lang)
            let scales = (0..<shape[1]).map { c in
                let plane = maps.planeOfChannel[c] * shape[2] * shape[3]
                return maps.storage[plane..<(plane + shape[2] * shape[3])].max() ?? 0
            }
            SectionView(layout: section, title: title, subtitle: subtitle, scale: "", tensor: maps,
                        mapScale: { MapScale(minimum: 0, maximum: scales.indices.contains($0) ? scales[$0] : 0) },
                        environment: environment).paint(into: &canvas)
        }
        return true
    }
}

/// The pointwise view's words, in both languages.
enum PointwiseWords {
    static func notice(_ shown: Bool, _ l: Language) -> String {
        shown ? l.pick("pointwise stage: the depthwise output, then the 1×1 Conv2d's output",
                       "точечный этап: выход поканальной, затем выход Conv2d 1×1")
              : l.pick("depthwise stage: the input, then the depthwise output", "поканальный этап: вход, затем выход поканальной")
    }
    static func depthwiseTitle(_ shape: [Int], _ g: Glyphs, _ l: Language) -> String {
        l.pick("depthwise output ", "выход поканальной ") + shape.map(String.init).joined(separator: g.times)
    }
    static func pointwiseTitle(_ shape: [Int], _ g: Glyphs, _ l: Language) -> String {
        l.pick("pointwise output ", "выход точечной ") + shape.map(String.init).joined(separator: g.times)
    }
    static func readByPointwise(_ l: Language) -> String {
        l.pick("what the pointwise 1×1 reads", "то, что читает точечная 1×1")
    }
    static func pointwiseLayer(_ c: Int, _ o: Int, _ l: Language) -> String {
        l.pick("Conv2d(\(c), \(o), 1), weights all ones: each map sums the depthwise maps",
               "Conv2d(\(c), \(o), 1), веса — единицы: каждая карта — сумма поканальных")
    }
}
