import ConvCore

/// The kernel section: the weights [C_out, C_in/groups, kH, kW] as one heatmap per (out, in)
/// pair, titled "out 2 ← in 1" (with the group's tag when grouped), signed weights in the
/// diverging palette centred on 0. Its header is the kernel line.
enum KernelSectionView {
    /// The section's view; the weights come from the finished maps, or straight from the
    /// settings while the output is still computed (building them is cheap).
    static func view(_ layout: SectionLayout, settings p: Conv2dSettings, maps: ComputedMaps?,
                     environment env: RenderEnvironment, grouped: Bool) -> SectionView {
        let lang = env.language, spec = p.spec, shape = p.kernelShape
        let kernels = maps?.experiment.kernels ?? p.makeKernelMaps()
        let scale = maps?.kernelScale ?? measuredScale(kernels)
        let perGroup = max(1, shape[1])
        // Pair i is output channel i / (C_in/g) and the j-th input channel of that output's group.
        func inputChannel(_ pair: Int) -> Int { spec.group(ofOutput: pair / perGroup) * spec.inChannelsPerGroup + pair % perGroup }
        return SectionView(
            layout: layout,
            title: ScreenText.sectionTitle(.kernel, shape: shape, lang, env.glyphs),
            subtitle: "", scale: KernelSectionText.scale(scale, lang, env.glyphs), tensor: kernels,
            mapScale: { _ in scale }, environment: env,
            groupOf: grouped ? { spec.group(ofOutput: $0 / perGroup) } : nil,
            facts: ScreenText.kernelNotes(lang, settings: p),
            titlesOf: { KernelSectionText.pairTitles(lang, out: $0 / perGroup, input: inputChannel($0)) })
    }

    /// One scale for every pair: 0…max, or centred on 0 when any weight is negative.
    static func measuredScale(_ kernels: FeatureMaps) -> MapScale {
        let ranges = kernels.planeRanges()
        return MapScale(minimum: ranges.map(\.min).min() ?? 0, maximum: ranges.map(\.max).max() ?? 0)
    }
}
