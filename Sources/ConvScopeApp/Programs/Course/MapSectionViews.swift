import ConvCore

/// The view of each laid-out section of the single-layer screen: what its header says, which
/// tensor it draws and how its maps are titled, coloured and marked.
struct MapSectionViews {
    let state: AppState
    /// The finished maps for the state's parameters, or nil while they are computed.
    let current: ComputedMaps?
    /// While they are computed, the region on screen computed first (its input and kernels whole).
    var preview: ComputedMaps? = nil
    /// The spinner's frame, for the output's header while a preview is drawn.
    var spinnerFrame: Character = " "
    let environment: RenderEnvironment
    let inspection: Inspection

    var p: Conv2dSettings { state.parameters }
    /// Group tags are drawn only for a grouped layer PyTorch accepts.
    var grouped: Bool { p.spec.groups > 1 && p.validate() == nil }

    /// The view for one section.
    func view(_ layout: SectionLayout) -> SectionView {
        switch layout.section {
        case .input: input(layout)
        case .kernel: KernelSectionView.view(layout, settings: p, maps: current ?? preview, environment: environment, grouped: grouped)
        case .output: output(layout)
        }
    }

    /// True when the output section draws the preview: it holds exactly the region in view.
    func drawsPreview(_ layout: SectionLayout) -> Bool {
        current == nil && preview?.coverage?.withoutInputRows == layout.visibleRegion
    }

    private func input(_ layout: SectionLayout) -> SectionView {
        let g = environment.glyphs, lang = environment.language, spec = p.spec
        // A preview's input holds every value it is drawn with; a sampled one's only what its
        // samples read, so none of it is drawn.
        let current = self.current ?? (preview?.experiment.sampledPitch == nil ? preview : nil)
        let scale = current?.inputScale ?? MapScale(minimum: 0, maximum: p.inputScaleMax ?? 1)
        // The ring holds the mode's values; zeros need no lookup.
        let ring: ((Int, Int, Int) -> Float)? = spec.paddingMode == .zeros ? nil : current.map { maps in
            { c, y, x in spec.paddedValue(maps.experiment.input, channel: c, y: y, x: x) }
        }
        return SectionView(layout: layout, title: ScreenText.sectionTitle(.input, shape: p.inputShape, lang, g),
                           subtitle: Conv2dText.inputRule(p.input, lang),
                           scale: ComputedMaps.scaleText(.input, maps: current, parameters: p, glyphs: g, language: lang),
                           tensor: current?.experiment.input,
                           mapScale: { _ in scale }, environment: environment, marks: inspection.inputMarks,
                           note: inspection.unreadNote(lang), groupOf: grouped ? { $0 / spec.inChannelsPerGroup } : nil,
                           ringValue: ring)
    }

    private func output(_ layout: SectionLayout) -> SectionView {
        let g = environment.glyphs, lang = environment.language, spec = p.spec
        let previewed = drawsPreview(layout)
        let maps = previewed ? preview : current
        let scales = maps?.outputScales ?? []
        // The inspector waits for the whole layer: no marks on a preview.
        let inspection = self.inspection
        let marks: (Int) -> CellMarks = { channel in previewed ? CellMarks.none : inspection.outputMarks(channel) }
        return SectionView(layout: layout, title: ScreenText.sectionTitle(.output, shape: p.outputShape ?? [], lang, g),
                           // The spinner rides on the scale, which every header keeps; the words where there is room.
                           subtitle: "", scale: (previewed ? "\(spinnerFrame) " : "")
                               + ComputedMaps.scaleText(.output, maps: maps, parameters: p, glyphs: g, language: lang),
                           tensor: maps.flatMap { try? $0.experiment.output.get() },
                           mapScale: { scales.indices.contains($0) ? scales[$0] : MapScale(minimum: 0, maximum: 0) },
                           environment: environment, marks: marks,
                           note: !previewed ? "" : maps?.experiment.sampledPitch.map { ScreenText.sampledFirst(lang, g, pitch: $0) }
                               ?? ScreenText.computingTheRest(lang, g),
                           groupOf: grouped ? { spec.group(ofOutput: $0) } : nil)
    }
}
