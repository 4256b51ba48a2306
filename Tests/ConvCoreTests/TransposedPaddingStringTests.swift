import Testing
@testable import ConvCore

/// torch 2.13 builds `nn.ConvTranspose2d(3, 8, 3, padding='same')` (its print takes the string
/// apart: `padding=('s', 'a', 'm', 'e')`), and its forward refuses it: TypeError
/// "conv_transpose2d(): argument 'padding' (position 5) must be tuple of ints, but found element
/// of type str at pos 0". Groups that do not divide the channels are the constructor's ValueError first.
@Suite("ConvTranspose2d with a padding string")
struct TransposedPaddingStringTests {
    static let torchMessage = "conv_transpose2d(): argument 'padding' (position 5) must be tuple of ints, "
        + "but found element of type str at pos 0"

    @Test("refused with PyTorch's TypeError, quoted or as print(model) writes a word", arguments: [
        "ConvTranspose2d(3, 8, 3, padding='same')", "ConvTranspose2d(3, 8, 3, padding=same)",
        "ConvTranspose2d(3, 8, 3, stride=2, padding='valid')",
    ])
    func refusedWithTorchsMessage(_ text: String) {
        #expect(throws: LayerParseError.construction(text: text, error: .transposedPaddingString)) { try LayerParser.parse(text) }
        #expect(StackLayerError.transposedPaddingString.message == Self.torchMessage)
        #expect(StackLayerError.transposedPaddingString.pythonType == "TypeError")
    }

    @Test("groups that do not divide the channels: the constructor's ValueError comes first")
    func groupsFirst() {
        let text = "ConvTranspose2d(4, 3, 4, stride=2, padding='same', dilation=2, groups=2)"
        #expect(throws: LayerParseError.construction(text: text, error: .conv2d(.outChannelsNotDivisibleByGroups))) {
            try LayerParser.parse(text)
        }
    }

    @Test("a Conv2d's padding='same' is read and printed as PyTorch prints it")
    func conv2dSame() throws {
        let layer = try LayerParser.parse("Conv2d(3, 8, 3, padding='same')")
        #expect(layer.pytorchRepr == "Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=same)")
    }
}
