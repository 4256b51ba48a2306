import ArgumentParser
import ConvCore

extension ParameterOptions {
    /// Refuses, in one line naming the flag and what the layer kind takes, a flag the course
    /// screen's layer kind would ignore (`--output-padding` on a Conv2d, `--stride-h` on a Conv1d,
    /// `--stride 2x1` on a Conv1d) and a file that kind's layer cannot read.
    func refuseIgnoredByKind(_ s: Conv2dSettings) throws {
        let kind = s.layerKind.rawValue
        for (flag, word) in given {
            let rows: [ParameterID]
            if let pair = flag.pair, flag.row == nil || !(flag.row?.spec.choiceNames.contains(word) ?? false) {
                // A shorthand whose halves agree gives the kind's own row the same value: nothing is lost.
                rows = s[pair.h] == s[pair.w] && !s.kindIgnores(pair.w) ? [] : [pair.h, pair.w]
            } else {
                rows = flag.row.map { [$0] } ?? []
            }
            guard let ignored = rows.first(where: s.kindIgnores), let reason = s.kindIgnoreReason(ignored) else { continue }
            throw ValidationError("\(flag.flag) \(word) does not apply to a \(kind): \(reason).")
        }
        // Only files or a kind given now: a restored session may hold a layer the screen shows as
        // PyTorch's refusal (a Conv1d on a tall input file), which must not keep the app from starting.
        let givesFileOrKind = given.contains { given in given.flag.row.map { [.input, .kernel, .layerKind].contains($0) } ?? false }
        if givesFileOrKind, let problem = Self.fileProblem(s) { throw ValidationError(problem) }
    }

    /// The input or kernel file the layer kind's layer cannot read, as one line; nil when it reads them.
    static func fileProblem(_ s: Conv2dSettings) -> String? {
        switch s.layerKind {
        case .conv2d: return nil
        case .convTranspose2d:
            guard case .failure? = s.transposedFileWeight(), case .file(let file) = s.kernel else { return nil }
            return transposedKernelProblem(file.name, shape: file.content.shape, weight: s.transposedLayer.weightShape) + "."
        case .conv1d:
            if case .failure? = CourseSequence.fileWeight(s, shape: CourseSequence.layer(s, causal: false).weightShape),
               case .file(let file) = s.kernel {
                return "--kernel \(file.name) has shape \(sizeText(file.content.shape)); a Conv1d takes a filter one row "
                    + "high: (1, k) or (C_out, C_in/groups, 1, k)."
            }
            if case .failure? = CourseSequence.fileInput(s), case .file(let file) = s.input {
                return "--input \(file.name) has shape \(sizeText(file.content.shape)); a Conv1d reads a sequence: "
                    + "a file one row high (1, C, 1, L)."
            }
            return nil
        }
    }

    /// Why a ConvTranspose2d whose weight has shape `weight` cannot take a kernel file of `shape`: what it takes instead.
    static func transposedKernelProblem(_ name: String, shape: [Int], weight: [Int]) -> String {
        "--kernel \(name) has shape \(sizeText(shape)); this ConvTranspose2d takes a (kH, kW) filter "
            + "\(sizeText(Array(weight[2...]))) or its weight (C_in, C_out/groups, kH, kW) \(sizeText(weight))"
    }

    private static func sizeText(_ shape: [Int]) -> String { "(" + shape.map(String.init).joined(separator: ", ") + ")" }
}
