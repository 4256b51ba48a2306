import Foundation
import Testing
@testable import ConvCore

/// What torch 2.13 computed for every tensor node of each fx_prints model with the course
/// notebook's weights on the ramp input, and the gradient support of its last spatial node
/// (`scripts/make_fx_value_fixtures.py`).
struct FxValueFixture: Decodable, CustomTestStringConvertible, Sendable {
    enum Number: Decodable, Sendable {
        case finite(Double), nonfinite(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .finite(d) } else { self = .nonfinite(try c.decode(String.self)) }
        }
    }
    struct Sample: Decodable, Sendable {
        let index: Int, value: Number
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            index = try c.decode(Int.self)
            value = try c.decode(Number.self)
        }
    }
    struct Node: Decodable, Sendable {
        let name: String
        let shape: [Int]
        let sum: Double
        let abs_sum: Double
        let nonfinite: Int
        let samples: [Sample]
    }
    struct Cell: Decodable, Sendable { let cell: [Int]; let rows: [Int]?; let cols: [Int]? }
    struct FieldCheck: Decodable, Sendable { let node: String; let shape: [Int]; let cells: [Cell] }

    let id: String
    let input_shape: [Int]
    let field: FieldCheck
    let nodes: [Node]

    var testDescription: String { id }

    static let all: [FxValueFixture] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fx_values")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().map {
            try! JSONDecoder().decode(FxValueFixture.self, from: Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }()

    var print: FxPrintFixture { FxPrintFixture.all.first { $0.id == id }! }
}

extension FxValueFixture.Node {
    /// `t` has torch's shape and non-finite count, its sum within 1e-4 of the sum of magnitudes,
    /// and each sampled value within 1e-4 relative.
    func expectMatches(_ t: GraphTensor) {
        #expect(t.shape == shape, "\(name)")
        let finite = t.storage.filter(\.isFinite)
        #expect(t.storage.count - finite.count == nonfinite, "\(name) non-finite")
        let total = finite.reduce(0.0) { $0 + Double($1) }
        #expect(abs(total - sum) <= 1e-4 * max(abs_sum, 1e-30), "\(name) sum \(total) vs \(sum)")
        for sample in samples where t.storage.indices.contains(sample.index) {
            let v = t.storage[sample.index]
            switch sample.value {
            case let .finite(d): #expect(abs(Double(v) - d) <= 1e-4 * abs(d) + 1e-6, "\(name)[\(sample.index)] \(v) vs \(d)")
            case let .nonfinite(s): #expect(s == (v.isNaN ? "nan" : v > 0 ? "inf" : "-inf"), "\(name)[\(sample.index)]")
            }
        }
    }
}

@Suite struct FxValueFixtureTests {
    /// The course notebook's ramp, x[0, c, y, x] = x.
    static func ramp(_ shape: [Int]) -> GraphTensor {
        var p = ConvParameters()
        p.inChannels = shape[1]; p.hIn = shape[2]; p.wIn = shape[3]
        return GraphTensor(InputSource.rampX.makeInput(p))
    }

    @Test func everyPrintHasValues() {
        #expect(Set(FxValueFixture.all.map(\.id)) == Set(FxPrintFixture.all.map(\.id)))
    }

    /// Every tensor node's sum, non-finite count and sampled values agree with torch within 1e-4
    /// relative (of the sum of magnitudes for sums).
    @Test(arguments: FxValueFixture.all)
    func valuesMatchTorch(_ f: FxValueFixture) throws {
        let model = try FxModelReader.read(f.print.text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        #expect(trace.failure == nil)
        var tensors: [String: GraphTensor] = [:]
        GraphForward.stream(trace, inputName: model.inputName, input: Self.ramp(f.input_shape)) { index, value in
            if case let .tensor(t) = value { tensors[trace.steps[index].node.name] = t }
        }
        // A parameter the print does not size (ConvNeXt's layer_scale) is a broadcast 1; its readers are checked.
        let unsized = Set(trace.steps.filter { $0.node.operation == .parameter(shape: nil) }.map(\.node.name))
        for node in f.nodes where !unsized.contains(node.name) {
            node.expectMatches(try #require(tensors[node.name], "\(node.name)"))
        }
    }

    /// The input rows and columns convscope's field gives for the last spatial node's centre and
    /// corner cells are the rows and columns the gradient reaches (max-pools as average pools,
    /// activations as the identity, all ones) — through every branch, crop, resize and permute.
    @Test(arguments: FxValueFixture.all)
    func fieldMatchesGradientSupport(_ f: FxValueFixture) throws {
        let p = f.print
        let trace = GraphTrace(try FxModelReader.read(p.text), inputShape: p.input_shape)
        let step = try #require(trace.steps.first { $0.node.name == f.field.node })
        #expect(step.outputShape == f.field.shape)
        // ops_zoo's map goes to NHWC, through a reshape merging height and width, and back: the field follows.
        #expect(step.field != nil)
        for cell in f.field.cells {
            let support = step.inputSupport(y: cell.cell[0], x: cell.cell[1], height: p.input_shape[2], width: p.input_shape[3])
            #expect(support.map { [$0.rows.lowerBound, $0.rows.upperBound] } == cell.rows, "\(cell.cell) rows")
            #expect(support.map { [$0.cols.lowerBound, $0.cols.upperBound] } == cell.cols, "\(cell.cell) cols")
        }
    }
}

/// The effective receptive field — paths from each input cell to one output cell — against the
/// gradient torch computes on the all-ones copy (activations and BatchNorms the identity, pools
/// summing their windows, `*` as `+`), through every branch, concatenation and transposed convolution.
@Suite struct FxPathCountTests {
    struct Paths: Decodable, Sendable { let node: String; let cell: [Int]; let counts: [[Double]] }
    struct Fixture: Decodable, CustomTestStringConvertible, Sendable {
        let id: String
        let input_shape: [Int]
        let paths: Paths?
        var testDescription: String { id }
    }

    static let all: [Fixture] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fx_values")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap {
            let f = try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: directory.appendingPathComponent($0)))
            return f.paths == nil ? nil : f
        }
    }()

    @Test func sevenModelsHavePathCounts() { #expect(Self.all.count >= 7) }

    @Test(arguments: all)
    func pathCountsEqualTorchsGradient(_ f: Fixture) throws {
        let paths = try #require(f.paths)
        let text = try #require(FxPrintFixture.all.first { $0.id == f.id }).text
        let model = try FxModelReader.read(text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        let counts = try #require(GraphPaths.counts(trace, inputName: model.inputName, node: paths.node,
                                                    y: paths.cell[0], x: paths.cell[1]))
        #expect(counts.count == paths.counts.count)
        var worst = 0.0
        for (row, expected) in zip(counts, paths.counts) {
            for (a, b) in zip(row, expected) { worst = max(worst, abs(a - b) / max(abs(b), 1)) }
        }
        #expect(worst <= 1e-9, "largest relative difference \(worst)")
        // Zero exactly where torch's gradient is zero: the support is the field's.
        #expect(zip(counts, paths.counts).allSatisfy { zip($0, $1).allSatisfy { ($0 == 0) == ($1 == 0) } })
    }
}
