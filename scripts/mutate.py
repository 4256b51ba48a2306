#!/usr/bin/env python3
"""Mutation run: does the test suite catch small, realistic bugs?

Each mutant is one exact snippet of a source file and its replacement (h and w swapped, an
off-by-one in a range, the wrong key action, a dropped check...). For every mutant the script
puts the snippet back in a temporary copy of the package, builds, runs only the tests that
concern that part of the code, and prints CAUGHT (a test failed, or the build or the run timed
out), SURVIVED (every test passed), or STALE (the snippet is no longer in the file: the mutant
needs updating; stale mutants are not counted).

    python3 scripts/mutate.py                 # every mutant (about a minute each on 2 cores)
    python3 scripts/mutate.py swap-h-w key-   # only mutants whose id contains one of the words
    python3 scripts/mutate.py --list          # the mutants and the tests each one runs
    python3 scripts/mutate.py --stale         # only check that every snippet is still in its file
    python3 scripts/mutate.py --keep-copy ... # reuse the copy as it is (e.g. the tests of an earlier run)
    python3 scripts/mutate.py --help          # this text

The copy lives in $TMPDIR/convscope-mutate, or $CONVSCOPE_MUTATE_DIR (kept between runs, so
its .build is reused).
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("CONVSCOPE_MUTATE_DIR") or os.path.join(tempfile.gettempdir(), "convscope-mutate")
BUILD_TIMEOUT = 1200
TEST_TIMEOUT = 300

# Which tests each part of the code answers to (swift test --filter regular expressions).
CORE = "ConvCoreTests|ConvScopeAppTests"
APP = "ConvScopeAppTests"
CLI = r"EndToEndTests\.(ExportTests|FullDiskTests|CommandLineTests|OutputPathTests|SpecialOutputTests)"
STACK_CLI = r"EndToEndTests\.StackRenderTests"
EXERCISES = r"ConvExercisesTests|EndToEndTests\.ExerciseCommandTests"
INPUT_LIMIT_FINITE = r"EndToEndTests\.InputLimitTests/aFiniteFileOverTheLimitIsRefused"

CC = "Sources/ConvCore/"
EX = "Sources/ConvExercises/"
EXPORT = "Sources/ConvScopeApp/Export/"
CLITOOL = "Sources/convscope/"
LAYER_SPEC = CC + "Model/LayerSpec.swift"

# (id, file, original snippet, replacement, test filter)
MUTANTS = [
    # ConvCore: geometry, validation, receptive field, cost model, input pattern
    ("core-padded-size-one-side", CC + "OutputSize.swift", "size + 2 * padding", "size + padding", CORE),
    ("core-effective-kernel-off-by-one", CC + "OutputSize.swift",
     "dilation * (kernel - 1) + 1", "dilation * (kernel - 1)", CORE),
    ("core-kernel-fits-strict", CC + "OutputSize.swift",
     "effectiveKernel <= paddedSize", "effectiveKernel < paddedSize", CORE),
    ("core-dropped-by-floor-padded", CC + "OutputSize.swift",
     "kernelFits ? numerator % stride : 0", "kernelFits ? paddedSize % stride : 0", CORE),
    ("core-swap-h-w-width-axis-padding", CC + "ConvParameters.swift",
     "padding: paddingW, stride: strideW", "padding: paddingH, stride: strideW", CORE),
    ("core-swap-h-w-width-axis-dilation", CC + "ConvParameters.swift",
     "stride: strideW, dilation: dilationW", "stride: strideW, dilation: dilationH", CORE),
    ("core-validate-message-swap-h-w", CC + "Validation.swift",
     "paddedH: h.paddedSize, paddedW: w.paddedSize", "paddedH: w.paddedSize, paddedW: h.paddedSize", CORE),
    ("core-culprits-dilation-w-test", CC + "Validation.swift",
     ".filter { $0 != .dilationW || parameters.dilationW > 1 }",
     ".filter { $0 != .dilationW || parameters.dilationH > 1 }", CORE),
    ("core-range-padding-off-by-one", LAYER_SPEC,
     '"Zero padding, top and bottom", 0...32', '"Zero padding, top and bottom", 0...31', CORE),
    ("core-partner-stride-w", LAYER_SPEC,
     '"Horizontal stride", 1...32, 1, partner: .strideH', '"Horizontal stride", 1...32, 1, partner: .dilationH', CORE),
    ("core-kernel-scales-geometrically", LAYER_SPEC,
     '3, partner: .kernelSizeW, pytorch: "kernel_size")', '3, partner: .kernelSizeW, pytorch: "kernel_size", step: .geometric)',
     CORE),
    ("core-receptive-field-swap-h-w-stride", CC + "Conv2d/PaddedTap.swift",
     "let ix = w.index(output: ox, tap: kx)", "let ix = h.index(output: ox, tap: kx)", CORE),
    ("core-receptive-field-bound-off-by-one", CC + "Conv2d/PaddedAxis.swift",
     "if i >= 0 && i < size { return i }", "if i >= 0 && i <= size { return i }", CORE),
    ("core-outputs-reading-kernel-off-by-one", CC + "ReceptiveField.swift",
     "(0..<a.kernel).contains {", "(0...a.kernel).contains {", CORE),
    ("core-unread-input-swap-h-w", CC + "ReceptiveField.swift",
     "(Self.unread(paddedHeight), Self.unread(paddedWidth))", "(Self.unread(paddedHeight), Self.unread(paddedHeight))", CORE),
    ("core-padded-reflect-edge-repeated", CC + "Conv2d/PaddedAxis.swift",
     "folded < size ? folded : period - folded", "folded < size ? folded : period - folded - 1", CORE),
    ("core-same-padding-extra-before", CC + "Conv2d/Padding.swift",
     "AxisPadding(before: total / 2, after: total - total / 2)", "AxisPadding(before: total - total / 2, after: total / 2)",
     CORE),
    ("core-general-path-row-step-width-stride", CC + "GeneralPath/PackedLayout.swift",
     "var rowStep: Int { height.stride * rowStride }", "var rowStep: Int { width.stride * rowStride }", CORE),
    ("core-stack-jump-not-times-stride", CC + "Stack/FieldAlongAxis.swift",
     "AxisReach(period: period, shift: shift * stride,", "AxisReach(period: period, shift: shift,", CORE),
    ("core-parser-conv-dilation-reads-stride", CC + "Stack/LayerParser.swift",
     'dilation: try a.pair("dilation", default: 1, in: StackLimits.dilation),',
     'dilation: try a.pair("stride", default: 1, in: StackLimits.dilation),', CORE + "|" + STACK_CLI),
    ("core-cost-swap-h-w-out-width", CC + "CostModel.swift",
     "var outW: Int { p.widthAxis.outputSize }", "var outW: Int { p.heightAxis.outputSize }", CORE),
    ("core-cost-swap-h-w-kernel", CC + "CostModel.swift",
     "p.inChannels / groups * p.kernelSizeH * p.kernelSizeW }", "p.inChannels / groups * p.kernelSizeH * p.kernelSizeH }", CORE),
    ("core-cost-dense-bias-dropped", CC + "CostModel.swift",
     "(p.inChannels * p.hIn * p.wIn + 1) * denseOutputs", "p.inChannels * p.hIn * p.wIn * denseOutputs", CORE),
    ("core-cost-simplification-swap-h-w", CC + "CostModel.swift",
     "outW == p.wIn - p.kernelSizeW + 1", "outW == p.wIn - p.kernelSizeH + 1", CORE),
    ("core-input-scale-swap-h-w", CC + "InputPattern.swift", "case .ramp: Float(p.wIn)", "case .ramp: Float(p.hIn)",
     CORE),
    ("core-conv-direct-swap-h-w-stride", CC + "Convolution.swift",
     "let iy = plan.h.index(output: oy, tap: ky)", "let iy = plan.w.index(output: oy, tap: ky)", CORE),
    ("core-conv-boxsum-swap-h-w-dilation", CC + "Convolution.swift",
     "(p.dilationW, p.paddingW, (p.kernelSizeW - 1) * p.dilationW)", "(p.dilationW, p.paddingW, (p.kernelSizeW - 1) * p.dilationH)",
     CORE),

    # update and the key map
    ("key-f-opens-the-cost-panel", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     'action: .togglePanel(.formula), help: "formula panel"', 'action: .togglePanel(.cost), help: "formula panel"', APP),
    ("key-capital-p-opens-the-formula-panel", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     '[.character("P")], action: .togglePanel(.code),', '[.character("P")], action: .togglePanel(.formula),', APP),
    ("key-open-paren-doubles", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     '(.character("("), .scaleDenseOutputs(up: false))', '(.character("("), .scaleDenseOutputs(up: true))', APP),
    ("key-shift-tab-goes-forward", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift", "(.backTab, .focusPrevious)", "(.backTab, .focusNext)", APP),
    ("key-braces-swapped", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     '(.character("{"), .slower), (.character("}"), .faster)', '(.character("{"), .faster), (.character("}"), .slower)',
     APP),
    ("key-capital-n-steps-forward", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift", '(.character("N"), .step(-1))', '(.character("N"), .step(1))',
     APP),
    ("key-p-toggles-a-panel", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     'action: .togglePadded, help: "padded', 'action: .togglePanel(.formula), help: "padded', APP),
    ("key-pgup-halves", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift", "[.pageUp], action: .bigIncrement", "[.pageUp], action: .bigDecrement",
     APP),
    ("key-inspector-pgup-next-channel", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift", ".pageUp: .cursorChannel(-1)", ".pageUp: .cursorChannel(1)",
     APP),
    ("key-inspector-l-moves-up", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     '.character("l"): .moveCursor(dx: 1, dy: 0)', '.character("l"): .moveCursor(dx: 0, dy: -1)', APP),
    ("key-help-shows-only-the-first-key", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     "b.keys.map { $0.label(g, lang) }", "b.keys.prefix(1).map { $0.label(g, lang) }", APP),
    ("key-digits-typed-in-the-inspector", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     "state.focus == .parameters || state.panel == .cost ? .typeDigit(d) : nil", ".typeDigit(d)", APP),
    ("update-big-step-by-two", CC + "Model/ParameterSpec.swift",
     "case .linear(let n): up ? value + n : value - n", "case .linear(let n): up ? value + n : value - n / 2", APP),
    ("update-typing-four-digits", "Sources/ConvScopeApp/Programs/Course/Update.swift", ".prefix(s.typesK ? 10 : 5))", ".prefix(s.typesK ? 10 : 4))", APP),
    ("update-typed-zero-accepted", "Sources/ConvScopeApp/Programs/Course/RowSteps.swift",
     "if range.contains(value) { return value }", "if value <= range.upperBound { return value }", APP),
    ("update-reset-forgets-the-window", "Sources/ConvScopeApp/Programs/Course/Update.swift",
     "s.terminalSize = state.terminalSize\n", "\n", APP),
    ("update-slower-stops-at-two", "Sources/ConvScopeApp/Programs/Course/TeachingUpdate.swift",
     "speedIndex = max(0, speedIndex - 1)", "speedIndex = max(1, speedIndex - 1)", APP),
    ("update-advance-swap-h-w", "Sources/ConvScopeApp/Programs/Course/TeachingUpdate.swift",
     "var i = (outputCursor.channel * h + outputCursor.y) * w + outputCursor.x",
     "var i = (outputCursor.channel * h + outputCursor.y) * h + outputCursor.x", APP),
    ("update-input-cursor-clamp-swap-h-w", "Sources/ConvScopeApp/Programs/Course/TeachingUpdate.swift",
     "parameters.inChannels, parameters.hIn, parameters.wIn)", "parameters.inChannels, parameters.wIn, parameters.hIn)",
     APP),
    ("update-dense-outputs-floor-two", "Sources/ConvScopeApp/Programs/Course/TeachingUpdate.swift",
     "max(range.lowerBound, up ? current * 2 : current / 2)", "max(2, up ? current * 2 : current / 2)", APP),
    ("update-play-keeps-the-focus", "Sources/ConvScopeApp/Programs/Course/TeachingUpdate.swift",
     "playing.toggle()\n            focus = .output", "playing.toggle()", APP),
    ("update-link-copies-to-itself", "Sources/ConvScopeApp/Programs/Course/Update.swift",
     "parameters.setClamped(partner, parameters[id])", "parameters.setClamped(id, parameters[partner])", APP),

    ("exercise-answer-times-sign-refused", "Sources/ConvExercises/AnswerReading.swift",
     '[" ", "\\t", "×", "x",', '[" ", "\\t", "x",', EXERCISES),
    # the grader: answers with unequal axes, the batch, kernels and pools that exactly fill the input
    ("exercise-shape-ignores-batch", EX + "Solver.swift",
     "return numbers == output || numbers == Array(output.dropFirst()) ? .right : .wrong",
     "return Array(numbers.suffix(3)) == Array(output.suffix(3)) ? .right : .wrong", EXERCISES),
    ("exercise-size-ignores-order", EX + "Solver.swift",
     "numbers == [output[2], output[3]] ||", "numbers.sorted() == [output[2], output[3]].sorted() ||", EXERCISES),
    ("exercise-padding-w-judged-as-h", EX + "PaddingSolver.swift",
     "return gives(.explicit(h: pair.h, w: pair.w)) ? .right : .wrong",
     "return gives(.explicit(h: pair.h, w: pair.h)) ? .right : .wrong", EXERCISES),
    ("exercise-stride-kernel-w-judged-as-h", EX + "PaddingSolver.swift",
     "return outputSize(with(pair.h, pair.w), setup) == target", "return outputSize(with(pair.h, pair.h), setup) == target",
     EXERCISES),
    ("exercise-output-padding-w-judged-as-h", EX + "Solver.swift",
     "return pair.h == h && pair.w == w ? .right : .wrong", "return pair.h == h && pair.w == h ? .right : .wrong", EXERCISES),
    ("exercise-rf-w-judged-as-h", EX + "Solver.swift",
     "Fraction(pair.w) == field.w.size", "Fraction(pair.w) == field.h.size", EXERCISES),
    ("exercise-kernel-exact-fit-empty", CC + "Stack/UNetSizing.swift",
     "return size + pad >= k ? (size + pad - k)", "return size + pad > k ? (size + pad - k)", EXERCISES),
    ("stack-pool-exact-fit-refused", CC + "Stack/LayerShapes.swift",
     "if out.h < 1 || out.w < 1 { throw .poolOutputTooSmall", "if out.h <= 1 || out.w <= 1 { throw .poolOutputTooSmall",
     CORE + "|" + EXERCISES),
    ("stack-transposed-one-refused", CC + "Stack/LayerShapes.swift",
     "if out.h < 1 || out.w < 1 { throw .transposedOutputTooSmall",
     "if out.h <= 1 || out.w <= 1 { throw .transposedOutputTooSmall", CORE + "|" + EXERCISES),
    # --record and the files it must never replace
    ("record-any-hash-file-is-answers", CLITOOL + "RecordTarget.swift",
     "String(decoding: head, as: UTF8.self) == AnswerSheet.header", 'String(decoding: head, as: UTF8.self).hasPrefix("#")',
     EXERCISES),
    ("record-lab-compared-by-name", CLITOOL + "RecordTarget.swift",
     "if let other, sameFile(record, other) {", "if let other, record == other {", EXERCISES),
    # the model screen's keys, each pair both ways
    ("key-stack-less-than-moves-down", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     '(.character("<"), .stack(.move(-1))), (.character(">"), .stack(.move(1)))',
     '(.character("<"), .stack(.move(1))), (.character(">"), .stack(.move(-1)))', APP),
    ("key-stack-comma-selects-next", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     '(.character(","), .stack(.selectLayer(-1))), (.character("."), .stack(.selectLayer(1)))',
     '(.character(","), .stack(.selectLayer(1))), (.character("."), .stack(.selectLayer(-1)))', APP),
    ("key-stack-pgup-next-channel", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     "(.pageUp, .stack(.cursorChannel(-1))), (.pageDown, .stack(.cursorChannel(1)))",
     "(.pageUp, .stack(.cursorChannel(1))), (.pageDown, .stack(.cursorChannel(-1)))", APP),
    ("key-stack-up-moves-down", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     "(.up, .stack(.moveCursor(dx: 0, dy: -1)))", "(.up, .stack(.moveCursor(dx: 0, dy: 1)))", APP),
    ("key-stack-home-goes-to-the-end", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     "(.home, .stack(.moveCursor(dx: -1 << 20, dy: -1 << 20)))", "(.home, .stack(.moveCursor(dx: 1 << 20, dy: 1 << 20)))", APP),
    ("key-stack-v-shows-the-field", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     'KeyBinding(keys: [.character("v")], action: .stack(.toggleCoverage),',
     'KeyBinding(keys: [.character("v")], action: .stack(.toggleField),', APP),
    ("key-brackets-swapped", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     '[(.character("["), .previousPage), (.character("]"), .nextPage)]',
     '[(.character("["), .nextPage), (.character("]"), .previousPage)]', APP),
    ("key-shift-left-scrolls-right", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     "(.shiftLeft, .scroll(dx: -1, dy: 0)), (.shiftRight, .scroll(dx: 1, dy: 0))",
     "(.shiftLeft, .scroll(dx: 1, dy: 0)), (.shiftRight, .scroll(dx: -1, dy: 0))", APP),
    ("key-u-scrolls-the-panel-down", "Sources/ConvScopeApp/Programs/Course/KeyMap.swift",
     '[(.character("u"), .scrollPanel(-3)), (.character("d"), .scrollPanel(3))]',
     '[(.character("u"), .scrollPanel(3)), (.character("d"), .scrollPanel(-3))]', APP),
    ("key-exercise-less-than-is-next", "Sources/ConvScopeApp/Programs/Exercise/ExerciseKeys.swift",
     '(.character(">"), .next), (.character("<"), .previous)', '(.character(">"), .previous), (.character("<"), .next)', APP),
    ("key-stack-left-moves-right", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     "(.left, .stack(.moveCursor(dx: -1, dy: 0)))", "(.left, .stack(.moveCursor(dx: 1, dy: 0)))", APP),
    ("key-stack-a-removes", "Sources/ConvScopeApp/Programs/Model/StackKeyMap.swift",
     'KeyBinding(keys: [.character("a")], action: .stack(.duplicate),',
     'KeyBinding(keys: [.character("a")], action: .stack(.remove),', APP),

    # views and panels
    ("inspector-kernel-transposed", "Sources/ConvScopeApp/Widgets/InspectorText.swift",
     "experiment.weight(c.channel, ch - channels.lowerBound, t.ky, t.kx)",
     "experiment.weight(c.channel, ch - channels.lowerBound, t.kx, t.ky)", APP),
    ("panel-cost-swap-h-w-out", "Sources/ConvScopeApp/Widgets/Panels/CostPanelText.swift",
     "let h = p.heightAxis.outputSize, w = p.widthAxis.outputSize",
     "let h = p.widthAxis.outputSize, w = p.heightAxis.outputSize", APP),
    ("panel-cost-dense-swap-h-w", "Sources/ConvScopeApp/Widgets/Panels/CostPanelText.swift",
     '"= (\\(prod(p.inChannels, p.hIn, p.wIn)) + 1)', '"= (\\(prod(p.inChannels, p.wIn, p.hIn)) + 1)', APP),
    ("panel-cost-comp-param-swap-h-w", "Sources/ConvScopeApp/Widgets/Panels/CostPanelText.swift",
     '/ (\\(prod(p.kernelSizeH, p.kernelSizeW, p.outChannels)))', '/ (\\(prod(p.kernelSizeH, p.kernelSizeH, p.outChannels)))', APP),
    ("panel-cost-ratio-rounds-down", "Sources/ConvScopeApp/Strings/NumberText.swift",
     "let scaled = (v * unit).rounded()", "let scaled = (v * unit).rounded(.down)", APP),
    ("panel-formula-unread-columns-are-rows", "Sources/ConvScopeApp/Widgets/Panels/FormulaPanelText.swift",
     'p.widthAxis, unread: unread.columns', 'p.widthAxis, unread: unread.rows', APP),
    ("panel-formula-lists-seven", "Sources/ConvScopeApp/Widgets/Panels/FormulaPanelText.swift", "unread.prefix(8)", "unread.prefix(7)", APP),
    ("panel-code-stride-swap-h-w", "Sources/ConvScopeApp/Widgets/Panels/CodePanelText.swift",
     ".map { String(p[$0.id]) }", ".map { String(p[$0.id == .strideH ? .strideW : $0.id == .strideW ? .strideH : $0.id]) }",
     APP),
    ("panel-code-shorthand-swap-h-w", "Sources/ConvScopeApp/Widgets/Panels/CodePanelText.swift",
     'pieces.append("\\(flag) " + (h == w ? h : "\\(h)x\\(w)"))', 'pieces.append("\\(flag) " + (h == w ? h : "\\(w)x\\(h)"))',
     APP),
    ("view-heatmap-swap-y-x-bound", "Sources/ConvScopeApp/Widgets/HeatmapView.swift",
     "y < tensor.shape[2] && x < tensor.shape[3]", "y < tensor.shape[3] && x < tensor.shape[2]", APP),
    ("view-colour-index-rounds", "Sources/ConvScopeApp/Colormap/Colormap.swift",
     "return Int(x)\n", "return Int(x.rounded())\n", APP),
    ("view-colour-text-rule-clamp", "Sources/ConvScopeApp/Colormap/Colormap.swift",
     "min(max(i, 0), 255)", "min(max(i, 0), 254)", APP),
    ("view-help-key-column-narrow", "Sources/ConvScopeApp/Widgets/HelpOverlay.swift",
     "let keyWidth = min(22, rows.map(\\.keys.count).max() ?? 0)", "let keyWidth = min(8, rows.map(\\.keys.count).max() ?? 0)",
     APP),
    ("view-summary-out-shape-of-input", "Sources/ConvScopeApp/Programs/Course/SummaryView.swift",
     "ScreenText.summaryOutput(lang, p.outputShape?.map", "ScreenText.summaryOutput(lang, Optional(p.inputShape)?.map", APP),

    # exporters and file writing
    ("export-ansi-background-as-foreground", EXPORT + "ANSIExporter.swift",
     'out += escape + "48;2;', 'out += escape + "38;2;', APP),
    ("export-text-keeps-trailing-spaces", EXPORT + "TextExporter.swift",
     'while trimmed.last == " " { trimmed.removeLast() }', "", APP),
    ("export-svg-escape-less-than", EXPORT + "SVGExporter.swift", 'case "<": out += "&lt;"', 'case "<": out += "<"', APP),
    ("export-svg-halves-swapped", EXPORT + "SVGExporter.swift",
     'case "▀": return Paint(top: fg, bottom: bg)', 'case "▀": return Paint(top: bg, bottom: fg)', APP),
    ("file-force-ignored", CLITOOL + "RenderCommand.swift",
     "try SafeFileWriter.write(to: output, replace: force, produce)", "try SafeFileWriter.write(to: output, replace: true, produce)",
     CLI),
    ("file-temporary-left-behind", CLITOOL + "SafeFileWriter.swift", "defer { pending.remove() }\n", "\n", CLI),
    ("file-write-error-ignored", CLITOOL + "SafeFileWriter.swift",
     "fchmod(pending.fd, mode)\n        if let failure = sink.failure { throw FileWriteError(path: path, reason: failure) }\n",
     "fchmod(pending.fd, mode)\n", CLI),
    ("file-fifo-renamed-over", CLITOOL + "OutputDestination.swift",
     "case S_IFCHR, S_IFIFO: self = .device(path)\n        case S_IFREG:",
     "case S_IFCHR: self = .device(path)\n        case S_IFREG, S_IFIFO:", CLI),
    # Only the finite oversized file: without the limit, the /dev/zero cases would fill the memory.
    ("file-bounded-read-limit-unchecked", CLITOOL + "BoundedRead.swift",
     "if data.count > limit { throw .tooLarge(limit: limit) }", "", INPUT_LIMIT_FINITE),
    ("file-unique-name-overwrites", CLITOOL + "SafeFileWriter.swift", "try write(bytes, to: path)\n",
     "try write(bytes, to: path, replace: true)\n", CLI),
]


def run(command, cwd, timeout):
    """(status, seconds, output tail); status None on timeout."""
    start = time.time()
    # Its own process group: on a timeout the test runner and whatever it spawned are ended too,
    # or a leftover `swift test` keeps the .build lock and stalls every later build.
    p = subprocess.Popen(command, cwd=cwd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, errors="replace", start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, time.time() - start, out[-3000:]
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None, time.time() - start, ""


def prepare_copy():
    """A copy of the package's sources and tests (not .build, not .git) in WORK."""
    os.makedirs(WORK, exist_ok=True)
    for name in os.listdir(ROOT):
        if name in (".build", ".git", ".swiftpm"):
            continue
        source, target = os.path.join(ROOT, name), os.path.join(WORK, name)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        elif os.path.exists(target):
            os.remove(target)
        if os.path.isdir(source):
            shutil.copytree(source, target, symlinks=True)
        else:
            shutil.copy2(source, target)


