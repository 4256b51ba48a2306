import Foundation
import Testing
@testable import ConvCore

/// nn.Upsample as a row of the stack's layer table, against PyTorch 2.13
/// (Fixtures/pytorch_upsample.json, made by scripts/make_upsample_fixtures.py): parsed from a
/// layer string and from print(model), its shapes, values and field; and every row of the table
/// held to torch the same way.
@Suite struct UpsampleLayerTests {
    struct Kind: Decodable {
        let layer: String, name: String, repr: String
        let output_shape: [Int]
        let output: [Float]
    }

    struct Case: Decodable {
        let layers: [String], reprs: [String]
        let print: String
        let input_shape: [Int]
        let output_shapes: [[Int]]
        let outputs: [[Float]]
        let rows_read: [[Int]?], columns_read: [[Int]?]
    }

    struct File: Decodable { let torch: String; let kinds: [Kind]; let cases: [Case] }

    static let file = try! JSONDecoder().decode(
        File.self, from: Data(contentsOf: StackFixtureFile.directory.appendingPathComponent("pytorch_upsample.json")))

    /// Bilinear blends in float32 as ATen does; 1e-5 relative covers a differently ordered sum.
    static func close(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }
    }

    static func run(_ layers: [StackLayer], _ shape: [Int]) -> StackRun {
        StackForward.run(input: FlippedStackTests.ramp(shape), layers: layers, weights: layers.map(Model.notebookWeights))
    }

    @Test func layerStringsGiveTorchsShapesValuesAndReprs() throws {
        #expect(Self.file.torch == "2.13.0+cpu")
        for c in Self.file.cases {
            let layers = try c.layers.map { try LayerParser.parse($0) }
            #expect(layers.map(\.pytorchRepr) == c.reprs, "\(c.layers)")
            let run = Self.run(layers, c.input_shape)
            for (index, output) in run.outputs.enumerated() {
                let tensor = try #require(output, "\(c.layers) layer \(index) ran")
                #expect(tensor.shape == c.output_shapes[index], "\(c.layers) layer \(index)")
                #expect(Self.close(tensor.storage, c.outputs[index]), "\(c.layers) layer \(index) values")
            }
        }
    }

    @Test func fieldIsTheCellsWhoseGradientIsNotZero() throws {
        for c in Self.file.cases {
            let trace = StackTrace(inputShape: c.input_shape, layers: try c.layers.map { try LayerParser.parse($0) })
            let last = try #require(trace.layers.last)
            let (h, w) = (c.input_shape[2], c.input_shape[3])
            func reads(_ reach: AxisReach?, _ count: Int, _ size: Int) -> [[Int]?] {
                (0..<count).map { q in
                    // The reach counts padding positions; the gradient lives on the input's cells.
                    reach?.ends(of: q).map { [max(0, $0.0), min(size - 1, $0.1)] }
                }
            }
            let output = try #require(last.outputShape)
            #expect(reads(last.reach.h, output[2], h) == c.rows_read, "\(c.layers) rows")
            #expect(reads(last.reach.w, output[3], w) == c.columns_read, "\(c.layers) columns")
        }
    }

    @Test func printModelLinesReadAsTorchPrintsThem() throws {
        for c in Self.file.cases {
            let printed = try ModelParser.read(c.print)
            #expect(printed.layers.map(\.pytorchRepr) == c.reprs, "\(c.print)")
            // The print writes the layers' defaults out (a pool's stride): the Upsamples are compared.
            let given = try c.layers.map { try LayerParser.parse($0) }.filter { $0.module != nil }
            // align_corners is not in the print: the print's model assumes None, and says so.
            if c.layers.contains(where: { $0.contains("align_corners=True") }) {
                #expect(printed.layers.filter { $0.module != nil } != given)
                #expect(printed.assumed.flatMap { $0 }.contains(HiddenArgument(name: "align_corners", assumed: "None")))
                let hidden = try #require(printed.assumed.first { !$0.isEmpty })
                #expect(PrintedDefaults.note(module: "Upsample", name: "0", hidden) == "Upsample at (0): its print does not "
                    + "show align_corners; PyTorch's default (None) assumed \u{2014} write it in the line to change it")
            } else {
                #expect(printed.layers.filter { $0.module != nil } == given, "\(c.print)")
            }
        }
    }

    @Test(arguments: [
        ("Upsample(scale_factor=2, size=3)", "Upsample takes exactly one of size and scale_factor"),
        ("Upsample()", "Upsample takes exactly one of size and scale_factor"),
        ("Upsample(scale_factor=2, mode='bicubic')", "mode must be one of 'nearest', 'bilinear'"),
        ("Upsample(scale_factor=2, align_corners=True)", "align_corners option can only be set with the interpolating modes"),
        ("Upsample(scale_factor=-1)", "scale_factor must be a number in"),
        ("Upsample(scale_factor=(1, 2, 3))", "scale_factor must be a number in"),
    ])
    func badArgumentsAreOneLine(text: String, expected: String) {
        #expect(throws: LayerParseError.self) { try LayerParser.parse(text) }
        do { _ = try LayerParser.parse(text) } catch {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func anOutputOfNoCellsIsPyTorchsRuntimeError() throws {
        let trace = StackTrace(inputShape: [1, 1, 1, 1], layers: [try LayerParser.parse("Upsample(scale_factor=0.5)")])
        let failure = try #require(trace.failure)
        #expect(failure.error.pythonType == "RuntimeError")
        #expect(failure.error.message == "Input and output sizes should be greater than 0, but got input (H: 1, W: 1) output (H: 0, W: 0)")
    }

    /// The table has one row per kind, and every row but convscope's Cat parses, traces, runs and
    /// prints its repr as torch does: a kind added without its maths, or without a torch case, fails here.
    @Test func everyRowOfTheTableIsHeldToTorch() throws {
        let names = LayerKind.all.map(\.name)
        #expect(Set(names).count == names.count, "one row per kind")
        #expect(Set(names) == Set(Self.file.kinds.map(\.name) + ["Cat"]), "a torch case for every row")
        for kind in Self.file.kinds {
            let layer = try LayerParser.parse(kind.layer)
            #expect(layer.name == kind.name)
            #expect(layer.pytorchRepr == kind.repr, "\(kind.layer)")
            #expect(try LayerParser.parse(kind.repr).pytorchRepr == kind.repr, "\(kind.repr) reads back")
            let run = Self.run([layer], [1, 2, 6, 6])
            #expect(run.trace.failure == nil, "\(kind.layer) traces")
            let output = try #require(run.outputs[0], "\(kind.layer) runs")
            #expect(output.shape == kind.output_shape, "\(kind.layer)")
            #expect(Self.close(output.storage, kind.output), "\(kind.layer) values")
        }
    }
}
