import Testing
import ConvCore
@testable import ConvScopeApp

/// The model screen at 80×24 keeps what decides: a layer's module is never cut inside its first
/// argument (the r, j and start columns give way first), the field's facts wrap instead of losing
/// the start, and the U-Net hint keeps its sizes, giving way by whole words from its end.
@Suite("Model screen at 80×24")
struct ModelScreenWordsTests {
    static func screen(_ text: String, size: Int, select: Int, lang: Language, columns: Int = 80, rows: Int = 24) -> String {
        let layers = try! ModelParser.parse(text)
        var s = ModelProgram(model: Model(inputShape: [1, Model.expectedChannels(layers)!, size, size], layers: layers))
        s.environment = RenderEnvironment(language: lang)
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        s = update(s, .stack(.chooseLayer(select)))
        return view(s, maps: nil, environment: s.environment).text
    }

    static let unet = """
        Conv2d(3, 16, 3, stride=2, padding=1)
        ReLU()
        MaxPool2d(2)
        ConvTranspose2d(16, 16, (3, 5), stride=(2, 1))
        Cat(1)
        """

    @Test(arguments: [Language.en, .ru])
    func decisiveWordsStay(_ lang: Language) {
        let text = Self.screen(Self.unet, size: 64, select: 3, lang: lang)
        #expect(text.contains("ConvTranspose2d(16, …)"), "the module keeps its first argument:\n\(text)")
        #expect(!text.contains("ConvTranspose2d(1…"))
        // The field's start for 9×21 windows, whole.
        #expect(text.contains(lang.pick("start -1×-7", "начало -1×-7")), "\(text)")
        // The hint's decisive sizes.
        #expect(text.contains(lang.pick("(3): no output_padding gives 32×32 like (1)", "(3): 32×32, как у (1), не даёт ни один")))
        if lang == .ru {
            #expect(text.contains("то есть: у склеиваемых карт разные H или W: 32 и 33"), "\(text)")
        }
    }

    /// The coverage map of ConvTranspose2d(k3, s2, p1, op1) at 80×24: its 1 2 / 2 4 pattern is
    /// never averaged into blocks; the map is one cell per count, cropped and scrolled, and says so.
    @Test(arguments: [Language.en, .ru])
    func coverageKeepsItsCheckerboard(_ lang: Language) {
        let layers = try! ModelParser.parse("Conv2d(3, 8, 3, padding=1)\nConvTranspose2d(8, 8, 3, stride=2, padding=1, output_padding=1)")
        var s = ModelProgram(model: Model(inputShape: [1, 3, 32, 32], layers: layers))
        s.environment = RenderEnvironment(language: lang)
        s = update(s, .start(TerminalSize(columns: 80, rows: 24)))
        s = update(s, .stack(.chooseLayer(1)))
        // A ConvTranspose2d's direct and scatter forms come first.
        for _ in 0..<3 { s = update(s, .stack(.toggleCoverage)) }
        let layout = StackLayout.compute(s, environment: s.environment)
        let coverage = try! #require(layout.bottom)
        #expect(coverage.geometry.block == 1 && coverage.isCropped)
        let text = view(s, maps: nil, environment: s.environment).text
        assertSnapshot(text, named: "stack-coverage-transposed-\(lang.rawValue)-80x24")
        #expect(text.contains(lang.pick("coverage 64×64", "покрытие 64×64")))
        #expect(text.contains(lang.pick("1 cell = 1 count", "1 клетка = 1 значение")))
        #expect(!text.contains(lang.pick("mean", "среднее")))
        // The counts themselves alternate 1 2 / 2 4 with the stride.
        let counts = s.stack!.coverageCounts!
        #expect(Array(counts[1][1...4]) == [4, 2, 4, 2] && Array(counts[2][1...4]) == [2, 1, 2, 1])
    }
}
