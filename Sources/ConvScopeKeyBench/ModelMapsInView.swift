import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation

/// One model screen the maps-in-view figures time: a key (the screen opened, or End) → the frame
/// painted with the selected node's maps, its values computed as the run loop would (the stack
/// screen's by the `Engine`, the graph screen's by its request, both off the key path).
struct ModelMapsCase {
    let name: String
    let open: () -> ModelProgram
    /// The key after opening whose maps are timed; nil times the opening itself.
    let key: Key?
}

/// The largest models in range, on both model screens: `print(model)` files and a `--layer`
/// chain on the stack screen, torch.fx prints on the graph screen, at 224² and larger inputs.
func modelMapsCases(quick: Bool) -> [ModelMapsCase] {
    let prints = "Tests/ConvCoreTests/Fixtures/model_prints/", fx = "Tests/ConvCoreTests/Fixtures/fx_prints/"
    func stack(_ file: String, side: Int, onLastLayer: Bool = false) -> ModelMapsCase? {
        guard let text = try? String(contentsOfFile: prints + file + ".txt", encoding: .utf8),
              let printed = try? ModelParser.read(text) else { print("(\(file): not read)"); return nil }
        let model = Model(inputShape: [1, Model.expectedChannels(printed.layers) ?? 3, side, side], printed: printed)
        // On the last layer: opened with it selected, so every layer comes before its maps.
        let last = StackAction.chooseLayer(model.layers.count - 1)
        return ModelMapsCase(name: "stack \(file) \(side)², open" + (onLastLayer ? " on the last layer" : ""),
                             open: { onLastLayer ? update(ModelProgram(model: model), .stack(last)) : ModelProgram(model: model) },
                             key: nil)
    }
    func chain(_ texts: [String], channels: Int, side: Int, label: String) -> ModelMapsCase? {
        guard let layers = try? texts.map({ try LayerParser.parse($0) }) else { print("(\(label): not parsed)"); return nil }
        let model = Model(inputShape: [1, channels, side, side], layers: layers)
        return ModelMapsCase(name: "stack --layer \(label) \(side)², open", open: { ModelProgram(model: model) }, key: nil)
    }
    func graph(_ file: String, side: Int, key: Key?) -> ModelMapsCase? {
        guard let text = try? String(contentsOfFile: fx + file + ".txt", encoding: .utf8),
              let model = try? FxModelReader.read(text) else { print("(\(file): not read)"); return nil }
        let shape = [1, model.firstChannels ?? 3, side, side]
        return ModelMapsCase(name: "graph \(file) \(side)², " + (key == nil ? "open" : "End"),
                             open: { ModelProgram(graph: model, inputShape: shape) }, key: key)
    }
    let sides = quick ? [64] : [224, 448]
    let convs = ["Conv2d(16, 16, 3, padding=1)", "ReLU()", "Conv2d(16, 16, 3, padding=1)", "ReLU()"]
    return sides.flatMap { side -> [ModelMapsCase?] in
        [stack("alexnet_features", side: side), stack("resnet18_stem", side: side), stack("vgg16_features", side: side),
         stack("vgg16_features", side: side, onLastLayer: true),
         graph("resnet50", side: side, key: nil), graph("resnet50", side: side, key: .end),
         graph("densenet121", side: side, key: .end), graph("convnext_tiny", side: side, key: .end)]
    }.compactMap { $0 } + [chain(Array(repeating: convs, count: 2).flatMap { $0 }, channels: 16, side: quick ? 256 : 512,
                                 label: "4× Conv2d(16, 16, 3, padding=1) + ReLU")].compactMap { $0 }
}

/// Times `bench` `runs` times after a warm-up: the key (or the opening), the values it asks for
/// computed, and the frame painted with them.
func timeModelMaps(_ bench: ModelMapsCase, runs: Int) -> MapsInViewTiming {
    let environment = RenderEnvironment(language: .en), size = TerminalSize(columns: 200, rows: 60)
    var samples: [Double] = [], cpu: [Double] = [], whole: [Double] = [], run = 0, runs = runs
    var shown = false
    while run <= runs {
        // A key after opening: the screen opened first, its first values computed (as `update` does).
        let opened = bench.key == nil ? nil : update(bench.open(), .start(size))
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUMilliseconds()
        var state = opened ?? bench.open()
        let effects = update(&state, bench.key.map(Action.key) ?? .start(size))
        let engine = Engine()
        var wholeRunTaken = true
        for effect in effects {
            switch effect {
            case .computeStack(let model, let selected):
                // The first delivery holds the selected layer's values; the rest follow (timed apart).
                var results = engine.request(.stack(model, selected: selected))
                while results.isEmpty { usleep(200); results = engine.take() }
                for result in results { _ = update(&state, result.action) }
                wholeRunTaken = results.contains(where: isWholeRun)
            case .computeGraph(let request):
                _ = update(&state, .graphComputed(request, request.run()))
            default: break
            }
        }
        _ = view(state, maps: nil, environment: environment)
        shown = isShown(state)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, used = processCPUMilliseconds() - startCPU
        // Then the rest of the stack, as the screen used to wait for before drawing anything.
        while !wholeRunTaken { usleep(200); wholeRunTaken = engine.take().contains(where: isWholeRun) }
        let all = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if run > 0 { samples.append(elapsed); cpu.append(used); whole.append(all) }
        // Seconds a run: one timed run after the warm-up is enough to say it fails.
        if run == 0 && elapsed > 2_000 { runs = 1 }
        run += 1
        waitUntilIdle()
    }
    samples.sort(); cpu.sort()
    let timing = MapsInViewTiming(name: bench.name, median: samples[samples.count / 2], worst: samples.last!,
                                  cpu: cpu[cpu.count / 2], exact: nil, shown: shown)
    report("model's node in view: " + bench.name, (timing.median, timing.worst))
    if !shown { print("  no maps: the model is over the screen's limits, which the screen says instead") }
    whole.sort()
    if bench.name.hasPrefix("stack"), let median = whole.dropFirst(whole.count / 2).first {
        print(String(format: "  every layer's values (all the screen waited for before it drew the first): median %.2f ms", median))
    }
    return timing
}

/// True for a stack's values of every layer (not only those up to the selected one).
private func isWholeRun(_ result: ComputeResult) -> Bool {
    if case .stack(_, let values) = result { values.isComplete } else { false }
}

/// True when the model screen has the selected node's values to draw.
private func isShown(_ state: ModelProgram) -> Bool {
    if let stack = state.stack { return stack.outputValues != nil }
    guard let graph = state.graph else { return false }
    return graph.tensor(graph.outputStep.node.name) != nil
}

/// One case's line with its verdict column: ✓ when the median is within `goal`.
func printGridLine(_ timing: MapsInViewTiming, goal: Double = 100) {
    guard timing.shown else { print(String(format: "%-58@ — no maps: over the screen's limits (not counted)", timing.name as NSString)); return }
    print(String(format: "%-58@ median %8.2f ms  worst %8.2f ms  CPU %8.2f ms  %@", timing.name as NSString,
                 timing.median, timing.worst, timing.cpu, (timing.median <= goal ? "✓ pass" : "✗ FAIL") as NSString))
}
