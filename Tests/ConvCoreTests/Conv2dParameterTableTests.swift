import Testing
@testable import ConvCore

/// A model's Conv2d rows are read from the course screen's parameter table, so the two cannot
/// disagree on a name, range, default, partner, step or kind.
@Suite("Conv2d parameter table")
struct Conv2dParameterTableTests {
    static let model = Model(inputShape: [1, 3, 8, 8], layers: [.conv2d(Conv2dLayer(3, 2, kernelSize: SpatialPair(square: 3)))])

    @Test func everyModelRowIsItsTableRow() throws {
        let rows = Self.model.parameterRows(at: 0)
        let table = LayerSpec.conv2d.parameters
        for row in rows {
            let spec = try #require(table.first { $0.name == row.name }, "\(row.name) is a row of the table")
            #expect(row.partner == spec.partner?.name, "\(row.name)")
            if spec.id == .bias {
                #expect(row.kind == .choice(["False", "True"]) && row.defaultValue == 1 && row.range == 0...1,
                        "a model's bias is True or False, the course screen's one value")
            } else {
                #expect(row.range == spec.modelRange, "\(row.name)")
                #expect(row.step == spec.step, "\(row.name)")
                #expect(row.kind == spec.kind && row.defaultValue == spec.defaultValue, "\(row.name)")
            }
        }
    }

    @Test func everyModuleArgumentOfTheTableIsAModelRowInTheTablesOrder() {
        let arguments = Set(LayerSpec.conv2d.pytorchArguments)
        let tableRows = LayerSpec.conv2d.parameters
            .filter { $0.id == .hIn || $0.id == .wIn || ($0.pytorchArgument.map(arguments.contains) ?? false) }
            .map(\.name)
        #expect(Self.model.parameterRows(at: 0).map(\.name) == tableRows)
    }

    @Test func theModelRangesAreTheLayerStringsLimits() {
        let ranges = Dictionary(uniqueKeysWithValues: Self.model.parameterRows(at: 0).map { ($0.name, $0.range) })
        #expect(ranges["in_channels"] == StackLimits.channels && ranges["groups"] == StackLimits.channels)
        #expect(ranges["kernel_size_h"] == StackLimits.kernel && ranges["padding_w"] == StackLimits.padding)
        #expect(ranges["stride_h"] == StackLimits.stride && ranges["dilation_w"] == StackLimits.dilation)
        #expect(ranges["h_in"] == StackLimits.inputSize)
        #expect(ParameterID.inChannels.range == 1...64, "the course screen keeps its own, smaller range")
    }
}
