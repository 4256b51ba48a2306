import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp
import ConvScopeRuntime

/// SplitMix64: tiny, fast and fully determined by its seed, so a failing run can be replayed exactly.
private struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `range`; the modulo bias is irrelevant for ranges this small.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func element<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}

/// One thing that happens to the TUI: a key, the window changing size, or an animation tick.
private enum FuzzEvent: CustomStringConvertible {
    case key(Key)
    case resize(TerminalSize)
    /// The animation clock the run loop sends while the kernel is playing.
    case tick

    var description: String {
        switch self {
        case .key(.character(let c)):
            "char(\(c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")))"
        case .key(let key): "\(key)"
        case .resize(let size): "resize(\(size.columns)x\(size.rows))"
        case .tick: "tick"
        }
    }
}

/// Draws random events with weights chosen so sessions last about 160 keys (quit keys are rare),
/// values get typed often, and every bound key, odd key and window size shows up.
private struct FuzzEventSource {
    var rng: SplitMix64
    /// Every key in the key table except the ones that quit, read from `KeyMap.bindings` so new
    /// bindings are fuzzed without editing this test.
    let boundKeys: [Key]
    let quitKeys: [Key]
    static let oddKeys: [Key] = [.tab, .backTab, .unknown, .control("z"), .enter, .backspace]
    /// Sizes at and around the edges the layout cares about.
    static let edgeSizes: [TerminalSize] = [
        (1, 1), (49, 17), (50, 16), (50, 17), (51, 18), (69, 20), (70, 20), (80, 24), (109, 30), (110, 30),
        (120, 40), (121, 41), (200, 60), (300, 100), (300, 1), (1, 100),
    ].map { TerminalSize(columns: $0.0, rows: $0.1) }

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        let all = KeyMap.bindings.flatMap { binding in binding.keys.map { (binding.action, $0) } }
        quitKeys = all.filter { $0.0 == .quit }.map(\.1)
        boundKeys = all.filter { $0.0 != .quit }.map(\.1)
    }

    /// `typing` tells whether digits are pending: Esc then mostly cancels, which is worth exercising
    /// often, while Esc outside typing quits and would end sessions too soon.
    mutating func next(typing: Bool) -> FuzzEvent {
        let roll = rng.int(in: 0...999)
        switch roll {
        case 0..<30: return .resize(randomSize())
        case 30..<60: return .tick
        case 60..<430: return .key(rng.element(boundKeys))
        case 430..<680: return .key(.character(Character(String(rng.int(in: 0...9)))))
        case 680..<760: return .key(.enter)
        case 760..<800: return .key(.backspace)
        case 800..<830: return .key(rng.element(Self.oddKeys))
        case 830..<910: return .key(.character(randomCharacter()))
        case 910..<960:
            return .key(.control(Character(Unicode.Scalar(UInt8(rng.int(in: 97...122))))))
        case 960..<995: return .key(typing ? .escape : rng.element(boundKeys))
        default: return .key(rng.element(quitKeys))
        }
    }

    mutating func randomSize() -> TerminalSize {
        if rng.chance(0.25) { return rng.element(Self.edgeSizes) }
        return TerminalSize(columns: rng.int(in: 1...300), rows: rng.int(in: 1...100))
    }

    /// Printable ASCII half the time (letters that are and are not bound), else any Unicode scalar.
    mutating func randomCharacter() -> Character {
        if rng.chance(0.5) { return Character(Unicode.Scalar(UInt8(rng.int(in: 32...126)))) }
        while true {
            if let scalar = Unicode.Scalar(UInt32(rng.int(in: 0...0x10FFFF))) { return Character(scalar) }
        }
    }
}

/// The output size per axis, written out again here rather than taken from `AxisGeometry`:
/// ⌊(H + 2p − d(k−1) − 1) / s⌋ + 1, or nil when the dilated kernel does not fit the padded input.
private func expectedOutputSize(size: Int, kernel: Int, padding: Int, stride: Int, dilation: Int) -> Int? {
    let numerator = size + 2 * padding - dilation * (kernel - 1) - 1
    guard numerator >= 0 else { return nil }
    return numerator / stride + 1  // numerator ≥ 0 and stride ≥ 1, so `/` is the floor
}

