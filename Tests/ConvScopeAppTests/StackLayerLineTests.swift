import Testing
import ConvCore
@testable import ConvScopeApp

/// A layer's line on the stack screen gives way by whole arguments from its end, never inside
/// one, and a padding PyTorch prints as a word stays as PyTorch prints it (`padding=same`).
@Suite("Stack layer lines")
struct StackLayerLineTests {
    static let transposed = "ConvTranspose2d(8, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))"

    @Test("whole, compact, then whole arguments from the start, then the name with its first")
    func shortenedByWholeArguments() {
        let g = Glyphs.unicodeSet
        #expect(LayerListView.shortened(Self.transposed, to: 100, glyphs: g) == Self.transposed)
        #expect(LayerListView.shortened(Self.transposed, to: 42, glyphs: g) == "ConvTranspose2d(8, 4, k=3, s=2, p=1, op=1)")
        #expect(LayerListView.shortened(Self.transposed, to: 36, glyphs: g) == "ConvTranspose2d(8, 4, k=3, s=2, …)")
        #expect(LayerListView.shortened(Self.transposed, to: 26, glyphs: g) == "ConvTranspose2d(8, 4, …)")
        #expect(LayerListView.shortened(Self.transposed, to: 21, glyphs: g) == "ConvTranspose2d(8, …)")
        #expect(LayerListView.shortened("Conv2d(3, 8, kernel_size=(3, 5), stride=(1, 1), padding=same)", to: 40, glyphs: g)
                    == "Conv2d(3, 8, k=(3, 5), padding=same)")
    }

    @Test("the line between the maps: the layer whole first, its weights' source where it fits beside it", arguments: [Language.en, .ru])
    func middleLine(_ lang: Language) throws {
        let layers = try ["Conv2d(3, 8, 3, padding='same')", Self.transposed].map { text throws in try LayerParser.parse(text) }
        let model = Model(inputShape: [1, 3, 8, 8], layers: layers)
        let text = StackText(lang: lang, g: .unicodeSet, model: model)
        let narrow = text.middleLine(index: 1, layer: layers[1], width: 52)
        #expect(narrow == "↓ (1) ConvTranspose2d(8, 4, k=3, s=2, p=1, op=1)", "\(narrow)")
        let wide = text.middleLine(index: 0, layer: layers[0], width: 120)
        #expect(wide.hasPrefix("↓ (0) Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=same) · "), "\(wide)")
    }
}
