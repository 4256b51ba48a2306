import Foundation
import Testing
@testable import ConvCore

/// scripts/make_course_sequence_fixture.py's file: the course screen's Conv1d rows run by torch 2.13.
struct CourseSequenceFixtureFile: Decodable {
    struct Case: Decodable, CustomStringConvertible {
        struct Rows: Decodable {
            let length: Int, cin: Int, cout: Int, k: Int, stride: Int, dilation: Int, groups: Int
            let padding: Padding, bias: Float?, mode: String, causal: Bool
        }
        /// An amount, or 'same'/'valid'.
        enum Padding: Decodable {
            case amount(Int), word(String)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let n = try? c.decode(Int.self) { self = .amount(n) } else { self = .word(try c.decode(String.self)) }
            }
        }
        let `case`: Rows
        let output_shape: [Int]?, output: [Float]?
        let type: String?, message: String?

        /// The course screen's rows as the case sets them.
        var settings: Conv2dSettings {
            let r = self.case
            var s = Conv2dSettings()
            s.layerKind = .conv1d
            s.geometry.wIn = r.length; s.geometry.inChannels = r.cin; s.geometry.outChannels = r.cout
            s.geometry.kernelSizeW = r.k; s.geometry.strideW = r.stride; s.geometry.dilationW = r.dilation
            switch r.padding {
            case .amount(let n): s.geometry.paddingW = n
            case .word(let w): s.paddingChoice = PaddingChoice(rawValue: w)!
            }
            s.groups = r.groups; s.bias = r.bias; s.paddingMode = PaddingMode(rawValue: r.mode)!
            return s
        }
        var description: String { "\(self.case)" }
    }
    let torch: String
    let cases: [Case]

    static let shared: CourseSequenceFixtureFile = {
        let url = StackFixtureFile.directory.appendingPathComponent("course_sequence_torch.json")
        return try! JSONDecoder().decode(CourseSequenceFixtureFile.self, from: Data(contentsOf: url))
    }()
}

/// The course screen's Conv1d (the width rows, causal or not) against torch: values, shapes, refusals.
struct CourseSequenceTests {
    @Test(arguments: CourseSequenceFixtureFile.shared.cases)
    func theRowsRunAsTorchRunsThem(_ fixture: CourseSequenceFixtureFile.Case) {
        let sequence = CourseSequence(fixture.settings, causal: fixture.case.causal)
        switch sequence.output {
        case .success(let output):
            #expect(fixture.message == nil, "torch refused: \(fixture.message ?? "")")
            #expect(output.shape == fixture.output_shape)
            #expect(output.storage == fixture.output)
        case .failure(let error):
            #expect(error.pythonType == fixture.type)
            #expect(error.message == fixture.message)
        }
    }

    /// The shape or refusal read without the forward (what the layout and the command line ask)
    /// is the one the forward gives, and the layer is the one it runs.
    @Test(arguments: CourseSequenceFixtureFile.shared.cases)
    func theVerdictWithoutTheForwardIsTheForwards(_ fixture: CourseSequenceFixtureFile.Case) {
        let causal = fixture.case.causal
        let sequence = CourseSequence(fixture.settings, causal: causal)
        #expect(CourseSequence.layer(fixture.settings, causal: causal).pytorchRepr == sequence.layer.pytorchRepr)
        switch (CourseSequence.outputShape(fixture.settings, causal: causal), sequence.output) {
        case (.success(let shape), .success(let output)): #expect(shape == output.shape)
        case (.failure(let verdict), .failure(let error)): #expect(verdict.pythonType == error.pythonType && verdict.message == error.message)
        case (let verdict, let output): Issue.record("without the forward \(verdict), with it \(output)")
        }
    }

    @Test func theFixtureHoldsRefusalsAndCausalCases() {
        let cases = CourseSequenceFixtureFile.shared.cases
        #expect(CourseSequenceFixtureFile.shared.torch.hasPrefix("2.13"))
        #expect(cases.filter { $0.message != nil }.count >= 8)
        #expect(cases.filter { $0.case.causal && $0.output != nil }.count >= 3)
    }

    /// Every tap of a causal output is at t or earlier, and the lit taps' sum is the value.
    @Test(arguments: CourseSequenceFixtureFile.shared.cases.filter { $0.case.causal && $0.output != nil })
    func aCausalOutputNeverReadsTheFuture(_ fixture: CourseSequenceFixtureFile.Case) throws {
        let sequence = CourseSequence(fixture.settings, causal: true)
        let output = try sequence.output.get()
        let length = output.shape[2]
        for t in 0..<length {
            let taps = sequence.taps(of: t)
            #expect(taps.allSatisfy { $0 <= t * sequence.axis.stride })
            for o in 0..<output.shape[1] {
                let channels = sequence.channelsRead(by: o)
                var sum = Double(sequence.bias?[o] ?? 0)
                for c in channels {
                    for (k, i) in taps.enumerated() {
                        let w = sequence.weight.storage[((o * channels.count) + c - channels.lowerBound) * taps.count + k]
                        sum += Double(w) * Double(sequence.paddedValue(channel: c, at: i))
                    }
                }
                #expect(Float(sum) == output.storage[o * length + t])
            }
        }
    }
}
