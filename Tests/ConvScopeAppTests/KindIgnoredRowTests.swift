import Testing
import ConvCore
@testable import ConvScopeApp

/// A row the layer kind has no argument for (a Conv2d's output_padding) shows `-` and is not
/// changed by a key: the notice names what takes it, in both languages.
@Suite("Rows the layer kind ignores")
struct KindIgnoredRowTests {
    @Test(arguments: [ParameterID.outputPaddingH, .outputPaddingW])
    func aConv2dsOutputPaddingIsNotChangedAndSaysWhy(_ id: ParameterID) {
        var s = AppState()
        s.selected = id
        let before = s.parameters
        s = press(.right, s)
        #expect(s.parameters == before)
        #expect(s.notice == .rowNotTaken(name: "output_padding", kind: .conv2d))
        let en = NoticeText.notice(s.notice!, .en, .unicodeSet), ru = NoticeText.notice(s.notice!, .ru, .unicodeSet)
        #expect(en.contains("ConvTranspose2d") && ru.contains("ConvTranspose2d") && en != ru)
        #expect(DecidedPaddingTests.panelRow(s, Conv2dText.rowName(id, .en)).contains("\(Conv2dText.rowName(id, .en))    -"))
    }

    @Test func aConvTranspose2dsOutputPaddingChanges() {
        var s = AppState()
        s.parameters.layerKind = .convTranspose2d
        s.parameters.geometry.strideH = 2
        s.selected = .outputPaddingH
        s = press(.right, s)
        #expect(s.parameters.outputPaddingH == 1)
    }
}
