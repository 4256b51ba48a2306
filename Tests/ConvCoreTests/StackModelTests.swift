import Testing
@testable import ConvCore

/// The U-Net of the paper and pasted print(model) output, against PyTorch.
@Suite struct StackModelTests {
    @Test(arguments: StackFixtureFile.shared.unets)
    func unetShapesMatchPyTorch(_ u: UNetFixture) throws {
        let layers = try u.layers.map { try LayerParser.parse($0) }
        let trace = StackTrace(inputShape: u.input_shape, layers: layers)
        let shapes = trace.layers.compactMap(\.outputShape)
        #expect(shapes == u.shapes)
        if let error = u.error {
            #expect(trace.failure?.index == error.layer)
            #expect(trace.failure?.error.message == error.message)
        } else {
            #expect(trace.failure == nil)
        }
    }

    @Test func paperUNetGoesFrom572To388ThroughTheFiguresSizes() throws {
        let paper = try #require(StackFixtureFile.shared.unets.first { $0.tag == "unet-paper-572" })
        let trace = StackTrace(inputShape: [1, 1, 572, 572], layers: try paper.layers.map { try LayerParser.parse($0) })
        #expect(trace.outputShape == [1, 2, 388, 388])
        // The sizes written in the paper's Figure 1, one per conv, pool, up-conv and crop.
        let figure = [570, 568, 284, 282, 280, 140, 138, 136, 68, 66, 64, 32, 30, 28, 56, 54, 52, 104, 102, 100,
                      200, 198, 196, 392, 390, 388]
        var sizes: [Int] = []
        for step in trace.layers where step.layer.name != "ReLU" && step.layer.name != "Cat" {
            if sizes.last != step.outputShape![2] { sizes.append(step.outputShape![2]) }
        }
        #expect(sizes == figure)
        // The skips are cropped from 568, 280, 136 and 64 to the decoder's 392, 200, 104 and 56.
        let crops = trace.layers.compactMap { $0.skipShape.map { [$0[1], $0[2]] } }
        #expect(crops == [[512, 56], [256, 104], [128, 200], [64, 392]])
        // The 92-pixel margin (572 − 388 = 2·92) is not the field: through the 2×2 up-convolutions
        // an output cell depends on whole bottom cells 140 pixels wide, so fields differ from cell
        // to cell (period 16). Output 0 reads pixels 0…187 (centre 187/2); the widest reads 204.
        let field = try #require(trace.layers.last!.field)
        #expect(field.h == FieldAlongAxis(size: Fraction(204), jump: Fraction(1), start: Fraction(187, 2)))
        #expect(field.w == field.h)
    }

    @Test func paddedUNetAt572BreaksAtTheFirstCatAndOutputPaddingRepairsIt() throws {
        let padded = try #require(StackFixtureFile.shared.unets.first { $0.tag == "unet-padded-572" })
        let layers = try padded.layers.map { try LayerParser.parse($0) }
        let trace = StackTrace(inputShape: [1, 1, 572, 572], layers: layers)
        let failure = try #require(trace.failure)
        #expect(failure.index == 25)
        let fix = try #require(UNetSizing.outputPaddingForCat(trace: trace, index: 24))
        #expect(fix.h == 1 && fix.w == 1)
        // With output_padding=1 the up-convolution gives 71 and the Cat goes through.
        guard case var .convTranspose2d(up) = layers[24] else { Issue.record("layer 24"); return }
        up.outputPadding = SpatialPair(square: 1)
        var repaired = layers
        repaired[24] = .convTranspose2d(up)
        #expect(StackTrace(inputShape: [1, 1, 572, 572], layers: repaired).layers[25].status == .ran)
    }

    @Test(arguments: StackFixtureFile.shared.models)
    func printedModelReadsBackLayerByLayer(_ m: ModelFixture) throws {
        if m.file == "unsupported.txt" {
            #expect(throws: LayerParseError.self) { try ModelParser.parse(m.text) }
            do { _ = try ModelParser.parse(m.text) } catch {
                #expect(error.message == "line 3: Flatten at (1) is not supported: " + LayerParseError.supported)
            }
            return
        }
        let layers = try ModelParser.parse(m.text)
        #expect(layers.map(\.pytorchRepr) == m.reprs)
        let trace = StackTrace(inputShape: m.input_shape!, layers: layers)
        #expect(trace.layers.compactMap(\.outputShape) == m.shapes!)
        #expect(trace.failure?.index == m.error?.layer)
        #expect(trace.failure?.error.message == m.error?.message)
    }

    @Test func nestedLabelsNameTheUnsupportedModule() {
        let text = "Sequential(\n  (0): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n  (1): Sequential(\n"
            + "    (0): Linear(in_features=8, out_features=2, bias=True)\n  )\n)\n"
        do { _ = try ModelParser.parse(text) } catch {
            #expect(error.message.hasPrefix("line 4: Linear at (1.0) is not supported: convscope draws Conv2d"))
        }
    }
}

