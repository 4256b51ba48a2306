import ConvCore
import Testing
@testable import ConvExercises

/// A value question on an Upsample is hinted as copying (nearest) or blending (bilinear), not as a kernel's sum.
@Suite struct UpsampleHintTests {
    @Test func nearestCopiesAndBilinearBlends() throws {
        let nearest = Hints.valueHint(try LayerParser.parse("Upsample(scale_factor=2)"), .en)
        let bilinear = Hints.valueHint(try LayerParser.parse("Upsample(scale_factor=2, mode='bilinear')"), .ru)
        #expect(nearest.contains("copies input cell ⌊y / scale⌋"))
        #expect(bilinear.contains("смешивает две ближайшие строки"))
        #expect(!nearest.contains("kernel") && nearest != Hints.valueHint(.shapePreserving(.relu(inplace: false)), .en))
    }
}
