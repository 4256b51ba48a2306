import Testing
@testable import ConvCore

/// print(model)'s own names, `# cat` by label, repeats, and what a print makes convscope assume.
@Suite struct PrintedNamesTests {
    static let unet = """
        Sequential(
          (0): Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
          (1): ReLU()
          (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
          (3): Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
          (4): ConvTranspose2d(16, 8, kernel_size=(2, 2), stride=(2, 2))
          # cat 1
          (5): Conv2d(16, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
          (6): ReLU()
        )
        """

    /// A `# cat k` joins the layer labelled (k) and renumbers nothing after it.
    @Test func catJoinsByLabelAndKeepsTheLabelsAfterIt() throws {
        let model = try ModelParser.read(Self.unet)
        #expect(model.names == ["0", "1", "2", "3", "4", "cat", "5", "6"])
        #expect(model.layers[5] == .cat(CatLayer(skip: 1, crop: false)))
        let trace = StackTrace(inputShape: [1, 1, 16, 16], layers: model.layers, names: model.names)
        #expect(trace.layers[5].outputShape == [1, 16, 16, 16])
        #expect(trace.layers[6].outputShape == [1, 8, 16, 16])
    }

    /// A container's label names its last layer, whose output is the container's.
    @Test func catNamesANestedLayerOrAContainer() throws {
        let text = """
            Sequential(
              (0): Sequential(
                (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
                (1): ReLU()
              )
              (1): Conv2d(4, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
              # cat 0
              # cat 0.0 crop
            )
            """
        let model = try ModelParser.read(text)
        #expect(model.names == ["0.0", "0.1", "1", "cat", "cat_1"])
        #expect(model.layers[3] == .cat(CatLayer(skip: 1, crop: false)))
        #expect(model.layers[4] == .cat(CatLayer(skip: 0, crop: true)))
    }

