import Testing
import ConvCore
@testable import ConvScopeApp

/// `--zoom large` on a slide: 1.5× the cells numbers need where the readable page has room, and
/// the same as `numbers` only where a larger cell would push the page past what keeps its text
/// at 18 px on a 1920×1080 screen.
@Suite("Large zoom on a slide")
struct SlideLargeZoomTests {
    static func cell(_ p: ConvParameters, zoom: Zoom) -> Double {
        SlideExportTests.slide(p, zoom: zoom, theme: .dark).grids[0].cell
    }

    @Test func aSmallLayerGetsCellsHalfAgainAsLargeAsNumbers() {
        for (h, channels) in [(4, 1), (5, 3), (6, 1)] {
            var p = ConvParameters(); p.hIn = h; p.wIn = h; p.inChannels = channels; p.outChannels = 1
            #expect(Self.cell(p, zoom: .large) == 1.5 * Self.cell(p, zoom: .numbers), "\(h)×\(h), \(channels) channels")
        }
    }

    @Test func theCourseNotebooksLayerIsAsLargeAsNumbersBecauseNoLargerCellStaysReadable() {
        let p = ConvParameters()
        let numbers = Self.cell(p, zoom: .numbers)
        #expect(Self.cell(p, zoom: .large) == numbers)
        // The smallest cell large tries above numbers' already makes the page too tall.
        var state = AppState(parameters: Conv2dSettings(p))
        state.zoomOverride = .large
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        var smallestLarger = numbers * 1.5
        while smallestLarger * 0.9 > numbers { smallestLarger *= 0.9 }
        let larger = ConvSlide.build(state, maps: maps, env: RenderEnvironment(language: .en), cell: smallestLarger, numbers: true,
                                     channels: ConvSlide.maxMapsPerSection, animated: false)
        #expect(!SlidePlacer.readable(larger))
        #expect(larger.height > SlideMetrics.maxHeight, "the page is height-bound: \(larger.width)×\(larger.height)")
    }
}