/// What a fuzz run saw, for the summary line.
private struct FuzzStatistics {
    var steps = 0, keys = 0, ticks = 0, quits = 0, resizes = 0, errorSteps = 0
    var renders = 0, largeRenders = 0, computedMaps = 0
    var truncatedErrorHeadlines = 0
    var firstTruncatedHeadline: String?
    var parameterSets = Set<ConvParameters>()
    var errorSets = Set<ConvParameters>()
}

@Suite("Key fuzzing")
struct KeyFuzzTests {
    static let defaultStart: UInt64 = 0xC0DE_5C0E_2026
    static let defaultKeys = 100_000

    static func setting(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

    /// After every step: parameters in range, `validate()` and `outputShape` agree with the formula
    /// written out here; after every drawn frame: exactly rows × columns characters, "PyTorch refuses"
    /// on an error screen, "computing" when the maps are too big to compute inline.
    @Test func randomKeySequencesKeepEveryInvariant() {
        let keyCount = Self.setting("CONVSCOPE_FUZZ_KEYS").flatMap { Int($0) } ?? Self.defaultKeys
        // CONVSCOPE_TEST_RANDOM seeds every random test; CONVSCOPE_FUZZ_SEED is the older name.
        let seed = (Self.setting("CONVSCOPE_TEST_RANDOM") ?? Self.setting("CONVSCOPE_FUZZ_SEED")).flatMap { UInt64($0) }
            ?? Self.defaultStart
        var fuzzer = KeyFuzzer(seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let failure = fuzzer.run(keys: keyCount)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let s = fuzzer.statistics
        print(String(format: "KeyFuzz seed %llu: %d steps (%d keys, %d resizes, %d ticks), %d distinct parameter sets, "
                     + "%d quits, %d error-state steps (%d distinct error sets), "
                     + "%d renders (%d of windows over 120x40), %d maps computed, %.1f s",
                     seed, s.steps, s.keys, s.resizes, s.ticks, s.parameterSets.count, s.quits, s.errorSteps,
                     s.errorSets.count, s.renders, s.largeRenders, s.computedMaps, seconds))
        if let failure { Issue.record(Comment(rawValue: failure)) } else { #expect(s.steps == keyCount) }
        if let example = s.firstTruncatedHeadline {
            Issue.record("\(s.truncatedErrorHeadlines) frames in an error state showed no \"PyTorch refuses\"; first: \(example)")
        }
    }
}

/// Drives key → `KeyMap.action` → `update` → `view` and checks the invariants after every step.
private struct KeyFuzzer {
    let seed: UInt64
    var source: FuzzEventSource
    var state = AppState()
    var statistics = FuzzStatistics()
    var recent: [FuzzEvent] = []
    /// Maps per parameter set. Unbounded, this would hold gigabytes after 10^6 keys, so it is
    /// emptied whenever the tensors in it pass a budget of elements.
    var mapsCache: [Conv2dSettings: ComputedMaps] = [:]
    var cachedElements = 0
    static let cacheBudget = 10_000_000
    static let headlineUpToRefuses = "output — PyTorch refuses"
    let environment = RenderEnvironment(language: .en)
    /// Set after a resize so the next frame is always drawn, even for large windows.
    var mustRender = true
    /// Set when the last key asked the run loop to quit.
    var quitRequested = false

    init(seed: UInt64) {
        self.seed = seed
        source = FuzzEventSource(seed: seed)
    }

    /// Runs `keys` events; returns a description of the first failure (seed, step, last keys), if any.
    mutating func run(keys: Int) -> String? {
        for step in 0..<keys {
            let event = source.next(typing: state.typing != nil)
            recent.append(event)
            if recent.count > 20 { recent.removeFirst() }
            statistics.steps += 1
            apply(event)
            if let problem = check(step: step) {
                return """
                    key fuzz failed: \(problem)
                    seed \(seed) (rerun with CONVSCOPE_TEST_RANDOM=\(seed) CONVSCOPE_FUZZ_KEYS=\(step + 1)), step \(step) of the run
                    state: parameters \(state.parameters.values), selected \(state.selected.name), \
                    typing \(state.typing ?? "-"), linked \(state.linked), zoom \(state.zoomOverride.map(\.rawValue) ?? "auto"), \
                    pages \(state.inputPage)/\(state.outputPage), scroll \(state.scrollX),\(state.scrollY), \
                    help \(state.showHelp), focus \(state.focus), playing \(state.playing), \
                    panel \(state.panel.map(\.rawValue) ?? "-"), size \(state.terminalSize.columns)x\(state.terminalSize.rows)
                    last \(recent.count) events: \(recent.map(\.description).joined(separator: " "))
                    """
            }
            if quitRequested {
                quitRequested = false
                // The TUI would exit here; start a new session in the same window and keep going.
                statistics.quits += 1
                let size = state.terminalSize
                state = AppState()
                state.terminalSize = size
                mustRender = true
            }
        }
        return nil
    }

    mutating func apply(_ event: FuzzEvent) {
        switch event {
        case .key(let key):
            statistics.keys += 1
            let effects = update(&state, .key(key))
            quitRequested = effects.contains(.quit(0))
            // The run loop performs the effects and reports back; the test only plays the reports.
            if effects.contains(.export) { update(&state, .report("exported convscope-fuzz.svg")) }
            if effects.contains(.suspend) { update(&state, .resumed(state.terminalSize)) }
        case .tick:
            statistics.ticks += 1
            state = update(state, .tick)
        case .resize(let size):
            statistics.resizes += 1
            state = update(state, .resize(size))
            mustRender = true
        }
    }

    /// Rendering is the slow part (a 300×100 frame is 30 000 cells, laid out several times), so:
    /// windows up to 120×40 are drawn after every step; larger ones after every 7th step and always
    /// on the step after a resize or a new session. Everything else is checked on every step.
    static let largeWindowSampling = 7
    static func isSmall(_ size: TerminalSize) -> Bool { size.columns <= 120 && size.rows <= 40 }

    mutating func shouldRender(step: Int) -> Bool {
        if Self.isSmall(state.terminalSize) { return true }
        return step % Self.largeWindowSampling == 0 || mustRender
    }

    mutating func check(step: Int) -> String? {
        // The geometry's own verdict: the rest of the layer (groups, modes) is checked elsewhere.
        let p = state.parameters.applied
        statistics.parameterSets.insert(p)
        for id in ParameterID.geometry where !id.range.contains(p[id]) {
            return "\(id.name) = \(p[id]) is outside \(id.range)"
        }
        let h = expectedOutputSize(size: p.hIn, kernel: p.kernelSizeH, padding: p.paddingH, stride: p.strideH,
                                   dilation: p.dilationH)
        let w = expectedOutputSize(size: p.wIn, kernel: p.kernelSizeW, padding: p.paddingW, stride: p.strideW,
                                   dilation: p.dilationW)
        let error = p.validate()
        if error == nil {
            guard let h, let w else { return "validate() accepts \(p.values) but the kernel does not fit" }
            let expected = [1, p.outChannels, h, w]
            if p.outputShape != expected {
                return "outputShape \(String(describing: p.outputShape)) != formula \(expected) for \(p.values)"
            }
        } else {
            statistics.errorSteps += 1
            statistics.errorSets.insert(p)
            if h != nil && w != nil { return "validate() refuses \(p.values) although the kernel fits" }
            if p.outputShape != nil { return "outputShape is not nil in an error state" }
        }

        guard shouldRender(step: step) else { return nil }
        mustRender = false
        statistics.renders += 1
        if !Self.isSmall(state.terminalSize) { statistics.largeRenders += 1 }
        let maps = mapsFor(state.parameters)
        let canvas = view(state, maps: maps, environment: environment, spinner: step)
        let size = state.terminalSize
        let lines = canvas.lines
        if lines.count != size.rows { return "canvas has \(lines.count) lines for \(size.rows) rows" }
        if let bad = lines.firstIndex(where: { $0.count != size.columns }) {
            return "line \(bad) is \(lines[bad].count) characters wide, window is \(size.columns): \(lines[bad])"
        }
        let bigEnough = size.columns >= ScreenLayout.minimum.columns && size.rows >= ScreenLayout.minimum.rows
        // The help overlay and the teaching panels are drawn over the maps and may hide the error.
        let mapsUncovered = !state.showHelp && state.panel == nil
        // Searched line by line: `canvas.text` would build every line a second time.
        func shows(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
        // A ConvTranspose2d or a Conv1d (the layer row) is refused, or not, on its own terms.
        let refused = state.isTransposed ? state.parameters.transposedRefusal != nil
            : state.isSequence ? state.sequence.refusal != nil : error != nil
        if bigEnough, mapsUncovered, refused, !shows("PyTorch refuses") {
            // A maps area too narrow for "PyTorch refuses" on one line is tallied and reported once at
            // the end (the headline used to be cut there); any other error screen fails at once.
            let mapsWidth = Layout.compute(state, environment: environment).maps.width
            if mapsWidth >= Self.headlineUpToRefuses.count || !shows("PyTorch") {
                return "error state without \"PyTorch refuses\" on screen:\n\(canvas.text)"
            }
            statistics.truncatedErrorHeadlines += 1
            if statistics.firstTruncatedHeadline == nil {
                statistics.firstTruncatedHeadline = "\(p.values) at \(size.columns)x\(size.rows), step \(step)"
            }
        }
        // The ConvTranspose2d and true-convolution views compute their small layers inline.
        let familyView = state.isTransposed || state.trueConvolution
        if bigEnough, mapsUncovered, error == nil, maps == nil, !familyView, !shows("computing") {
            return "valid parameters too large to compute inline, but no \"computing\" on screen:\n\(canvas.text)"
        }
        return nil
    }

    /// Maps as the TUI would have them: computed inline when cheap, otherwise still "computing".
    mutating func mapsFor(_ p: Conv2dSettings) -> ComputedMaps? {
        // Invalid parameters still get maps (the input, and a failed output), as in the run loop's `Engine`.
        guard Engine.cost(p) <= Engine.inlineLimit else { return nil }
        if let hit = mapsCache[p] { return hit }
        guard let maps = try? ComputedMaps(ConvExperiment(p)) else { return nil }
        statistics.computedMaps += 1
        cachedElements += Engine.cost(p)
        if cachedElements > Self.cacheBudget { mapsCache.removeAll(); cachedElements = Engine.cost(p) }
        mapsCache[p] = maps
        return maps
    }
}

/// Small, fixed reproductions of what the fuzzer and its exploration turned up, with the keys a user
/// would press. Open bugs are wrapped in `withKnownIssue`, which fails once the bug is fixed, as a
/// reminder to unwrap them.
@Suite("Screens found by fuzzing")
struct FuzzFindingTests {
    /// Presses keys in a window of the given size, then draws the screen as the TUI would.
    static func screen(_ keys: [Key], columns: Int, rows: Int) -> (AppState, [String]) {
        var state = AppState()
        state = update(state, .resize(TerminalSize(columns: columns, rows: rows)))
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { state = update(state, action) }
        }
        let maps = try? ComputedMaps(ConvExperiment(state.parameters))
        return (state, view(state, maps: maps, environment: RenderEnvironment(language: .en)).lines)
    }

    /// ↑ selects dilation_w (the selection wraps), End sets it to 32: the kernel no longer fits.
    /// Up from h_in to dilation_w (past the rows below it), then its maximum.
    static let breakTheKernel: [Key] =
        Array(repeating: .up, count: ParameterID.allCases.count - ParameterID.dilationW.rawValue) + [.end]

    @Test(arguments: [70, 80, 120])
    func errorHeadlineIsWholeInWideWindows(columns: Int) {
        let (state, lines) = Self.screen(Self.breakTheKernel, columns: columns, rows: 24)
        #expect(state.parameters.validate() != nil)
        #expect(lines.contains { $0.contains("PyTorch refuses these parameters") })
    }

    /// The headline is cut to the maps area (window width − 28) instead of wrapping like the message
    /// under it: "output — PyTorch refus" at 50 columns, "output — PyTorch refuses these p" at 60.
    @Test(arguments: [50, 51, 60, 65])
    func errorHeadlineIsWholeInNarrowWindows(columns: Int) {
        let (state, lines) = Self.screen(Self.breakTheKernel, columns: columns, rows: 24)
        #expect(state.parameters.validate() != nil)
        // The headline wraps inside the maps area (right of the 27-column panel): read that column alone.
        let joined = lines.map { String($0.dropFirst(28)).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("PyTorch refuses these parameters"), "\(lines.joined(separator: "\n"))")
    }

    /// The inspector's two lines must show only themselves: nothing of the parameter panel or the error
    /// message may show through or be overwritten.
    static func inspectorRowsAreClean(_ state: AppState, _ lines: [String]) -> [String] {
        let env = RenderEnvironment(language: .en)
        let maps = try? ComputedMaps(ConvExperiment(state.parameters))
        let layout = Layout.compute(state, environment: env, widths: maps?.widths)
        // Short windows keep the inspector lines beside the parameter panel (layout.inspector).
        let x = layout.inspector.x
        let expected = InspectorText.lines(state, experiment: maps?.experiment, environment: env,
                                           width: layout.inspector.width, maxLines: layout.inspectorLines)
        var problems: [String] = []
        for (i, text) in expected.enumerated() {
            let row = String(lines[layout.inspectorY + i].dropFirst(x))
            if row.trimmingCharacters(in: .whitespaces) != text.trimmingCharacters(in: .whitespaces) {
                problems.append("row \(layout.inspectorY + i): \"\(row)\"")
            }
        }
        if !lines.contains(where: { $0.contains("dilation_w") }) { problems.append("the dilation_w slider is hidden") }
        return problems
    }

    @Test func inspectorRowsAreCleanIn80x24() {
        let (state, lines) = Self.screen([.tab], columns: 80, rows: 24)
        #expect(state.focus == .output)
        #expect(Self.inspectorRowsAreClean(state, lines).isEmpty)
    }

    /// Tab at the minimum height: the inspector lines sit at rows 12–13 (17 − hints − 2 formula lines − 2),
    /// on top of the 14-row parameter panel, so dilation_w disappears.
    @Test(arguments: [(50, 17), (80, 17), (245, 17), (51, 18)])
    func inspectorDoesNotCoverTheParameterPanelInShortWindows(columns: Int, rows: Int) {
        let (state, lines) = Self.screen([.tab], columns: columns, rows: rows)
        #expect(state.focus == .output)
        let problems = Self.inspectorRowsAreClean(state, lines)
        #expect(problems.isEmpty, "\(problems)\n\(lines.joined(separator: "\n"))")
    }

    /// In an error state Tab inspects the input; ErrorView wraps its message down to `formulaY`, not
    /// `inspectorY`, so the message and the inspector text share rows ("…refuses theseso the").
    @Test func errorMessageDoesNotRunIntoTheInspector() {
        let (state, lines) = Self.screen(Self.breakTheKernel + [.tab], columns: 60, rows: 20)
        #expect(state.focus == .input)
        let problems = Self.inspectorRowsAreClean(state, lines)
        #expect(problems.isEmpty, "\(problems)\n\(lines.joined(separator: "\n"))")
    }
}
