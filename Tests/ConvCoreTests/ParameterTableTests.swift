import Testing
@testable import ConvCore

/// The one parameter table the panel, the flags, the state file, the `P` line and the help read.
@Suite("The parameter table")
struct ParameterTableTests {
    let rows = LayerSpec.conv2d.parameters

    @Test func everyParameterHasItsRowInOrder() {
        #expect(rows.map(\.id) == ParameterID.allCases)
        #expect(Set(rows.map(\.name)).count == rows.count && Set(rows.map(\.flag)).count == rows.count)
    }

    @Test func defaultsAreTheCourseNotesSliders() {
        #expect(ConvParameters().values == [8, 8, 3, 2, 3, 3, 0, 0, 1, 1, 1, 1])
        for row in rows { #expect(row.range.contains(row.defaultValue), "\(row.name)") }
    }

    @Test func partnersArePairsSharingTheirPyTorchArgument() {
        for row in rows {
            guard let partner = row.partner else { continue }
            #expect(LayerSpec.conv2d.spec(partner).partner == row.id, "\(row.name)")
            #expect(LayerSpec.conv2d.spec(partner).pytorchArgument == row.pytorchArgument)
        }
        #expect(rows.compactMap(\.shorthandFlag) == ["--kernel-size", "--kernel-size", "--padding", "--padding",
                                                     "--stride", "--stride", "--dilation", "--dilation",
                                                     "--output-padding", "--output-padding"])
    }

    @Test func everyPyTorchArgumentHasRows() {
        for argument in LayerSpec.conv2d.pytorchArguments {
            #expect(rows.contains { $0.pytorchArgument == argument }, "\(argument)")
        }
        #expect(rows.filter { $0.pytorchArgument == nil }.map(\.name) == ["h_in", "w_in", "input", "kernel", "layer_kind"],
                "the input's size, what the layer reads and which layer it is")
    }

    @Test func flagsAndHelpComeFromTheRow() {
        let kernel = ParameterID.kernelSizeH.spec
        #expect(kernel.flag == "--kernel-size-h" && kernel.flagName == "kernel-size-h")
        #expect(kernel.flagHelp == "Kernel height (1...32).")
        #expect(ParameterID.paddingW.spec.flagHelp == "Zero padding, left and right (0...32).")
        #expect(ParameterID.hIn.spec.step == .geometric && ParameterID.strideH.spec.step == .linear(4))
    }
}
