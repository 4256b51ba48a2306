/// Every value the grader takes for a padding, stride or kernel question, per field: a layer's
/// height and width are sized apart, so the right pairs are every combination of the fields'.
/// (Another padding or kernel can give the same output size: the grader takes any that does.)
extension LMSExport {
    /// Per field of the expected answer, the values the grader grades right (the expected first);
    /// one field, the expected value alone, for the other kinds.
    static func acceptedValues(_ exercise: Exercise, expected numbers: [Int]) -> [[Int]] {
        guard [.padding, .stride, .kernel].contains(exercise.question.kind), (1...2).contains(numbers.count) else {
            return numbers.map { [$0] }
        }
        return numbers.indices.map { field in
            var values = [numbers[field]]
            for candidate in 0...64 where candidate != numbers[field] {
                var answer = numbers
                answer[field] = candidate
                let text = answer.count == 1 ? "\(candidate)" : "(\(answer[0]), \(answer[1]))"
                // One number stands for both axes: it is right only where its square pair is.
                if exercise.solution.verdict(for: text) == .right { values.append(candidate) }
            }
            return values
        }
    }

    /// Every right combination of `accepted`'s fields, the expected one first; nil past `limit`.
    static func combinations(_ accepted: [[Int]], limit: Int = 64) -> [[Int]]? {
        var all: [[Int]] = [[]]
        for values in accepted {
            all = all.flatMap { prefix in values.map { prefix + [$0] } }
            if all.count > limit { return nil }
        }
        return all
    }
}
