import ConvCore

extension SectionLayout {
    /// The part of the tensor this section shows: the channels of its page, the window of rows
    /// and columns in view, and the whole map's block size (1 for numbers and large cells).
    public var visibleRegion: OutputRegion {
        let rows = (firstRow - padTop)..<(firstRow - padTop + visibleRows)
        let columns = (firstColumn - padLeft)..<(firstColumn - padLeft + visibleColumns)
        return OutputRegion(channels: firstChannel..<(lastChannel + 1), rows: rows, columns: columns,
                            block: geometry.zoom == .whole ? geometry.block : 1)
    }
}

extension AppState {
    /// What the single-layer screen shows of the output while its maps are still computed (the
    /// layout drawn then, with estimated widths); nil for a layer PyTorch refuses, or when the
    /// output is not laid out.
    public func visibleOutput(environment: RenderEnvironment) -> OutputRegion? {
        guard parameters.validate() == nil else { return nil }
        return visibleOutput(in: Layout.compute(self, environment: environment))
    }

    /// The part of the output `layout` shows (the layout drawn while its maps are computed,
    /// with estimated widths); nil for a layer PyTorch refuses, or when the output is not laid out.
    public func visibleOutput(in layout: ScreenLayout) -> OutputRegion? {
        guard parameters.validate() == nil, var region = layout.output?.visibleRegion else { return nil }
        // The input's rows in view, so a preview can draw only those of a large random input.
        if let input = layout.input?.visibleRegion, input.block == 1 { region.inputRows = input.rows }
        return region
    }
}