    /// `(a-b): n x Module(` inside a Sequential is n copies named a…b, leaves or blocks.
    @Test func repeatsInsideASequentialAreExpandedWithTheirNames() throws {
        let text = """
            Sequential(
              (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
              (1-3): 3 x Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
              (4-5): 2 x Sequential(
                (0): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
                (1): ReLU()
              )
            )
            """
        let model = try ModelParser.read(text)
        #expect(model.names == ["0", "1", "2", "3", "4.0", "4.1", "5.0", "5.1"])
        let trace = StackTrace(inputShape: [1, 3, 8, 8], layers: model.layers)
        #expect(trace.layers.reduce(0) { $0 + $1.parameterCount } == 224 + 5 * 584)
        #expect(trace.layers.last?.field?.h.size == Fraction(13))  // six 3×3 convolutions
        #expect(throws: LayerParseError.line(3, .syntax(text: "(1-3): 2 x Conv2d(8, 8, 3)", column: 1,
                                                         problem: "a repeat reads (a-b): n x Module(...) with n = b - a + 1"))) {
            try ModelParser.read("Sequential(\n  (0): Conv2d(3, 8, 3)\n  (1-3): 2 x Conv2d(8, 8, 3)\n)")
        }
    }

    /// A repeat inside a ModuleList is refused with the ModuleList, as any container but Sequential.
    @Test func containersOtherThanSequentialAreRefusedByNameAndLine() {
        let list = "Sequential(\n  (0): Conv2d(3, 8, 3)\n  (blocks): ModuleList(\n    (0-2): 3 x Conv2d(8, 8, 3)\n  )\n)"
        #expect(throws: LayerParseError.line(3, .container(name: "ModuleList", label: "blocks"))) { try ModelParser.read(list) }
        let block = "Sequential(\n  (0): nn.Sequential(\n    (0): ReLU()\n  )\n  (1): BasicBlock(\n    (conv1): Conv2d(8, 8, 3)\n  )\n)"
        #expect(throws: LayerParseError.line(5, .container(name: "BasicBlock", label: "1"))) { try ModelParser.read(block) }
        #expect(throws: LayerParseError.line(1, .container(name: "ResNet", label: nil))) {
            try ModelParser.read("ResNet(\n  (conv1): Conv2d(3, 64, 7)\n)")
        }
        let message = LayerParseError.line(5, .container(name: "BasicBlock", label: "1")).message
        #expect(message.hasPrefix("line 5: BasicBlock at (1): print(model) does not show its forward"))
        #expect(!message.contains("\n"))
    }

    /// AvgPool2d's print never shows ceil_mode, count_include_pad or divisor_override; what a
    /// line writes is used and not assumed.
    @Test func whatAPrintHidesIsListedUnlessWritten() throws {
        let text = "Sequential(\n  (0): AvgPool2d(kernel_size=2, stride=2, padding=0)\n"
            + "  (1): AvgPool2d(2, 2, 0, True)\n  (2): AvgPool2d(kernel_size=2, ceil_mode=True, count_include_pad=False, "
            + "divisor_override=3)\n  (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n)"
        let model = try ModelParser.read(text)
        #expect(model.assumed[0].map(\.name) == ["ceil_mode", "count_include_pad", "divisor_override"])
        #expect(model.assumed[0].map(\.assumed) == ["False", "True", "None"])
        #expect(model.assumed[1].map(\.name) == ["count_include_pad", "divisor_override"])
        #expect(model.assumed[2].isEmpty && model.assumed[3].isEmpty)
        #expect(PrintedDefaults.note(module: "AvgPool2d", name: "3", model.assumed[0]) == "AvgPool2d at (3): its print does "
            + "not show ceil_mode, count_include_pad or divisor_override; PyTorch's defaults (False, True, None) assumed "
            + "\u{2014} write them in the line to change them")
    }

    /// CRLF line ends and a UTF-8 byte-order mark read as LF does.
    @Test func crlfAndByteOrderMarkReadAsLF() throws {
        let lf = try ModelParser.read(Self.unet)
        #expect(try ModelParser.read(Self.unet.replacingOccurrences(of: "\n", with: "\r\n")) == lf)
        #expect(try ModelParser.read("\u{FEFF}" + Self.unet.replacingOccurrences(of: "\n", with: "\r\n")) == lf)
    }

    /// Inserted and moved layers keep every printed name; a row the user sets is no longer assumed.
    @Test func editingAPrintedModelKeepsItsNames() throws {
        let printed = try ModelParser.read("Sequential(\n  (0): Conv2d(1, 4, 3)\n  (1): AvgPool2d(kernel_size=2, stride=2, padding=0)\n)")
        let model = Model(inputShape: [1, 1, 8, 8], printed: printed)
        #expect(model.inserting(model.layers[0], at: 1).names == ["0", "0_1", "1"])
        #expect(model.swapping(0).names == ["1", "0"])
        #expect(model.removing(at: 0).names == ["1"])
        #expect(Model(inputShape: [1, 1, 8, 8], layers: printed.layers).removing(at: 0).names == ["0"])
        let ceil = try #require(model.layers[1].parameterRows(at: 1).first { $0.name == "ceil_mode" })
        let set = ceil.setting(1, model)
        #expect(set.assumed(1).map(\.name) == ["count_include_pad", "divisor_override"])
        #expect(model.trace.names == ["0", "1"])
    }

    /// Empty containers print on one line; repeats are bounded before anything is built.
    @Test func emptyContainersAndHugeRepeats() throws {
        #expect(try ModelParser.read("Sequential(\n  (0): Sequential()\n  (1): ReLU()\n)").names == ["1"])
        #expect(throws: LayerParseError.noLayers) { try ModelParser.read("Sequential()") }
        #expect(throws: LayerParseError.line(3, .container(name: "ModuleList", label: "1"))) {
            try ModelParser.read("Sequential(\n  (0): ReLU()\n  (1): ModuleList()\n)")
        }
        for text in ["(1-99999999999): 99999999999 x ReLU()", "(0-9223372036854775807): 9223372036854775807 x ReLU()",
                     "(0-9999): 10000 x Sequential(\n(0-9): 10 x ReLU()\n)"] {
            #expect(throws: LayerParseError.self, "\(text)") { try ModelParser.read("Sequential(\n\(text)\n)") }
        }
        #expect(try ModelParser.read("Sequential(\n(0-9999): 10000 x ReLU()\n)").layers.count == PrintedModel.layerLimit)
    }
}

/// Texts nested deeper than any module takes are refused in one line, never by the stack running out.
@Suite struct DeepNestingTests {
    @Test func deepBracketsAreRefusedNotRecursedInto() {
        let deep = "Conv2d(" + String(repeating: "(", count: 20_000)
        do { _ = try LayerParser.parse(deep); Issue.record("parsed") } catch {
            #expect(error.message.hasSuffix("brackets nest deeper than 16") && error.message.count < 200, "\(error.message.prefix(300))")
        }
        for line in ["a = " + String(repeating: "[", count: 20_000), "a = " + String(repeating: "getattr(", count: 20_000),
                     "a = " + String(repeating: "torch.relu(", count: 20_000)] {
            let text = "M(\n  (c): Conv2d(3, 8, 3)\n)\n\ndef forward(self, x):\n    \(line)\n    return a\n"
            do { _ = try FxModelReader.read(text); Issue.record("read") } catch {
                #expect(error.message.contains("deeper than 64") && error.message.count < 300, "\(error.message.prefix(300))")
            }
        }
    }
}
