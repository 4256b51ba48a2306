import Testing
import ConvCore
@testable import ConvScopeApp

/// The panel edits every layer kind on the stack screen through its own parameter table: the
/// trace and values follow at once, and a value PyTorch refuses shows its message at that layer.
@Suite("Stack panel edits")
struct StackPanelEditTests {
    /// skip.txt: (0) Conv2d, (1) ReLU, (2) MaxPool2d, (3) Conv2d, (4) ReLU, (5) ConvTranspose2d,
    /// (6) Cat(1), (7) Conv2d, (8) ReLU, (9) Conv2d, on 1×1×8×8.
    static func state(selecting index: Int) -> ModelProgram {
        StackUpdateTests.apply(StackUpdateTests.state("skip.txt"), .selectLayer(index))
    }

    static func rowNames(_ s: ModelProgram) -> [String] { s.stackRows.map(\.name) }

    static func moveTo(_ name: String, _ state: ModelProgram) -> ModelProgram {
        var s = state
        for _ in 0..<s.stackRows.count where s.stackRows[s.stack!.row].name != name { s = update(s, .selectNext) }
        #expect(s.stackRows[s.stack!.row].name == name)
        return s
    }

    @Test func eachKindHasItsTable() {
        #expect(Self.rowNames(Self.state(selecting: 2)) == ["kernel_size_h", "kernel_size_w", "stride_h", "stride_w",
            "padding_h", "padding_w", "dilation_h", "dilation_w", "ceil_mode"])
        #expect(Self.rowNames(Self.state(selecting: 5)) == ["in_channels", "out_channels", "kernel_size_h", "kernel_size_w",
            "stride_h", "stride_w", "padding_h", "padding_w", "output_padding_h", "output_padding_w", "dilation_h",
            "dilation_w", "groups"])
        #expect(Self.rowNames(Self.state(selecting: 6)) == ["skip", "crop"])
        let avg = StackUpdateTests.apply(Self.state(selecting: 0), .insert("AvgPool2d(2)"))
        #expect(Self.rowNames(avg) == ["kernel_size_h", "kernel_size_w", "stride_h", "stride_w", "padding_h", "padding_w",
                                       "ceil_mode", "count_include_pad"])
        #expect(Self.rowNames(Self.state(selecting: 1)).isEmpty, "ReLU has nothing to edit")
        let skip = Self.state(selecting: 6).stackRows[0]
        #expect(skip.range == 0...5, "a Cat names an earlier layer")
    }

    @Test func maxPoolKernelCeilModeAndARefusedPadding() {
        var s = update(Self.state(selecting: 2), .increment)
        #expect(s.stack!.layer == .maxPool2d(MaxPool2dLayer(kernelSize: .pair(3, 2), stride: .int(2))))
        #expect(s.stack!.trace.layers[2].outputShape == [1, 8, 3, 4])
        #expect(s.stack!.run != nil && s.stack!.outputValues?.shape == [1, 8, 3, 4], "values follow at once")
        s = update(Self.moveTo("ceil_mode", s), .increment)
        #expect(s.stack!.trace.layers[2].outputShape == [1, 8, 4, 4], "ceil_mode keeps the last partial window")
        #expect(s.stackRows[s.stack!.row].text(1) == "True")
        s = update(Self.moveTo("padding_w", s), .setMaximum)
        #expect(s.stack!.trace.failure?.index == 2)
        #expect(s.stack!.trace.failure?.error.message == "pad should be at most half of effective kernel size, "
            + "but got pad=64, kernel_size=2 and dilation=1")
    }

    @Test func transposedOutputPaddingTypedAndRefused() {
        var s = Self.moveTo("output_padding_h", Self.state(selecting: 5))
        s = update(update(s, .typeDigit(1)), .commitTyping)
        #expect(s.stack!.trace.layers[5].outputShape == [1, 8, 9, 8])
        #expect(s.stack!.trace.failure?.index == 6, "the Cat after it no longer matches")
        #expect(s.stack!.trace.failure?.error.message.hasPrefix("Sizes of tensors must match except in dimension 1.") == true)
        s = update(update(s, .typeDigit(2)), .commitTyping)
        #expect(s.stack!.trace.failure?.index == 5)
        #expect(s.stack!.trace.failure?.error.message == "output padding must be smaller than either stride or dilation, "
            + "but got output_padding_height: 2 output_padding_width: 0 stride_height: 2 stride_width: 2 "
            + "dilation_height: 1 dilation_width: 1")
        s = update(update(s, .typeDigit(9)), .typeDigit(9))
        s = update(s, .commitTyping)
        #expect(s.notice == .outOfRange(name: "output_padding_h", value: 99, range: 0...64))
        #expect(s.stack!.layer.parameterRows(at: 5)[8].value == 2, "an out-of-range value changes nothing")
    }

    @Test func linkedPairsMoveTogetherAndGroupsDouble() {
        var s = update(Self.moveTo("kernel_size_h", Self.state(selecting: 5)), .toggleLink)
        s = update(s, .increment)
        guard case let .convTranspose2d(layer) = s.stack!.layer else { Issue.record("not a ConvTranspose2d"); return }
        #expect(layer.kernelSize == SpatialPair(square: 3))
        s = update(Self.moveTo("groups", s), .bigIncrement)
        guard case let .convTranspose2d(grouped) = s.stack!.layer else { return }
        #expect(grouped.groups == 2)
        #expect(s.stack!.trace.layers[5].outputShape == [1, 8, 9, 9], "16 and 8 channels both divide by 2: it builds")
        s = update(s, .typeDigit(3))
        s = update(s, .commitTyping)
        #expect(s.stack!.trace.failure?.index == 5)
        #expect(s.stack!.trace.failure?.error.message == "in_channels must be divisible by groups")
    }

    @Test func catSkipAndCrop() {
        var s = Self.state(selecting: 6)
        s = update(s, .setMinimum)
        #expect(s.stack!.layer == .cat(CatLayer(skip: 0)))
        #expect(s.stack!.trace.layers[6].outputShape == [1, 16, 8, 8], "8 maps of (0) and 8 of (5)")
        s = update(update(s, .selectNext), .increment)
        #expect(s.stack!.layer == .cat(CatLayer(skip: 0, crop: true)))
        s = update(s, .increment)
        #expect(s.stack!.layer == .cat(CatLayer(skip: 0, crop: true)), "a choice stops at its last name")
    }

    @Test func avgPoolCountIncludePadChangesValuesNotShapes() {
        var s = StackUpdateTests.apply(Self.state(selecting: 0), .insert("AvgPool2d(3, stride=1, padding=1)"))
        let before = s.stack!.outputValues!
        s = update(Self.moveTo("count_include_pad", s), .decrement)
        #expect(s.stack!.layer.pytorchRepr == "AvgPool2d(kernel_size=3, stride=1, padding=1)")
        guard case let .avgPool2d(layer) = s.stack!.layer else { return }
        #expect(!layer.countIncludePad)
        #expect(s.stack!.outputValues!.shape == before.shape && s.stack!.outputValues! != before,
                "the border cells divide by fewer cells")
    }
}
