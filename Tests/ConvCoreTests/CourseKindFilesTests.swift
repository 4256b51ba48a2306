import Foundation
import Testing
@testable import ConvCore

/// scripts/make_course_kind_files_fixture.py's files: a ConvTranspose2d's and a Conv1d's loaded
/// input and kernel files run by torch 2.13 (values, or the refusal's type and message).
struct CourseKindFilesFixture: Decodable, CustomStringConvertible {
    let kind: String, name: String
    let cin: Int, cout: Int, k: [Int], stride: [Int], padding: [Int], output_padding: [Int], dilation: [Int], groups: Int
    let bias: Float?, mode: String?, padding_word: String?
    let input: String, kernel: String
    let output_shape: [Int]?, output: [Float]?
    let type: String?, message: String?
    var description: String { name }

    static let directory = StackFixtureFile.directory.appendingPathComponent("course_kind_files")

    static let all: [CourseKindFilesFixture] = {
        struct File: Decodable { let cases: [CourseKindFilesFixture] }
        let url = directory.appendingPathComponent("course_kind_files_torch.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func bytes(_ name: String) -> [UInt8] { [UInt8](try! Data(contentsOf: directory.appendingPathComponent(name))) }

    /// The course screen's rows with the case's files loaded the screen's way (the layer kind
    /// first); a weight the kind cannot load is put in place as a kind switch leaves it.
    func settings() throws -> Conv2dSettings {
        var s = Conv2dSettings()
        s.layerKind = CourseLayerKind(rawValue: kind)!
        s.useInput(.file(LoadedFile(name: input, content: try InputFile.load(bytes: Self.bytes(input), name: input))))
        s.geometry.outChannels = cout
        (s.geometry.strideH, s.geometry.strideW) = (stride[0], stride[1])
        (s.geometry.paddingH, s.geometry.paddingW) = (padding[0], padding[1])
        (s.geometry.dilationH, s.geometry.dilationW) = (dilation[0], dilation[1])
        (s.outputPaddingH, s.outputPaddingW) = (output_padding[0], output_padding[1])
        if let word = padding_word { s.paddingChoice = PaddingChoice(rawValue: word)! }
        s.groups = groups
        s.bias = bias
        s.paddingMode = PaddingMode(rawValue: mode ?? "zeros")!
        let file = LoadedFile(name: kernel, content: try KernelFile(bytes: Self.bytes(kernel), name: kernel))
        do { try s.useKernel(.file(file)) } catch {
            #expect(message != nil, "\(name): the file was refused on loading: \(error)")
            s.kernel = .file(file)
            (s.geometry.kernelSizeH, s.geometry.kernelSizeW) = file.content.kernelSize
        }
        #expect(s.geometry.inChannels == cin && s.geometry.outChannels == cout, "\(name): rows \(s.geometry)")
        return s
    }
}

/// The course screen computes the layer its rows show for every layer kind: a loaded file is the
/// input or weight that kind's layer gets (against torch), and every row a kind reads changes
/// the computed layer while a row it ignores changes nothing and says so.
struct CourseKindFilesTests {
    @Test(arguments: CourseKindFilesFixture.all)
    func loadedFilesRunAsTorchRunsThem(_ fixture: CourseKindFilesFixture) throws {
        let s = try fixture.settings()
        let result: Outcome
        if s.layerKind == .conv1d {
            let sequence = CourseSequence(s, causal: false)
            // The input on screen is the file's tensor: the sequence, or the 4-D tensor conv1d refuses.
            let file = s.makeInput()
            #expect(sequence.input.storage == file.storage)
            #expect(sequence.input.shape == (file.shape[2] == 1 ? [1, file.shape[1], file.shape[3]] : file.shape))
            switch sequence.output {
            case .success(let y): result = .values(y.shape, y.storage)
            case .failure(let e): result = .refused(e.pythonType, e.message)
            }
        } else if let refusal = s.transposedRefusal {
            result = .refused(refusal.pythonType, refusal.message)
        } else {
            let size = s.transposedInputSize
            let y = try TransposedAsDirect(s.transposedLayer, inputHeight: size.h, inputWidth: size.w)
                .run(input: s.makeInput(), weight: s.transposedWeight(), bias: s.transposedBias)
            result = .values(y.shape, y.storage)
        }
        switch result {
        case .values(let shape, let values):
            #expect(fixture.message == nil, "torch refused: \(fixture.message ?? "")")
            #expect(shape == fixture.output_shape)
            let expected = fixture.output ?? []
            #expect(values.count == expected.count)
            let worst = zip(values, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-4, "\(fixture.name): off by \(worst)")
        case .refused(let type, let message):
            #expect(type == fixture.type)
            #expect(message == fixture.message)
        }
    }

    /// The values a kind computed, or its refusal.
    enum Outcome { case values([Int], [Float]), refused(String, String) }

    // MARK: every row of every kind

    /// A change to one row, away from `base`.
    static func changed(_ base: Conv2dSettings, _ id: ParameterID) -> Conv2dSettings {
        var s = base
        switch id {
        case .layerKind: break
        case .bias: s.bias = 2
        case .paddingMode: s.paddingMode = .circular
        case .padding: s.paddingChoice = .same
        default: s[id] = base[id] + 1
        }
        return s
    }

    /// The base the rows are changed from: a layer every kind runs, with room for each change.
    static func base(_ kind: CourseLayerKind) -> Conv2dSettings {
        var s = Conv2dSettings()
        s.layerKind = kind
        s.geometry.hIn = 6; s.geometry.wIn = 7; s.geometry.inChannels = 2; s.geometry.outChannels = 2
        s.geometry.kernelSizeH = 2; s.geometry.kernelSizeW = 3; s.geometry.strideH = 2; s.geometry.strideW = 2
        s.geometry.paddingH = 1; s.geometry.paddingW = 1
        return s
    }

    /// What the kind computes, as values: the layer's description, its input, weight, bias and output.
    static func computed(_ s: Conv2dSettings) -> String {
        switch s.layerKind {
        case .conv2d:
            return "\(s.spec) \(s.makeInput().storage) \(s.makeWeights().storage)"
        case .convTranspose2d:
            if let refusal = s.transposedRefusal { return "\(s.transposedRepr) \(refusal)" }
            let size = s.transposedInputSize
            let y = try? TransposedAsDirect(s.transposedLayer, inputHeight: size.h, inputWidth: size.w)
                .run(input: s.makeInput(), weight: s.transposedWeight(), bias: s.transposedBias)
            return "\(s.transposedRepr) \(s.makeInput().storage) \(s.transposedWeight().storage) \(y?.storage ?? [])"
        case .conv1d:
            let q = CourseSequence(s, causal: false)
            return "\(q.layer) \(q.input.storage) \(q.weight.storage) \(String(describing: q.bias)) \(q.output)"
        }
    }

    @Test(arguments: CourseLayerKind.allCases)
    func everyRowTheKindShowsChangesWhatItComputes(_ kind: CourseLayerKind) {
        let base = Self.base(kind)
        for id in ParameterID.allCases where id != .layerKind {
            var s = Self.changed(base, id)
            if id == .outputPaddingH || id == .outputPaddingW { s.geometry.strideH = 3; s.geometry.strideW = 3 }
            var reference = base
            if id == .outputPaddingH || id == .outputPaddingW { reference.geometry.strideH = 3; reference.geometry.strideW = 3 }
            let differs = Self.computed(s) != Self.computed(reference)
            if s.kindIgnores(id) {
                #expect(!differs, "\(kind): \(id.name) is said to be ignored but changes the layer")
                #expect(s.ignoredRowText(id) == "-" || kind == .conv1d, "\(kind): \(id.name) should show -")
            } else {
                #expect(differs, "\(kind): the \(id.name) row changed and the computed layer did not")
                #expect(s.ignoredRowText(id) == nil)
            }
        }
    }

    /// Every kernel preset and every input source, on every kind: the weight and input computed
    /// are the ones the kernel and input rows name, laid out the kind's way.
    @Test(arguments: CourseLayerKind.allCases)
    func everyPresetAndSourceIsTheOneComputed(_ kind: CourseLayerKind) {
        for preset in KernelPreset.all {
            var s = Self.base(kind)
            s.kernel = .preset(preset)
            switch kind {
            case .conv2d: #expect(s.makeWeights() == preset.makeWeights(shape: [2, 2, 2, 3]))
            case .convTranspose2d: #expect(s.transposedWeight() == preset.makeWeights(shape: [2, 2, 2, 3]), "\(preset)")
            case .conv1d: #expect(CourseSequence(s, causal: false).weight.storage == preset.makeWeights(shape: [2, 2, 1, 3]).storage)
            }
        }
        for source in InputSource.all {
            var s = Self.base(kind)
            s.input = .generated(source)
            let expected = kind == .conv1d
                ? (source == .notebook ? InputSource.rampX : source).makeInput(channels: 2, hIn: 1, wIn: 7).storage
                : source.makeInput(channels: 2, hIn: 6, wIn: 7).storage
            let computed = kind == .conv1d ? CourseSequence(s, causal: false).input.storage : s.makeInput().storage
            #expect(computed == expected, "\(kind) \(source)")
        }
    }

    /// Switching the layer kind with a 4-D kernel file loaded reads its dimensions the new kind's
    /// way, so the file stays the weight on both sides.
    @Test func aFourDimensionalKernelFileFollowsTheLayerKind() throws {
        let name = "t-4d-kernel.npy"  // (3, 2, 2, 2)
        let file = LoadedFile(name: name, content: try KernelFile(bytes: CourseKindFilesFixture.bytes(name), name: name))
        var s = Conv2dSettings()
        s.geometry.inChannels = 2
        try s.useKernel(.file(file))
        #expect(s.kernelShape == [3, 2, 2, 2] && s.makeWeights().storage == file.content.values)
        s[.layerKind] = 1
        #expect(s.layerKind == .convTranspose2d)
        #expect(s.transposedLayer.inChannels == 3 && s.transposedLayer.outChannels == 2)
        #expect(s.transposedRefusal == nil && s.transposedWeight().storage == file.content.values)
        #expect(s.overrider(of: .inChannels) == .kernel)
        s[.layerKind] = 0
        #expect(s.kernelShape == [3, 2, 2, 2] && s.makeWeights().storage == file.content.values)
    }

    /// An input file keeps in_channels, so a 4-D weight one kind reads may not fit the next kind's
    /// layer: a Conv2d then computes with the preset its row shows, a Conv1d refuses the file by
    /// its own shape — never a layer of zeros.
    @Test func aKindSwitchNeverComputesAWeightThatNoLongerFits() throws {
        func load(_ name: String) throws -> [UInt8] { CourseKindFilesFixture.bytes(name) }
        var s = Conv2dSettings()
        s[.layerKind] = 1
        s.useInput(.file(LoadedFile(name: "t-4d-input.npy", content: try InputFile.load(bytes: try load("t-4d-input.npy"), name: "t-4d-input.npy"))))
        let kernel = LoadedFile(name: "t-4d-kernel.npy", content: try KernelFile(bytes: try load("t-4d-kernel.npy"), name: "t-4d-kernel.npy"))
        try s.useKernel(.file(kernel))  // (3, 2, 2, 2) on a (1, 3, 4, 5) input: C_in 3, C_out 2
        #expect(s.transposedRefusal == nil && s.transposedWeight().storage == kernel.content.values)
        s[.layerKind] = 0  // a Conv2d(3, 3) would need (3, 3, 2, 2)
        #expect(s.kernel == .preset(.ones))
        #expect(s.makeWeights().storage.allSatisfy { $0 == 1 })

        var sequence = Conv2dSettings()
        sequence.useInput(.file(LoadedFile(name: "s-4d-input.npy", content: try InputFile.load(bytes: try load("s-4d-input.npy"), name: "s-4d-input.npy"))))
        let filter = LoadedFile(name: "s-4d-kernel.npy", content: try KernelFile(bytes: try load("s-4d-kernel.npy"), name: "s-4d-kernel.npy"))
        sequence.kernel = .file(filter)  // (2, 2, 1, 2) where the rows now ask for another shape
        sequence.geometry.outChannels = 3
        sequence[.layerKind] = 2
        let weight = CourseSequence.fileWeight(sequence, shape: CourseSequence.layer(sequence, causal: false).weightShape)
        guard case .failure(let error)? = weight else { Issue.record("a weight that does not fit was computed: \(String(describing: weight))"); return }
        #expect("\(error)".contains("[2, 2, 1, 2]"))
    }
}
