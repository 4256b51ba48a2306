import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// Every layer kind at the extremes of every argument convscope accepts: shapes, parameters,
/// multiplications and fields are counted without a trap (saturated, or the layer refused), in
/// the trace, the table, the stack screen and the exercise engine.
@Suite("Extreme layers", .serialized)
struct ExtremeLayerTests {
    static let c = StackLimits.channels.upperBound, k = StackLimits.kernel.upperBound
    static let s = StackLimits.stride.upperBound, p = StackLimits.padding.upperBound, d = StackLimits.dilation.upperBound

    /// One layer of each kind with every argument at its largest (and a few at their smallest).
    static let layers: [String] = [
        "Conv2d(\(c), \(c), \(k), stride=\(s), padding=\(p), dilation=\(d))",
        "Conv2d(\(c), \(c), \(k), padding=\(k / 2))",
        "Conv2d(\(c), \(c), 1, stride=1, padding=\(p))",
        "Conv2d(\(c), \(c), \(k), padding='same', dilation=\(d))",
        "ConvTranspose2d(\(c), \(c), \(k), stride=\(s), dilation=\(d))",
        "ConvTranspose2d(\(c), \(c), \(k), stride=\(s), padding=\(p), output_padding=\(s - 1), dilation=\(d))",
        "ConvTranspose2d(\(c), \(c), 1, stride=\(s))",
        "MaxPool2d(\(k), stride=\(s), padding=\(k / 2), dilation=\(d))",
        "MaxPool2d(\(k), stride=1, padding=\(k / 2), ceil_mode=True)",
        "AvgPool2d(\(k), stride=\(s), padding=\(k / 2), ceil_mode=True)",
        "BatchNorm2d(\(c))", "ReLU()", "Dropout2d(p=1.0)",
    ]

    /// Stacks of `count` copies of `layer` on the largest input, and Cat doubling the channels.
    static func stacks(_ layer: String, count: Int) throws -> [Model] {
        let parsed = try LayerParser.parse(layer)
        let largest = [1, c, StackLimits.inputSize.upperBound, StackLimits.inputSize.upperBound]
        var models = [Model(inputShape: largest, layers: Array(repeating: parsed, count: count)),
                      Model(inputShape: [1, c, 1, 1], layers: Array(repeating: parsed, count: count))]
        let cats = try (0..<70).map { try LayerParser.parse("Cat(\($0))") }
        models.append(Model(inputShape: largest, layers: [parsed] + cats))
        return models
    }

    @Test(arguments: layers)
    func countsNeverTrapInTheTraceAndTheTable(_ layer: String) throws {
        for model in try Self.stacks(layer, count: 40) {
            let trace = StackTrace(inputShape: model.inputShape, layers: model.layers)
            #expect(trace.totalMultiplications >= 0 && trace.totalParameters >= 0 && trace.totalValues >= 0)
            for step in trace.layers {
                #expect(step.multiplications >= 0 && step.parameterCount >= 0)
                if let shape = step.outputShape {
                    #expect(shape[1] <= StackLimits.mapChannels && shape[2] <= StackLimits.mapSide && shape[3] <= StackLimits.mapSide)
                }
            }
            #expect(!StackTable.text(trace, unicode: true, language: .en).isEmpty)
        }
    }

    /// The stack screen starts on such a model, and its keys (`a` included) and frames hold.
    @Test(arguments: layers)
    func theStackScreenHoldsOnExtremeModels(_ layer: String) throws {
        for model in try Self.stacks(layer, count: 3) {
            var state = update(ModelProgram(model: model), .start(TerminalSize(columns: 100, rows: 30)))
            for key in [Key.character("a"), .down, .character("a"), .end, .character("a"), .enter, .character("i"), .character("x")] {
                update(&state, .key(key))
                let canvas = view(state, maps: nil, environment: RenderEnvironment(language: .en))
                #expect(canvas.height == 30)
            }
        }
    }

    /// Every count question on the largest layers is answered or refused in one line, never a trap.
    @Test(arguments: ["shape", "size", "params", "mults", "dense_params", "dense_mults", "rf", "valid"])
    func theExerciseEngineCountsOrRefuses(_ ask: String) {
        for layer in Self.layers where layer.hasPrefix("Conv") {
            let toml = "title = \"t\"\n[[exercise]]\nid = \"x\"\nlayer = \"\(layer.replacingOccurrences(of: "'", with: "\\\""))\"\n"
                + "input = [1, \(Self.c), 1024, 1024]\nask = \"\(ask)\"\n"
            do {
                let lab = try ExerciseLoader.load(toml, language: .en)
                #expect(lab.exercises.count == 1)
            } catch {
                #expect(!"\(error)".isEmpty)
            }
        }
    }
}

