import ConvCore
import Testing
@testable import ConvScopeApp

/// `e` while a big layer is still computed would write a picture of "computing…": it waits.
@Suite("An export waits for the maps")
struct ExportWaitsTests {
    @Test func onlyFinishedMapsOfTheLayerOnScreenAreExported() throws {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels) = (16, 16, 2, 2)
        let layer = Conv2dSettings(p)
        let state = AppState(parameters: layer)
        let maps = try ComputedMaps(ConvExperiment(layer))
        #expect(ExportFrame.waitsForMaps(state, maps: nil))
        #expect(!ExportFrame.waitsForMaps(state, maps: maps))
        // Maps of another layer (stale) or a preview of this one are not finished maps.
        var other = layer
        other.geometry.hIn = 15
        #expect(ExportFrame.waitsForMaps(state, maps: try ComputedMaps(ConvExperiment(other))))
        let region = OutputRegion(channels: 0..<1, rows: 0..<4, columns: 0..<4, block: 1)
        let preview = try ComputedMaps(ConvExperiment(previewOf: layer, region: region, input: layer.makeInputMaps(),
                                                      kernels: layer.makeKernelMaps()))
        #expect(ExportFrame.waitsForMaps(state, maps: preview))
        // A layer PyTorch refuses has its error to show: exported at once.
        var refused = layer
        refused.geometry.kernelSizeH = 40
        #expect(!ExportFrame.waitsForMaps(AppState(parameters: refused), maps: nil))
        #expect(NoticeText.exportWaits(.en).contains("still computing"))
        #expect(NoticeText.exportWaits(.ru).contains("вычисляются"))
    }
}
