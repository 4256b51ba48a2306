import ConvCore
import Testing
@testable import ConvExercises

/// Generated labs load, grade cleanly with their own answers, differ between variants and stay
/// within the course notebook's slider ranges.
@Suite struct LabGeneratorTests {
    static func lab(_ count: Int, _ kinds: [QuestionKind], variant: UInt64, maxSize: Int? = nil) throws -> (String, ExerciseSet) {
        var generator = LabGenerator(kinds: kinds, variant: variant, maxSize: maxSize)
        let text = generator.generate(count: count, language: .en)
        return (text, try ExerciseLoader.load(text, language: .en))
    }

    @Test(arguments: [1, 2, 3, 77] as [UInt64])
    func generatedLabAnsweredWithItsOwnAnswersScoresFull(_ variant: UInt64) throws {
        let (_, lab) = try Self.lab(24, LabGenerator.generatableKinds, variant: variant)
        #expect(lab.exercises.count == 24)
        var sheet = AnswerSheet()
        for exercise in lab.exercises { sheet.record(exercise.solution.expected, for: exercise.number) }
        let reread = try AnswerSheet.parse(sheet.text(title: lab.title, questionCount: 24), questionCount: 24)
        let report = GradeReport(lab: lab, sheet: reread)
        #expect(report.score == 24, "\(report.questions.filter { $0.result != "right" })")
    }

    @Test func theSameVariantGivesTheSameFileAndAnotherADifferentOne() throws {
        let kinds: [QuestionKind] = [.shape, .padding, .value, .receptiveField]
        #expect(try Self.lab(10, kinds, variant: 5).0 == Self.lab(10, kinds, variant: 5).0)
        #expect(try Self.lab(10, kinds, variant: 5).0 != Self.lab(10, kinds, variant: 6).0)
    }

    @Test func questionsAreVariedAndNonTrivial() throws {
        let (_, lab) = try Self.lab(40, [.shape, .padding, .value, .receptiveField, .valid], variant: 9)
        let setups = lab.exercises.map { "\($0.question)|\($0.setup.layers)|\($0.setup.inputShape)" }
        #expect(Set(setups).count == setups.count, "no two alike")
        let convs = lab.exercises.flatMap(\.setup.layers).compactMap { layer -> Conv2dLayer? in
            if case let .conv2d(c) = layer { return c } else { return nil }
        }
        #expect(convs.contains { $0.stride.h > 1 })
        #expect(convs.contains { $0.padding != .explicit(h: 0, w: 0) })
        let validity = lab.exercises.filter { $0.question == .valid }.map { $0.solution.expected == "yes" }
        #expect(validity.contains(true) && validity.contains(false), "some valid and some invalid layers")
        for exercise in lab.exercises where exercise.question.kind == .shape {
            let conv = convs.first { exercise.setup.layers == [.conv2d($0)] }!
            #expect(conv.stride.h > 1 || conv.padding != .explicit(h: 0, w: 0) || conv.dilation.h > 1, "not the trivial case")
        }
    }

    @Test func sizesStayInTheSliderRangesOrUnderMaxSize() throws {
        for (maxSize, range) in [(nil, 8...32), (12, 8...12), (5, 5...5)] as [(Int?, ClosedRange<Int>)] {
            let (_, lab) = try Self.lab(20, [.shape, .value, .receptiveField, .padding], variant: 3, maxSize: maxSize)
            for exercise in lab.exercises {
                let size = exercise.setup.inputShape
                #expect(range.contains(size[3]), "\(size)")
                #expect(range.contains(size[2]))
                #expect((1...4).contains(size[1]))
            }
        }
    }
}
