/// A notice that says what the layout of a change chose: the zoom the automatic zoom picked, or
/// whether the kernel section found room. `update` records which one it wants; the frame that
/// lays the change out words it from its own layout (and the next event adopts it), so `update`
/// does not lay the screen out to learn the numbers. A caller that draws no frame gets it worded
/// at once.
public enum LayoutNotice: Equatable, Sendable {
    /// The zoom key: the zoom on screen now, and whether it was chosen automatically.
    case zoom
    /// `w`: what the kernel section does now, given whether the frame it was pressed on showed it.
    case kernelSection(wasShown: Bool)

    /// The notice in the course screen's `layout`; `refused`: PyTorch refuses the layer (no maps, no kernel section).
    func notice(in layout: ScreenLayout, refused: Bool) -> Notice {
        switch self {
        case .zoom: return layout.zoomNotice
        case .kernelSection(let wasShown):
            let change: KernelSectionChange = layout.kernel != nil ? .shown : wasShown ? .hidden : refused ? .refused : .noRoom
            return .kernelSection(change)
        }
    }

    /// The notice on the stack screen (`w` has no kernel section there: no notice).
    func notice(in layout: StackScreenLayout) -> Notice? {
        switch self {
        case .zoom: layout.zoomNotice
        case .kernelSection: nil
        }
    }
}

/// A program whose screen words `LayoutNotice`s: the course program, and the model program's
/// stack and graph screens. Each says only how it words one now, for a caller that draws no frame.
protocol WordsLayoutNotices: HoldsScreenSettings {
    /// Clamps to this state's layout and words `pending` from it (nil: that screen has no such notice).
    mutating func noticeNow(_ pending: LayoutNotice) -> Notice?
}

extension WordsLayoutNotices {
    /// Records `pending` for the next frame to word, or, for a caller that draws no frame, clamps
    /// to this state's layout and words it now (one layout either way).
    mutating func noticeWhenDrawn(_ pending: LayoutNotice) {
        guard clampsToFrames else {
            notice = noticeNow(pending)
            return
        }
        notice = nil
        settings.noticeFromLayout = pending
    }
}

extension AppState: WordsLayoutNotices {
    mutating func noticeNow(_ pending: LayoutNotice) -> Notice? {
        pending.notice(in: clampToLayout(), refused: parameters.validate() != nil)
    }

    /// Words a notice left for the frame from `layout`, the layout of this state's frame.
    mutating func wordNotice(from layout: ScreenLayout) {
        guard let pending = settings.noticeFromLayout else { return }
        notice = pending.notice(in: layout, refused: parameters.validate() != nil)
    }
}

extension ModelProgram: WordsLayoutNotices {
    /// The stack or graph screen's notice (the graph screen words no zoom notice).
    mutating func noticeNow(_ pending: LayoutNotice) -> Notice? {
        clampToLayoutNow().flatMap(pending.notice(in:))
    }

    /// Words a notice left for the frame from the stack screen's `layout`.
    mutating func wordNotice(from layout: StackScreenLayout) {
        guard let pending = settings.noticeFromLayout else { return }
        notice = pending.notice(in: layout)
    }
}
