import Testing
@testable import ConvCore

/// Shape arithmetic, reshapes and indexing of a traced forward, each checked against what torch
/// 2.13 does (values and messages copied from torch's own output).
@Suite struct FxGraphOpsTests {
    /// A traced print with one Conv2d(4, 4, 1) module and `lines` as the forward's body after it.
    static func trace(_ lines: [String], input: [Int] = [1, 4, 3, 3]) throws -> GraphTrace {
        let text = "M(\n  (conv): Conv2d(4, 4, kernel_size=(1, 1), stride=(1, 1))\n)\n\n\n\ndef forward(self, x):\n"
            + "    conv = self.conv(x);  x = None\n" + lines.map { "    " + $0 + "\n" }.joined()
        return GraphTrace(try FxModelReader.read(text), inputShape: input)
    }

    static func message(_ lines: [String]) throws -> String? {
        try trace(lines).failure.map { "\($0.error.pythonType) \($0.error.message)" }
    }

    @Test func integerArithmeticOnSizesAndFloorDivisionAsPython() throws {
        let t = try Self.trace(["size = conv.size()", "getitem = size[1]", "sub = 1 - getitem", "floordiv = sub // 2",
                                "getattr_1 = conv.shape", "getitem_1 = getattr_1[-1]", "view = conv.view(getitem_1, -1)",
                                "return view"])
        #expect(t.failure == nil)
        #expect(t.steps.map(\.result) == [.tensor([1, 4, 3, 3]), .integers([1, 4, 3, 3]), .integer(4), .integer(-3),
                                          .integer(-2), .integers([1, 4, 3, 3]), .integer(3), .tensor([3, 12])])
    }

    @Test func chunkSplitsAsTorch() throws {
        let t = try Self.trace(["chunk = conv.chunk(3, dim = 1)", "getitem = chunk[1]", "return getitem"])
        #expect(t.steps[1].result == .tensors([[1, 2, 3, 3], [1, 2, 3, 3]]))
        let six = try Self.trace(["chunk = conv.chunk(4, 1)", "return conv"], input: [1, 6, 2, 2])
        #expect(six.failure != nil)  // Conv2d(4, …) on 6 channels: torch's message, the trace stops there
        #expect(GraphShapeOps.chunkSizes(6, 4) == [2, 2, 2] && GraphShapeOps.chunkSizes(5, 3) == [2, 2, 1])
    }

    @Test func slicesCropAndMoveTheField() throws {
        let t = try Self.trace(["getitem = conv[(slice(None, None, None), slice(1, None, None), slice(1, 3, None), Ellipsis)]",
                                "return getitem"], input: [1, 4, 5, 5])
        #expect(t.steps[1].outputShape == [1, 3, 2, 5])
        #expect(t.steps[1].field?.h.start == Fraction(1) && t.steps[1].field?.w.start == Fraction(0))
    }

    /// torch's own words where these graphs break.
    @Test func brokenGraphsSayWhatTorchSays() throws {
        #expect(try Self.message(["view = conv.view(1, 5, -1)", "return view"])
                == "RuntimeError shape '[1, 5, -1]' is invalid for input of size 36")
        #expect(try Self.message(["view = conv.view(-1, -1)", "return view"]) == "RuntimeError only one dimension can be inferred")
        #expect(try Self.message(["permute = conv.permute(0, 0, 1, 2)", "return permute"])
                == "RuntimeError permute(): duplicate dims are not allowed.")
        #expect(try Self.message(["getitem = conv[(0, 0, 0, 0, 0)]", "return getitem"])
                == "IndexError too many indices for tensor of dimension 4")
        #expect(try Self.message(["getitem = conv[(slice(None, None, None), 9)]", "return getitem"])
                == "IndexError index 9 is out of bounds for dimension 1 with size 4")
        #expect(try Self.message(["transpose = conv.transpose(1, 4)", "return transpose"])
                == "IndexError Dimension out of range (expected to be in range of [-4, 3], but got 4)")
        #expect(try Self.message(["chunk = conv.chunk(0, 1)", "return conv"])
                == "RuntimeError chunk expects `chunks` to be greater than 0, got: 0")
        #expect(try Self.message(["getitem = conv[(slice(None, None, 0),)]", "return getitem"])
                == "ValueError slice step cannot be zero")
    }

    /// What the reader cannot follow is one line naming the code line and the call.
    @Test func anUnknownCallIsOneLineNamingIt() {
        #expect(throws: LayerParseError.self) { try Self.trace(["fft = torch.fft.fft2(conv)", "return fft"]) }
        do {
            _ = try Self.trace(["fft = torch.fft.fft2(conv)", "return fft"])
        } catch let error as LayerParseError {
            #expect(error.message.hasPrefix("line 9: fft = torch.fft.fft2(conv): at column 1: convscope cannot follow torch.fft.fft2(…)"),
                    "\(error.message)")
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
