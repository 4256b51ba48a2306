import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The screen in Russian: snapshots of the main screen, the help, the cost panel and an error,
/// and a sweep over many states that no English sentence is left in Russian mode.
@Suite("Russian screen")
struct RussianScreenTests {
    static let russian = RenderEnvironment(language: .ru)

    /// Renders a state in a language, as the TUI would (the state's environment is the screen's).
    static func text(_ state: AppState, _ env: RenderEnvironment) -> String {
        var s = state
        s.environment = env
        let maps = try? ComputedMaps(ConvExperiment(s.parameters))
        return view(s, maps: maps, environment: env).text
    }

    /// The screen's text without PyTorch's message (English in every language), wrapped as the
    /// error view wraps it.
    static func textWithoutPyTorch(_ state: AppState, _ env: RenderEnvironment) -> String {
        var text = Self.text(state, env)
        guard let error = state.parameters.validate() else { return text }
        var s = state
        s.environment = env
        let layout = Layout.compute(s, environment: env)
        // Word for word, or (in a small window) its end after an ellipsis (`ErrorView.endOf`).
        let shortened = (1...6).flatMap { ErrorView.endOf(error, width: layout.maps.width, rows: $0, ellipsis: env.glyphs.ellipsis) }
        // Longest first, so no shorter line takes part of a longer one.
        for line in (TextWrap.lines("RuntimeError: " + error.message, width: layout.maps.width) + shortened).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: line, with: String(repeating: " ", count: line.count))
        }
        return text
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func snapshots(columns: Int, rows: Int) {
        let size = "\(columns)x\(rows)"
        var error = ConvParameters()
        error.kernelSizeH = 9; error.kernelSizeW = 9
        let states: [(String, AppState)] = [
            ("defaults", sizedState(columns: columns, rows: rows)),
            ("help", update(sizedState(columns: columns, rows: rows), .toggleHelp)),
            ("cost-panel", update(sizedState(columns: columns, rows: rows), .togglePanel(.cost))),
            ("error-kernel9", sizedState(error, columns: columns, rows: rows)),
        ]
        for (name, state) in states {
            assertSnapshot(Self.text(state, Self.russian), named: "ru-\(name)-\(size)")
        }
        let main = Self.text(states[0].1, Self.russian)
        #expect(main.contains("вход 1×3×8×8") && main.contains("выход 1×2×6×6"))
        #expect(main.contains("ядро 2×3×3×3 · все единицы · без смещения"))
        let help = Self.text(states[1].1, Self.russian)
        #expect(help.contains("выбрать предыдущий параметр"))
        let failed = Self.text(states[3].1, Self.russian)
        // PyTorch's words stay English, with the Russian under them.
        #expect(failed.contains("RuntimeError: Calculated padded input size per"))
        #expect(failed.contains("то есть:"))
    }

    /// Words PyTorch, the shell and the keyboard use, which stay as they are in Russian.
    static let kept: Set<String> = [
        "PyTorch", "RuntimeError", "Enter", "Esc", "Tab", "Shift", "Shift-Tab", "Ctrl-C", "PgUp", "PgDn", "Home", "End",
        "convscope", "render", "svg",
        // The palettes' names, as `--cmap` takes them.
        "rocket", "viridis", "cividis", "magma", "gray",
        // The course notes' symbol for the ratios (Comp_param, Comp_mult).
        "Comp",
        // nn.Conv2d's own argument names and values (PyTorch's literals), as the panel rows and
        // `--padding-mode` and `--padding` take them. convscope's own words (explicit, the inputs,
        // the kernel presets) are translated.
        "groups", "bias", "padding", "zeros", "reflect", "replicate", "circular", "same", "valid",
        // The P panel's Python: its keywords and names are code.
        "import", "as", "with", "torch", "nn", "conv", "for", "in", "range", "def", "return", "float", "if", "else",
        "math", "np", "numpy", "print",
    ]

    /// Latin words a reader would read as English: two letters or more, not part of an
    /// identifier (h_in, nn.Conv2d, input[0, 1, 2], bias=False) or of a command-line flag.
    static func englishWords(_ text: String) -> Set<String> {
        var words: Set<String> = []
        let identifier: (Character) -> Bool = { $0.isLetter && $0.isASCII || $0.isNumber || "_.=-[(|".contains($0) }
        // Command-line flags and their values ("--panel code", "--frame screen|maps") are the program's own.
        let flags = try! NSRegularExpression(pattern: "--[a-z-]+( [a-z][a-z|]*)?")
        for line in text.split(separator: "\n") {
            let line = flags.stringByReplacingMatches(in: String(line), range: NSRange(line.startIndex..., in: line),
                                                      withTemplate: " ")
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                guard chars[i].isASCII && chars[i].isLetter, i == 0 || !identifier(chars[i - 1]) else { i += 1; continue }
                var j = i
                while j < chars.count && (chars[j].isASCII && chars[j].isLetter || chars[j] == "-") { j += 1 }
                let next = j < chars.count ? chars[j] : " "
                let word = String(chars[i..<j])
                if word.count >= 2 && !identifier(next) && !(next == "|") && !word.hasSuffix("-") { words.insert(word) }
                i = j
            }
        }
        return words.subtracting(kept)
    }

    /// States covering every view: panels (scrolled too), help pages, the inspector both ways,
    /// animation, typing, each notice, padding, paging, cropping, the whole-map zoom, errors.
    static func sweep() -> [AppState] {
        var out: [AppState] = []
        for (columns, rows) in [(50, 17), (80, 24), (120, 40), (200, 60)] {
            let base = sizedState(columns: columns, rows: rows)
            out.append(base)
            var help = update(base, .toggleHelp)
            for _ in 0..<6 { out.append(help); help = update(help, .helpPage(1)) }
            for panel in Panel.allCases {
                var s = update(base, .togglePanel(panel))
                out.append(s)
                for _ in 0..<10 { s = update(s, .scrollPanel(3)) }
                out.append(s)
            }
            out.append(update(base, .focusNext))
            out.append(update(update(base, .focusNext), .togglePlay))
            out.append(update(update(base, .focusNext), .focusNext))
            var typing = base
            typing.typing = "1"
            out.append(typing)
            let notices: [Notice] = [.restored, .outOfRange(name: "h_in", value: 0, range: 1...1024),
                                     .theme(.light, shownInTerminal: true), .theme(.dark, shownInTerminal: false),
                                     .linked(true), .linked(false), .zoom(.numbers, automatic: true), .zoom(.large, automatic: false),
                                     .reset, .nothingToClose, .nothingToAnimate, .paddedView(true), .paddedView(false)]
            for notice in notices {
                var s = base
                s.notice = notice
                out.append(s)
            }
            var unread = ConvParameters()
            unread.strideH = 3; unread.strideW = 3; unread.paddingH = 1
            out.append(update(sizedState(unread, columns: columns, rows: rows), .togglePadded))
            out.append(update(update(update(sizedState(unread, columns: columns, rows: rows), .focusNext), .focusNext),
                              .moveCursor(dx: 1 << 20, dy: 0)))
            for panel in [Panel.formula, .cost] { out.append(update(sizedState(unread, columns: columns, rows: rows), .togglePanel(panel))) }
            var big = ConvParameters()
            big.hIn = 100; big.wIn = 100; big.inChannels = 9; big.outChannels = 9
            var whole = sizedState(big, columns: columns, rows: rows)
            whole.zoomOverride = .whole
            out.append(whole)
            var numbers = sizedState(big, columns: columns, rows: rows)
            numbers.zoomOverride = .numbers
            out.append(numbers)
            var refused = ConvParameters()
            refused.kernelSizeH = 12; refused.dilationW = 5
            let bad = sizedState(refused, columns: columns, rows: rows)
            for (input, kernel) in [(InputSource.checker, KernelPreset.gauss), (.random(start: 7), .random(start: 3)),
                                    (.impulse, .sobelX), (.rampY, .laplace), (.notebook, .identity)] {
                var words = base
                words.parameters.input = .generated(input)
                words.parameters.kernel = .preset(kernel)
                out.append(words)
            }
            out += [bad, update(bad, .togglePanel(.cost)), update(bad, .togglePanel(.formula)),
                    update(update(bad, .focusNext), .focusNext)]
        }
        out.append(sizedState(columns: 40, rows: 12))
        return out
    }

    @Test func noEnglishSentenceLeaksInRussianMode() {
        var englishSeen: Set<String> = []
        for state in Self.sweep() {
            englishSeen.formUnion(Self.englishWords(Self.textWithoutPyTorch(state, RenderEnvironment(language: .en))))
            let leaked = Self.englishWords(Self.textWithoutPyTorch(state, Self.russian))
            #expect(leaked.isEmpty, "\(state.terminalSize) \(state.panel.map(\.rawValue) ?? "") \(String(describing: state.notice)): \(leaked.sorted())")
        }
        // The same sweep in English finds the catalogue's words, so the check above can fail.
        #expect(englishSeen.count >= 150, "\(englishSeen.count) English words")
        for word in ["input", "output", "kernel", "channel", "parameters", "select", "scroll", "never", "padded", "zoom"] {
            #expect(englishSeen.contains(word), "\(word)")
        }
    }

    /// The stack table, its notes and the coverage grids in Russian: no English word but
    /// PyTorch's (its layer names and messages); the HTML page says its language.
    @Test func stackTextsAndHTMLInRussian() throws {
        let unet = try ModelParser.parse("""
            Conv2d(1, 8, 3, padding=1)
            MaxPool2d(2)
            ConvTranspose2d(8, 8, 2, stride=2)
            Cat(0)
            """)
        let broken = try ModelParser.parse("Conv2d(3, 4, 3)\nConv2d(5, 8, 3)\nReLU()")
        for (layers, shape) in [(unet, [1, 1, 16, 16]), (broken, [1, 3, 8, 8])] {
            let trace = StackTrace(inputShape: shape, layers: layers)
            for text in [StackTable.text(trace, language: .en), CoverageText.text(trace, language: .en)] {
                #expect(!Self.englishWords(text).subtracting(["RuntimeError", "Given", "groups", "weight", "of", "size",
                                                               "expected", "input", "to", "have", "channels", "but",
                                                               "got", "instead"]).isEmpty, "English finds words")
            }
            let russian = StackTable.text(trace, language: .ru) + CoverageText.text(trace, language: .ru)
            let lines = russian.split(separator: "\n").filter { !$0.contains("RuntimeError") }.joined(separator: "\n")
            // Cat is the layer's name, as in the model.
            #expect(Self.englishWords(lines).subtracting(["Cat"]).isEmpty, "\(Self.englishWords(lines).sorted())\n\(russian)")
        }
        let page = ExportFormat.html.export(Canvas(width: 2, height: 1), language: .ru)
        #expect(page.contains("lang=\"ru\""))
    }
}
