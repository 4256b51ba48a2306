import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// Layer strings at the ends of every argument a layer string accepts: for each kind, every
/// combination of its numeric arguments' smallest and largest values (padding also 'same' and
/// 'valid', every padding mode, groups 1 and the most), then stacked so transposed layers
/// multiply their sizes and Cat doubles its channels.
enum ExtremeArguments {
    static func ends(_ range: ClosedRange<Int>) -> [Int] { [range.lowerBound, range.upperBound] }
    static let channels = ends(StackLimits.channels), kernels = ends(StackLimits.kernel)
    static let strides = ends(StackLimits.stride), paddings = ends(StackLimits.padding), dilations = ends(StackLimits.dilation)

    /// Every combination of `lists`' values.
    static func combinations(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    static func words(_ numbers: [Int]) -> [String] { numbers.map(String.init) }

    static var conv2d: [String] {
        combinations([words(channels), words(channels), words(kernels), words(strides),
                      words(paddings) + ["'same'", "'valid'"], words(dilations), words(channels),
                      ["zeros", "reflect", "replicate", "circular"]]).map { a in
            "Conv2d(\(a[0]), \(a[1]), \(a[2]), stride=\(a[3]), padding=\(a[4]), dilation=\(a[5]), groups=\(a[6]), padding_mode='\(a[7])')"
        }
    }

    static var convTranspose2d: [String] {
        combinations([words(channels), words(channels), words(kernels), words(strides), words(paddings),
                      words(paddings), words(dilations), words(channels)]).map { a in
            "ConvTranspose2d(\(a[0]), \(a[1]), \(a[2]), stride=\(a[3]), padding=\(a[4]), output_padding=\(a[5]), dilation=\(a[6]), groups=\(a[7]))"
        }
    }

    static var pools: [String] {
        combinations([words(kernels), words(strides), words(paddings), words(dilations), ["False", "True"]]).flatMap { a in
            ["MaxPool2d(\(a[0]), stride=\(a[1]), padding=\(a[2]), dilation=\(a[3]), ceil_mode=\(a[4]))",
             "AvgPool2d(\(a[0]), stride=\(a[1]), padding=\(a[2]), ceil_mode=\(a[4]), count_include_pad=\(a[4] == "True" ? "False" : "True"))",
             "AvgPool2d(\(a[0]), stride=\(a[1]), padding=\(a[2]), ceil_mode=\(a[4]), divisor_override=\(a[3] == "1" ? 1 : 4096))"]
        }
    }

    /// The element-wise kinds at the ends of their numbers (1e300 slopes make infinities and NaN).
    static let elementWise = ["ReLU()", "LeakyReLU(negative_slope=1e300)", "LeakyReLU(negative_slope=-1e300)", "Sigmoid()", "Tanh()",
                              "GELU()", "GELU(approximate='tanh')", "BatchNorm2d(1)", "BatchNorm2d(4096, eps=1e300)",
                              "BatchNorm2d(1, eps=5e-324, track_running_stats=False)", "BatchNorm2d(4096, momentum=None)",
                              "Dropout(p=1.0)", "Dropout2d(p=0.0)", "Identity()"]

    static var all: [String] { conv2d + convTranspose2d + pools + elementWise }

    /// A few of each kind for the slower checks: all smallest, all largest, and each argument alone at its other end.
    static var sample: [String] {
        let kinds = [conv2d, convTranspose2d, pools, elementWise]
        return kinds.flatMap { list in stride(from: 0, to: list.count, by: max(1, list.count / 12)).map { list[$0] } + [list.last!] }
    }

    /// The input's shapes a layer is tried on: the smallest and largest sides, its own channels.
    static func inputs(for layer: StackLayer) -> [[Int]] {
        let c = layer.inChannels ?? 1
        return [[1, c, 1, 1], [1, c, 1024, 1024], [1, c, 1, 1024]]
    }
}

extension StackLayer {
    /// The channels the layer takes, when it says.
    var inChannels: Int? {
        switch self {
        case let .conv2d(l): l.inChannels
        case let .convTranspose2d(l): l.inChannels
        case let .shapePreserving(.batchNorm2d(bn)): bn.numFeatures
        default: nil
        }
    }
}

@Suite("Every argument at its ends", .serialized)
struct ExtremeArgumentTests {
    /// Shapes, parameters, multiplications, receptive fields and the --layers table (text and
    /// JSON) of every combination, alone and three deep, with 40 Cats: counts saturate, never trap.
    @Test func countsTablesAndFieldsNeverTrap() throws {
        var traced = 0
        for text in ExtremeArguments.all {
            let layer: StackLayer
            do { layer = try LayerParser.parse(text) } catch { #expect(!"\(error)".contains("\n")); continue }
            for shape in ExtremeArguments.inputs(for: layer) {
                for layers in [[layer], [layer, layer, layer], [layer] + (0..<40).map { _ in StackLayer.cat(CatLayer(skip: 0)) }] {
                    let trace = StackTrace(inputShape: shape, layers: layers)
                    traced += 1
                    #expect(trace.totalMultiplications >= 0 && trace.totalParameters >= 0 && trace.totalValues >= 0, "\(text)")
                    for step in trace.layers {
                        if let out = step.outputShape { #expect(out.allSatisfy { $0 >= 0 }, "\(text) \(out)") }
                        if let field = step.field { _ = StackJSONWriter.fieldKeys(field) }
                    }
                    _ = trace.shapeLine
                    #expect(!StackTable.text(trace, unicode: true, language: .en).isEmpty)
                    var json: [UInt8] = []
                    var writer = StackJSONWriter { json += $0 }
                    writer.writeTable(trace)
                    #expect(json.first == UInt8(ascii: "{"), "\(text)")
                }
            }
        }
        #expect(traced > 3000)
    }

    /// Every kind of question on the sampled layers at the largest and smallest inputs: the lab
    /// loads (each answer graded, the key written) or is refused in one line.
    @Test(arguments: QuestionKind.allCases)
    func everyQuestionKindAnswersOrRefusesInOneLine(_ kind: QuestionKind) {
        let extra: [String] = switch kind {
        case .value: ["cell = [0, 0, 0]", "cell = [4095, 1023, 1023]", "cell = [9223372036854775807, 0, 0]"]
        case .padding: ["goal = \"same\"", "goal = \"half\""]
        case .stride, .kernel, .outputPadding: ["target = [1, 1]", "target = [1024, 4096]", "target = [9223372036854775807, 1]"]
        default: [""]
        }
        var loaded = 0
        for text in ExtremeArguments.sample {
            guard let layer = try? LayerParser.parse(text) else { continue }
            for shape in ExtremeArguments.inputs(for: layer) {
                for line in extra {
                    let toml = "title = \"t\"\n[[exercise]]\nid = \"x\"\nlayer = \"\(text.replacingOccurrences(of: "'", with: "\\\""))\"\n"
                        + "input = \(shape)\nask = \"\(kind.rawValue)\"\n\(line)\n"
                    do {
                        let lab = try ExerciseLoader.load(toml, language: .en)
                        for exercise in lab.exercises {
                            for answer in ["1", "nan", "1x1", "9223372036854775808", ""] { _ = exercise.solution.verdict(for: answer) }
                        }
                        _ = AnswerKey(lab: lab, language: .ru).text(.text)
                        loaded += 1
                    } catch {
                        #expect(!error.description.contains("\n"), "\(text) \(kind): \(error)")
                    }
                }
            }
        }
        #expect(loaded > 0, "no \(kind.rawValue) question loaded")
    }

    /// The model screen starts on each sampled layer at the largest input, three deep, and its
    /// keys and frames hold.
    @Test func screensHoldOnTheSampledLayers() throws {
        for text in ExtremeArguments.sample {
            guard let layer = try? LayerParser.parse(text) else { continue }
            let shape = ExtremeArguments.inputs(for: layer)[1]
            // The inout update leaves the values to the run loop (off the key path), as the screen does.
            var state = ModelProgram(model: Model(inputShape: shape, layers: [layer, layer, layer]))
            update(&state, .start(TerminalSize(columns: 80, rows: 24)))
            for key in [Key.character("a"), .down, .end, .character("i"), .right, .enter] {
                update(&state, .key(key))
                #expect(view(state, maps: nil, environment: RenderEnvironment(language: .en)).height == 24)
            }
        }
    }
}