def report_stale():
    """Checks every snippet against the sources in place, without copying or building."""
    stale = 0
    for mid, path, original, _, _ in MUTANTS:
        try:
            with open(os.path.join(ROOT, path), encoding="utf-8") as f:
                count = f.read().count(original)
        except FileNotFoundError:
            count = 0
        if count != 1:
            stale += 1
            print(f"STALE     {mid}: the snippet occurs {count} times in {path}")
    ids = [m[0] for m in MUTANTS]
    duplicates = sorted({m for m in ids if ids.count(m) > 1})
    if duplicates:
        print(f"ids used twice: {', '.join(duplicates)}")
    print(f"{len(MUTANTS) - stale}/{len(MUTANTS)} mutants current, {stale} stale")
    return 0 if stale == 0 and not duplicates else 1


def main(argv):
    if "--help" in argv or "-h" in argv:
        print(__doc__.strip())
        return 0
    if "--list" in argv:
        for mid, path, _, _, tests in MUTANTS:
            print(f"{mid:45} {path:55} {tests}")
        return 0
    if "--stale" in argv:
        return report_stale()
    words = [a for a in argv if not a.startswith("-")]
    chosen = [m for m in MUTANTS if not words or any(w in m[0] for w in words)]
    if "--keep-copy" not in argv or not os.path.isdir(WORK):
        prepare_copy()
    print(f"building the unmutated copy in {WORK} ...", flush=True)
    status, seconds, out = run("swift build --build-tests", WORK, BUILD_TIMEOUT)
    if status != 0:
        print(out)
        print("the unmutated package does not build")
        return 2
    print(f"built in {seconds:.0f} s; {len(chosen)} mutants", flush=True)
    results = []
    for mid, path, original, replacement, tests in chosen:
        file = os.path.join(WORK, path)
        with open(file, encoding="utf-8") as f:
            pristine = f.read()
        count = pristine.count(original)
        if count != 1:
            results.append((mid, "STALE"))
            print(f"STALE     {mid}: the snippet occurs {count} times in {path}", flush=True)
            continue
        with open(file, "w", encoding="utf-8") as f:
            f.write(pristine.replace(original, replacement))
        try:
            status, build_s, out = run("swift build --build-tests", WORK, BUILD_TIMEOUT)
            if status is None:
                verdict, why, test_s = "CAUGHT", "build timed out", 0.0
            elif status != 0:
                verdict, why, test_s = "INVALID", "does not compile", 0.0
                print(out[-1500:])
            else:
                # A crash is a catch; without the backtracer it ends at once instead of holding the pipe.
                # A fifth of the key fuzzer's default keys keeps each mutant near a minute on two cores.
                status, test_s, out = run("SWIFT_BACKTRACE=enable=no CONVSCOPE_FUZZ_KEYS=20000 "
                                          f"swift test --skip-build --filter '{tests}'", WORK, TEST_TIMEOUT)
                if status is None:
                    verdict, why = "CAUGHT", "tests timed out"
                elif status != 0:
                    failed = [l for l in out.splitlines() if "failed" in l and ("Test " in l or "Suite " in l)]
                    verdict, why = "CAUGHT", (failed[0].strip()[:110] if failed else f"exit {status}")
                else:
                    verdict, why = "SURVIVED", "every test passed"
        finally:
            with open(file, "w", encoding="utf-8") as f:
                f.write(pristine)
        results.append((mid, verdict))
        print(f"{verdict:9} {mid} ({build_s:.0f}+{test_s:.0f} s): {why}", flush=True)
    counted = [v for _, v in results if v in ("CAUGHT", "SURVIVED")]
    caught = counted.count("CAUGHT")
    print()
    for verdict in ("SURVIVED", "STALE", "INVALID"):
        names = [m for m, v in results if v == verdict]
        if names:
            print(f"{verdict.lower()}: {', '.join(names)}")
    if counted:
        print(f"score: {caught}/{len(counted)} caught = {100 * caught / len(counted):.1f} %")
    # Leave the copy built from the unmutated sources for the next run.
    run("swift build --build-tests", WORK, BUILD_TIMEOUT)
    return 0 if counted and caught == len(counted) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