/// Layer strings as a user types them, and the one line each mistake gets.
@Suite struct LayerParserTests {
    @Test func positionalKeywordIntsAndTuplesAgree() throws {
        let a = try LayerParser.parse("Conv2d(3, 8, 3, stride=2, padding=1)")
        let b = try LayerParser.parse("nn.Conv2d(in_channels=3, out_channels=8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))")
        let c = try LayerParser.parse("torch.nn.Conv2d(3, 8, 3, 2, 1, 1, 1, True, 'zeros')")
        #expect(a == b && b == c)
        #expect(a.pytorchRepr == "Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))")
        let same = try LayerParser.parse("Conv2d(3, 8, 4, padding='same', bias=False, padding_mode=\"reflect\")")
        #expect(same.pytorchRepr == "Conv2d(3, 8, kernel_size=(4, 4), stride=(1, 1), padding=same, bias=False, "
                    + "padding_mode=reflect)")
        #expect(try LayerParser.parse(same.pytorchRepr) == same)
        #expect(try LayerParser.parse("Cat(2)") == .cat(CatLayer(skip: 2)))
        #expect(try LayerParser.parse(" nn.Cat(0, crop=True) ") == .cat(CatLayer(skip: 0, crop: true)))
        #expect(try LayerParser.parse("BatchNorm2d(8, momentum=None)").pytorchRepr
                    == "BatchNorm2d(8, eps=1e-05, momentum=None, affine=True, bias=True, track_running_stats=True)")
    }

    @Test(arguments: [
        ("Conv2d(3, 8, 3, strde=2)",
         "Conv2d(3, 8, 3, strde=2): at column 17: unknown argument 'strde'; Conv2d takes in_channels, out_channels, "
            + "kernel_size, stride, padding, dilation, groups, bias, padding_mode"),
        ("Conv2d(3, 8)", "Conv2d(3, 8): at column 12: Conv2d needs kernel_size"),
        ("Conv2d(3, 8, 3, stride=0)", "Conv2d(3, 8, 3, stride=0): at column 17: stride must be an int in 1…64 or a tuple of two"),
        ("Conv2d(3, 8, 3, padding='full')",
         "Conv2d(3, 8, 3, padding='full'): at column 17: padding must be an int, a tuple of two, 'same' or 'valid'"),
        ("Conv2d(3, 8, 3, stride=2, 1)", "Conv2d(3, 8, 3, stride=2, 1): at column 27: a positional argument cannot follow keyword arguments"),
        ("Conv2d(3, 8, 3", "Conv2d(3, 8, 3: at column 15: expected ',' or ')', found the end"),
        ("Conv2d(3, 8, 3, groups=2)", "Conv2d(3, 8, 3, groups=2): ValueError: in_channels must be divisible by groups"),
        ("ConvTranspose2d(3, 8, 3, padding_mode='reflect')",
         "ConvTranspose2d(3, 8, 3, padding_mode='reflect'): ValueError: Only \"zeros\" padding mode is supported for ConvTranspose2d"),
        ("Linear(3, 8)", "Linear is not supported: " + LayerParseError.supported),
        ("MaxPool2d(2, bias=True)", "MaxPool2d(2, bias=True): at column 14: unknown argument 'bias'; MaxPool2d takes "
            + "kernel_size, stride, padding, dilation, return_indices, ceil_mode"),
        ("ReLU(True, True)", "ReLU(True, True): at column 12: ReLU takes at most 1 positional arguments (inplace)"),
        ("Dropout(p=2.0)", "Dropout(p=2.0): ValueError: dropout probability has to be between 0 and 1, but got 2.0"),
    ])
    func mistakesGetOneLineNamingTextPositionAndWhatIsAllowed(_ text: String, _ message: String) {
        do {
            _ = try LayerParser.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func catCommentsAndStrayLinesInModelFiles() throws {
        let layers = try ModelParser.parse("Conv2d(1, 2, 3)\n# a note\n# cat 0 crop\nReLU()\n")
        #expect(layers == [try LayerParser.parse("Conv2d(1, 2, 3)"), .cat(CatLayer(skip: 0, crop: true)),
                           .shapePreserving(.relu(inplace: false))])
        #expect(throws: LayerParseError.line(2, .syntax(text: "# cat one", column: 1, problem: "no layer labelled (one) "
            + "before this line; a Cat names an earlier layer by print(model)'s label, e.g. 3 or features.3"))) {
            try ModelParser.parse("ReLU()\n# cat one\n")
        }
        #expect(throws: LayerParseError.line(2, .syntax(text: "# cat 1 2 3", column: 1, problem: "write '# cat K' or "
            + "'# cat K crop', K print(model)'s label of an earlier layer, e.g. 3 or features.3"))) {
            try ModelParser.parse("ReLU()\n# cat 1 2 3\n")
        }
        do { _ = try ModelParser.parse("Sequential(\n)\n") } catch { #expect(error == .noLayers) }
    }
}
