import ConvCore
import ConvExercises
import ConvScopeApp
import ConvScopeRuntime
import Foundation

// `convscope-keybench` (scripts/bench_keys.sh): what one key costs on the key path — `update`
// plus the frame it paints — on the stack screen with a 5,000-layer model and on the exercise
// screen with a 40,000-question lab. The goal is ≤ 16 ms a key (one frame at 60 Hz); the
// computations a key starts run off this path and are not counted.

/// Median and worst of `runs` timings of `body`, in milliseconds.
func time(_ runs: Int, _ body: () -> Void) -> (median: Double, worst: Double) {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    return (samples[samples.count / 2], samples.last!)
}

func report(_ name: String, _ t: (median: Double, worst: Double)) {
    print(String(format: "%-46@ median %7.2f ms   worst %7.2f ms", name as NSString, t.median, t.worst))
}

if CommandLine.arguments.contains("--graph-values") { try graphValuesBench(CommandLine.arguments); exit(0) }
if CommandLine.arguments.contains("--graph") { try graphBench(CommandLine.arguments); exit(0) }
let quick = CommandLine.arguments.contains("--quick")
if CommandLine.arguments.contains("--lab-key-engine") { labKeyEngine(runs: 60); exit(0) }
if CommandLine.arguments.contains("--lab-key-parts") { labKeyParts(runs: 60); exit(0) }
if CommandLine.arguments.contains("--maps-in-view-parts") { mapsInViewParts(quick: quick); exit(0) }
if CommandLine.arguments.contains("--maps-in-view-grid") { mapsInViewGridBench(quick: quick, runs: quick ? 2 : 3); exit(0) }
if CommandLine.arguments.contains("--model-maps-in-view") {
    // `--runs N`: more timed runs (a profile of one case wants a few seconds of it).
    let runs = CommandLine.arguments.firstIndex(of: "--runs").flatMap { Int(CommandLine.arguments[$0 + 1]) }
    mapsInViewGridBench(quick: quick, runs: runs ?? (quick ? 2 : 3), layers: false); exit(0)
}
if CommandLine.arguments.contains("--maps-in-view") { mapsInView(quick: quick, runs: quick ? 2 : 5); exit(0) }
let layerCount = quick ? 500 : 5_000, questionCount = quick ? 4_000 : 40_000
let size = TerminalSize(columns: 120, rows: 40)
let environment = RenderEnvironment(language: .en)

// A long model: Conv2d/ReLU pairs on an 8×8 input, so every layer runs and has a field.
let pair = [try LayerParser.parse("Conv2d(8, 8, 3, padding=1)"), try LayerParser.parse("ReLU()")]
let model = Model(inputShape: [1, 8, 8, 8], layers: Array((0..<layerCount / 2).flatMap { _ in pair }))
var stack = update(ModelProgram(model: model), .start(size))
print("stack screen, \(layerCount) layers; exercise screen, \(questionCount) questions (update + frame per key)")
let only = CommandLine.arguments.firstIndex(of: "--only").map { CommandLine.arguments[$0 + 1] }
for (name, keys) in [("↓ select the next layer", [Key.down]), ("↑ select the previous layer", [.up]),
                     ("→ change the selected layer's parameter", [.right, .left]), ("End, Home", [.end, .home])]
    where only == nil || name.hasPrefix(only!) {
    var i = 0
    report("stack: " + name, time(quick ? 20 : 60) {
        _ = update(&stack, .key(keys[i % keys.count])); i += 1
        _ = view(stack, maps: nil, environment: environment)
    })
}

if only != nil { exit(0) }
var generator = LabGenerator(kinds: [.shape, .padding, .receptiveField], variant: 7, maxSize: 32)
let lab = try ExerciseLoader.load(generator.generate(count: questionCount, language: .en), language: .en)
var exercise = ExerciseState(lab: lab, environment: environment)
_ = exercise.apply(.start(size))
for (name, keys) in [("type a character on the answer line", [Key.character("1")]), ("Backspace", [.backspace]),
                     ("> next question", [.character(">")]), ("< previous question", [.character("<")])] {
    var i = 0
    report("exercise: " + name, time(quick ? 20 : 60) {
        _ = exercise.apply(.key(keys[i % keys.count])); i += 1
        _ = exercise.paint(maps: nil, environment: environment, spinner: 0)
    })
}

// Enter on the answer line with --record: the answer's line is appended to the record file and
// synced (the file was written whole once, at the start). Each sample types 1 and Enter on a new
// question; moving on with > is not timed.
let recordPath = NSTemporaryDirectory() + "convscope-keybench-\(getpid()).txt"
defer { unlink(recordPath) }
let recordFile = AnswerRecordFile(path: recordPath) { text in
    _ = FileManager.default.createFile(atPath: recordPath + ".tmp", contents: Data(text.utf8))
    return rename(recordPath + ".tmp", recordPath) == 0 ? nil : "rename failed"
}
_ = recordFile.start(AnswerSheet().text(title: lab.title, questionCount: lab.exercises.count))
var recording = ExerciseState(lab: lab, environment: environment, records: true)
_ = recording.apply(.start(size))
var samples: [Double] = []
for _ in 0..<(quick ? 20 : 60) {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = recording.apply(.key(.character("1")))
    for case .recordAnswers(let record) in recording.apply(.key(.enter)) {
        if let failure = recordFile.record(record) { print("record failed: \(failure)") }
    }
    _ = recording.paint(maps: nil, environment: environment, spinner: 0)
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    _ = recording.apply(.key(.escape)); _ = recording.apply(.key(.character(">")))
}
samples.sort()
report("exercise: 1 and Enter, the answer recorded", (samples[samples.count / 2], samples.last!))
